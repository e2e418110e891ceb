// Locks by name, for work that must take turns across server processes.
import { prisma, type Tx } from "./db.server";
import { onPostgres } from "./engine.server";

/**
 * Makes the rest of the transaction wait for other transactions holding any of these keys (until
 * each commits or rolls back). On PostgreSQL an advisory transaction lock per key, taken in a fixed
 * order so two holders cannot deadlock; on SQLite nothing is needed: one writer at a time, and the
 * app's connection runs one transaction at a time.
 */
export async function lockKeys(tx: Tx, ...keys: string[]) {
  if (!onPostgres()) return;
  for (const key of [...new Set(keys)].sort()) await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${key}))`;
}

/**
 * Runs `work` in a transaction if no other process is running work of this key, and returns its
 * result; returns null at once when another process holds it. For periodic work that one process
 * of a deployment should do (the hourly sweep): on PostgreSQL an advisory transaction lock tried
 * without waiting; on SQLite there is one process per database file, and its transaction is the lock.
 */
export async function runAlone<T>(key: string, work: (tx: Tx) => Promise<T>): Promise<T | null> {
  return prisma.$transaction(async (tx) => {
    if (onPostgres()) {
      const [{ locked }] = await tx.$queryRaw<{ locked: boolean }[]>`SELECT pg_try_advisory_xact_lock(hashtext(${key})) AS "locked"`;
      if (!locked) return null;
    }
    return work(tx);
  });
}
