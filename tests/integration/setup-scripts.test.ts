import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { expect, test } from "vitest";
import { prisma } from "~/utils/db.server";
import { verifyPassword } from "~/utils/password.server";

test("every connection is set up for a web server: WAL, synchronous NORMAL, foreign keys, a 5 s busy timeout", async () => {
  const one = async (sql: string) => Object.values(((await prisma.$queryRawUnsafe(sql)) as Record<string, unknown>[])[0])[0];
  expect(await one("PRAGMA journal_mode")).toBe("wal");
  expect(Number(await one("PRAGMA synchronous"))).toBe(1); // NORMAL
  expect(Number(await one("PRAGMA foreign_keys"))).toBe(1);
  expect(Number(await one("PRAGMA busy_timeout"))).toBeGreaterThanOrEqual(5000);
});

test("npm run user:create makes a real user on a new database, without demo data, and refuses bad input", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "user-create-"));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: `file:${path.join(dir, "prod.db")}`,
    NODE_ENV: "production",
    IDEALAB_PASSWORD: "ļoti-droša-parole-2026",
  };
  const tsx = path.resolve("node_modules/.bin/tsx");
  const out = execFileSync(
    tsx,
    ["scripts/create-user.ts", "--email", "Vaditaja@MK.gov.lv", "--name", "Ilze Vadītāja", "--role", "ADMIN", "--institution", "VK"],
    { env, encoding: "utf8" },
  );
  expect(out).toContain("Created ADMIN vaditaja@mk.gov.lv");
  const db = new Database(path.join(dir, "prod.db"), { readonly: true });
  const users = db.prepare(`SELECT email, name, role, passwordHash FROM "User"`).all() as { email: string; name: string; role: string; passwordHash: string }[];
  expect(db.prepare(`SELECT COUNT(*) AS n FROM "Idea"`).get()).toEqual({ n: 0 });
  expect(db.prepare(`SELECT COUNT(*) AS n FROM "Stage"`).get()).toEqual({ n: 8 });
  db.close();
  expect(users).toHaveLength(1);
  expect(users[0]).toMatchObject({ email: "vaditaja@mk.gov.lv", name: "Ilze Vadītāja", role: "ADMIN" });
  expect(users[0].passwordHash).toMatch(/^\$argon2id\$/);

  const again = spawnSync(tsx, ["scripts/create-user.ts", "--email", "vaditaja@mk.gov.lv", "--name", "X", "--role", "ADMIN"], { env, encoding: "utf8" });
  expect(again.status).toBe(2);
  expect(again.stderr).toContain("already exists");
  const short = spawnSync(tsx, ["scripts/create-user.ts", "--email", "a@b.lv", "--name", "X"], { env: { ...env, IDEALAB_PASSWORD: "īsa" }, encoding: "utf8" });
  expect(short.status).toBe(2);
  expect(short.stderr).toContain("at least 12 characters");
  const common = spawnSync(tsx, ["scripts/create-user.ts", "--email", "a@b.lv", "--name", "X"], {
    env: { ...env, IDEALAB_PASSWORD: "parole123456" },
    encoding: "utf8",
  });
  expect(common.status).toBe(2);
  expect(common.stderr).toContain("password: This password is too common");
  return verifyPassword(users[0].passwordHash, "ļoti-droša-parole-2026").then((ok) => expect(ok).toBe(true));
}, 90_000);
