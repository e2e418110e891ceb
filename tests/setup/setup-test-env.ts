// Each test file gets its own database: on SQLite a new file migrated from scratch with the
// project's runner and given the reference data; on PostgreSQL (the "postgresql" project) a copy
// of the template database that the global setup migrated and seeded. No mocks of Prisma: every
// query runs for real.
import { randomBytes } from "node:crypto";
import { mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import { afterAll, afterEach, beforeEach } from "vitest";
import { createTestDatabase, dropDatabase } from "./postgres";

const onPostgres = process.env.TEST_ENGINE === "postgresql";
const dir = path.resolve("tests/.tmp");
mkdirSync(dir, { recursive: true });
const tag = `${process.pid}_${randomBytes(4).toString("hex")}`;
const file = path.join(dir, `test-${tag}.db`);
const pgDatabase = `idealab_t_${process.env.TEST_RUN_ID}_${tag}`;
(globalThis as { __prisma?: unknown }).__prisma = undefined;

if (onPostgres) {
  process.env.DATABASE_URL = await createTestDatabase(pgDatabase);
} else {
  process.env.DATABASE_URL = `file:${file}`;
  const { applyMigrations, openSqlite } = await import("~/utils/migrations.server");
  const sqlite = openSqlite(file);
  applyMigrations(sqlite);
  sqlite.close();
}

const { prisma } = await import("~/utils/db.server");
// The reactors, as the server registers them at start-up.
await import("~/modules/system/reactors.server");
if (!onPostgres) {
  const { seedReference } = await import("../../prisma/seed");
  await seedReference(prisma);
}

// An error logged during a test is a failure.
const originalError = console.error;
let logged: unknown[][] = [];
beforeEach(() => {
  logged = [];
  console.error = (...args: unknown[]) => {
    logged.push(args);
    originalError(...args);
  };
});
afterEach(() => {
  console.error = originalError;
  if (logged.length) throw new Error(`console.error was called during the test: ${String(logged[0][0])}`);
});

afterAll(async () => {
  await prisma.$disconnect();
  if (onPostgres) await dropDatabase(pgDatabase);
  else for (const suffix of ["", "-wal", "-shm"]) rmSync(file + suffix, { force: true });
});
