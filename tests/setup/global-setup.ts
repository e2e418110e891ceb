// Once per `vitest run` of the PostgreSQL project: the template database, migrated with the
// project's runner and given the reference data, from which each test file's database is copied.
import { admin, databaseOn, dropDatabase, templateDatabase } from "./postgres";

/** Databases of runs that began this long ago were left by runs that were killed: dropped. */
const STALE_MS = 6 * 3_600_000;

export default async function setup() {
  // Leftovers of runs that were killed before they could drop their databases (their names begin
  // with when their run began).
  const all = await admin((c) => c.query<{ datname: string }>(`SELECT datname FROM pg_database WHERE datname LIKE 'idealab\\_t%'`));
  for (const { datname } of all.rows) {
    const began = parseInt(/^idealab_t(?:pl)?_([0-9a-z]{8})/.exec(datname)?.[1] ?? "", 36);
    if (Number.isFinite(began) && Date.now() - began > STALE_MS) await dropDatabase(datname);
  }
  const template = templateDatabase();
  await admin((c) => c.query(`CREATE DATABASE "${template}"`));
  const url = databaseOn(template);
  const { applyPostgresMigrations } = await import("~/utils/migrations.server");
  await applyPostgresMigrations(url);
  const { createPrismaClient } = await import("~/utils/db.server");
  const prisma = createPrismaClient(url);
  const { seedReference } = await import("../../prisma/seed");
  await seedReference(prisma);
  await prisma.$disconnect();
  return async () => {
    await dropDatabase(template);
  };
}
