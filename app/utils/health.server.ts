import { prisma, type Db } from "./db.server";

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
