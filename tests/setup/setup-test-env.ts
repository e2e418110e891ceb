// Each test file gets its own SQLite file, migrated from scratch with the project's runner and
// given the reference data. No mocks of Prisma: every query runs for real.
import { randomBytes } from "node:crypto";
import { mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import { afterAll, afterEach, beforeEach } from "vitest";

const dir = path.resolve("tests/.tmp");
mkdirSync(dir, { recursive: true });
const file = path.join(dir, `test-${process.pid}-${randomBytes(4).toString("hex")}.db`);
process.env.DATABASE_URL = `file:${file}`;
(globalThis as { __prisma?: unknown }).__prisma = undefined;

const { applyMigrations, openSqlite } = await import("~/utils/migrations.server");
const sqlite = openSqlite(file);
applyMigrations(sqlite);
sqlite.close();

const { prisma } = await import("~/utils/db.server");
// The reactors, as the server registers them at start-up.
await import("~/modules/system/reactors.server");
const { seedReference } = await import("../../prisma/seed");
await seedReference(prisma);

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
  for (const suffix of ["", "-wal", "-shm"]) rmSync(file + suffix, { force: true });
});
