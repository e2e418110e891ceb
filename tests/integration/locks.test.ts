// Work that must take turns across server processes: named locks (app/utils/locks.server.ts).
import { expect, test } from "vitest";
import { createPrismaClient, prisma } from "~/utils/db.server";
import { onPostgres } from "~/utils/engine.server";
import { lockKeys, runAlone } from "~/utils/locks.server";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

test("periodic work runs in one process at a time: a second process finds the key held and skips", async () => {
  const other = createPrismaClient(); // another process's connection to the same database
  try {
    let release!: () => void;
    let started!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const running = new Promise<void>((resolve) => (started = resolve));
    const first = runAlone("sweep:test", async () => {
      started();
      await held;
      return "first";
    });
    await running;
    if (onPostgres()) {
      // While the first holds the key, another connection's attempt returns at once, without running.
      const at = Date.now();
      const [{ locked }] = await other.$queryRaw<{ locked: boolean }[]>`SELECT pg_try_advisory_lock(hashtext(${"sweep:test"})) AS "locked"`;
      expect(locked).toBe(false);
      expect(Date.now() - at).toBeLessThan(1000);
    }
    release();
    expect(await first).toBe("first");
    // Once it is released, the next run does the work.
    expect(await runAlone("sweep:test", async () => "second")).toBe("second");
  } finally {
    await other.$disconnect();
  }
});

test.skipIf(!onPostgres())("transactions holding the same key take turns; other keys do not wait", async () => {
  const other = createPrismaClient();
  try {
    const order: string[] = [];
    let release!: () => void;
    let locked!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const holding = new Promise<void>((resolve) => (locked = resolve));
    const first = prisma.$transaction(async (tx) => {
      await lockKeys(tx, "a", "b");
      order.push("first has a");
      locked();
      await held;
      order.push("first done");
    });
    await holding;
    const second = other.$transaction(async (tx) => {
      await lockKeys(tx, "b");
      order.push("second has b");
    });
    const unrelated = other.$transaction(async (tx) => {
      await lockKeys(tx, "c");
      order.push("c without waiting");
    });
    await unrelated;
    await sleep(200);
    expect(order).toEqual(["first has a", "c without waiting"]);
    release();
    await Promise.all([first, second]);
    expect(order).toEqual(["first has a", "c without waiting", "first done", "second has b"]);
  } finally {
    await other.$disconnect();
  }
});
