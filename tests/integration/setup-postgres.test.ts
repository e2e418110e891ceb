// `DATABASE_URL=postgresql://… npm start` on an empty database (#14): db:setup migrates it, seeds
// the demo with its flow figures and prints the demo logins; run again, it changes nothing.
import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { describe, expect, test } from "vitest";
import { createPrismaClient } from "~/utils/db.server";
import { onPostgres } from "~/utils/engine.server";
import { admin, databaseOn, dropDatabase } from "../setup/postgres";

describe.skipIf(!onPostgres())("db:setup on an empty PostgreSQL database", () => {
  test("migrates, seeds the demo (ideas on the board, flow figures) and prints the logins; a second run adds nothing", async () => {
    const name = `idealab_t_${process.env.TEST_RUN_ID}_setup_${randomBytes(4).toString("hex")}`;
    await admin((c) => c.query(`CREATE DATABASE "${name}"`));
    const url = databaseOn(name);
    const setup = () =>
      execFileSync(process.execPath, ["--import", "tsx", "scripts/setup-db.ts"], {
        env: { ...process.env, DATABASE_URL: url, NODE_ENV: "development" },
        encoding: "utf8",
      });
    const db = createPrismaClient(url);
    try {
      const first = setup();
      expect(first).toMatch(/applied 20261127000000_init/);
      expect(first).toMatch(/Seeded demo data: \d+ users, \d+ ideas/);
      expect(first).toContain("facilitator@example.lv");
      const counts = async () => ({
        users: await db.user.count(),
        ideas: await db.idea.count(),
        onBoard: await db.idea.count({ where: { status: "ACTIVE", stageId: { not: null } } }),
        stays: await db.stay.count(),
        flowDays: await db.flowDay.count(),
      });
      const seeded = await counts();
      expect(seeded.ideas).toBeGreaterThan(20);
      expect(seeded.onBoard).toBeGreaterThan(10);
      expect(seeded.stays).toBeGreaterThan(0);
      expect(seeded.flowDays).toBeGreaterThan(0);
      const second = setup();
      expect(second).not.toMatch(/applied|Seeded/);
      expect(await counts()).toEqual(seeded);
    } finally {
      await db.$disconnect();
      await dropDatabase(name);
    }
  }, 120_000);
});
