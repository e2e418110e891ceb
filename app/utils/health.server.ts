// The database side of a server process's life: the liveness check (/healthz), the readiness check
// (/readyz: server/probes.js), and letting go of the database when the process stops (server/shutdown.js).
import { prisma, type Db } from "./db.server";
import { type Engine, engineOf } from "./engine.server";
import { pendingMigrations } from "./migrations.server";

/** Reads the database; the stages table must be there and readable. */
export async function checkHealth(db: Db = prisma) {
  const started = performance.now();
  try {
    const stages = await db.stage.count();
    return { ok: true as const, database: "ok", stages, ms: Math.round(performance.now() - started) };
  } catch {
    return { ok: false as const, database: "unavailable", ms: Math.round(performance.now() - started) };
  }
}

/** How long the readiness check waits for the database before it calls it unavailable. */
export const READINESS_TIMEOUT_MS = 3_000;

class TimedOut extends Error {}

function within<T>(ms: number, work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new TimedOut()), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

export type Readiness =
  | { ok: true; database: "ok"; migrations: "ok"; ms: number }
  | { ok: false; database: "unavailable"; ms: number }
  | { ok: false; database: "ok"; migrations: "pending"; pending: string[]; ms: number }
  | { ok: false; database: "ok"; migrations: "unknown"; ms: number };

/**
 * Whether this process can serve: the database answers (within READINESS_TIMEOUT_MS) and has every
 * migration of its engine applied. Two small queries, no session. By default the app's database.
 */
export async function checkReadiness({
  db = prisma,
  engine = engineOf(),
  timeoutMs = READINESS_TIMEOUT_MS,
}: { db?: Db; engine?: Engine; timeoutMs?: number } = {}): Promise<Readiness> {
  const started = performance.now();
  const ms = () => Math.round(performance.now() - started);
  try {
    await within(timeoutMs, db.$queryRawUnsafe("SELECT 1"));
  } catch {
    return { ok: false, database: "unavailable", ms: ms() };
  }
  let pending: string[];
  try {
    pending = await within(
      timeoutMs,
      pendingMigrations((sql) => db.$queryRawUnsafe<{ migration_name: string }[]>(sql), engine),
    );
  } catch (error) {
    // The migrations' folder could not be read (the server started outside the project's folder?).
    return error instanceof TimedOut ? { ok: false, database: "unavailable", ms: ms() } : { ok: false, database: "ok", migrations: "unknown", ms: ms() };
  }
  if (pending.length) return { ok: false, database: "ok", migrations: "pending", pending, ms: ms() };
  return { ok: true, database: "ok", migrations: "ok", ms: ms() };
}

/** Closes the process's database connections (the last step of a shutdown). */
export async function disconnectDatabase() {
  await prisma.$disconnect();
}
