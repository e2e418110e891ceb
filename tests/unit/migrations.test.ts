import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createHash } from "node:crypto";
import Database from "better-sqlite3";
import { describe, expect, test } from "vitest";
import { MigrationError, applyMigrations } from "~/utils/migrations.server";

function scratch(migrations: Record<string, string>) {
  const dir = mkdtempSync(path.join(tmpdir(), "migrations-"));
  for (const [name, sql] of Object.entries(migrations)) {
    mkdirSync(path.join(dir, name));
    writeFileSync(path.join(dir, name, "migration.sql"), sql);
  }
  return { dir, db: new Database(":memory:") };
}

const tables = (db: Database.Database) =>
  (db.prepare("SELECT name FROM sqlite_master WHERE type='table' ORDER BY name").all() as { name: string }[]).map((r) => r.name);

describe("the migration runner", () => {
  test("applies migrations in name order and records them as Prisma does", () => {
    const { dir, db } = scratch({
      "20260102000000_second": `ALTER TABLE "A" ADD COLUMN "b" TEXT;`,
      "20260101000000_first": `CREATE TABLE "A" ("id" INTEGER PRIMARY KEY);`,
    });
    expect(applyMigrations(db, dir)).toEqual(["20260101000000_first", "20260102000000_second"]);
    expect(tables(db)).toEqual(["A", "_prisma_migrations"]);
    const rows = db.prepare(`SELECT * FROM "_prisma_migrations" ORDER BY started_at`).all() as Record<string, unknown>[];
    expect(rows.map((r) => r.migration_name)).toEqual(["20260101000000_first", "20260102000000_second"]);
    expect(rows[0].checksum).toBe(createHash("sha256").update(`CREATE TABLE "A" ("id" INTEGER PRIMARY KEY);`).digest("hex"));
    for (const row of rows) {
      expect(row.finished_at).not.toBeNull();
      expect(row.applied_steps_count).toBe(1);
      expect(typeof row.id).toBe("string");
    }
  });

  test("skips migrations that are already applied", () => {
    const { dir, db } = scratch({ "001_a": `CREATE TABLE "A" ("id" INTEGER PRIMARY KEY);` });
    expect(applyMigrations(db, dir)).toEqual(["001_a"]);
    expect(applyMigrations(db, dir)).toEqual([]);
    mkdirSync(path.join(dir, "002_b"));
    writeFileSync(path.join(dir, "002_b", "migration.sql"), `CREATE TABLE "B" ("id" INTEGER PRIMARY KEY);`);
    expect(applyMigrations(db, dir)).toEqual(["002_b"]);
    expect(db.prepare(`SELECT count(*) AS n FROM "_prisma_migrations"`).get()).toEqual({ n: 2 });
  });

  test("refuses to go on when an applied migration's file has changed", () => {
    const { dir, db } = scratch({ "001_a": `CREATE TABLE "A" ("id" INTEGER PRIMARY KEY);` });
    applyMigrations(db, dir);
    writeFileSync(path.join(dir, "001_a", "migration.sql"), `CREATE TABLE "A" ("id" INTEGER PRIMARY KEY, "x" TEXT);`);
    mkdirSync(path.join(dir, "002_b"));
    writeFileSync(path.join(dir, "002_b", "migration.sql"), `CREATE TABLE "B" ("id" INTEGER PRIMARY KEY);`);
    expect(() => applyMigrations(db, dir)).toThrow(MigrationError);
    expect(() => applyMigrations(db, dir)).toThrow(/001_a.*checksum/);
    expect(tables(db)).not.toContain("B");
  });

  test("a failing migration leaves nothing behind: its transaction is rolled back", () => {
    const { dir, db } = scratch({
      "001_a": `CREATE TABLE "A" ("id" INTEGER PRIMARY KEY);`,
      "002_broken": `CREATE TABLE "B" ("id" INTEGER PRIMARY KEY); THIS IS NOT SQL;`,
    });
    expect(() => applyMigrations(db, dir)).toThrow();
    expect(tables(db)).toEqual(["A", "_prisma_migrations"]);
    const names = (db.prepare(`SELECT migration_name FROM "_prisma_migrations"`).all() as { migration_name: string }[]).map((r) => r.migration_name);
    expect(names).toEqual(["001_a"]);
  });
});
