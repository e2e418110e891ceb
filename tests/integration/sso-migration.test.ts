// The single sign-on migration changes the User and Session tables the way SQLite changes a table
// (a new one, a copy, the old dropped). On a database full of rows that point at users, nothing may
// be lost: not the sessions, not the comments and supports, not the audit log (which refuses any
// change). And the runner refuses a migration that would leave rows pointing at nothing.
import { copyFileSync, cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, expect, test } from "vitest";
import { createPrismaClient } from "~/utils/db.server";
import { MIGRATIONS_DIR, applyMigrations, openSqlite } from "~/utils/migrations.server";

const MIGRATION = "20261203130000_single_sign_on";
const work = mkdtempSync(path.join(tmpdir(), "sso-migration-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function databaseBefore(name: string) {
  const before = path.join(work, `before-${name}`);
  for (const migration of readdirSync(MIGRATIONS_DIR).filter((n) => n < MIGRATION))
    cpSync(path.join(MIGRATIONS_DIR, migration), path.join(before, migration), { recursive: true });
  const file = path.join(work, `${name}.db`);
  const db = openSqlite(file);
  applyMigrations(db, before);
  return { db, file };
}

test("a database full of rows that point at users keeps every one of them", async () => {
  const { db, file } = databaseBefore("full");
  const now = "2026-12-01T10:00:00.000+00:00";
  db.exec(`
    INSERT INTO "Institution" (id, code, nameLv, nameEn, updatedAt) VALUES (1, 'VK', 'Valsts kanceleja', 'State Chancellery', '${now}');
    INSERT INTO "User" (id, email, name, role, institutionId, passwordHash, totpSecret, updatedAt) VALUES
      (1, 'a@example.lv', 'A', 'SUBMITTER', 1, 'hash-a', NULL, '${now}'), (2, 'b@example.lv', 'B', 'ADMIN', 1, 'hash-b', 'SECRET', '${now}');
    INSERT INTO "Session" (id, userId, expiresAt, userAgent) VALUES ('s1', 1, '2026-12-31T00:00:00.000+00:00', 'Firefox'), ('s2', 2, '2026-12-31T00:00:00.000+00:00', NULL);
    INSERT INTO "Idea" (id, title, status, authorId, institutionId, updatedAt) VALUES (1, 'Ideja', 'SUBMITTED', 1, 1, '${now}');
    INSERT INTO "Comment" (ideaId, authorId, body) VALUES (1, 2, 'Labi');
    INSERT INTO "Support" (ideaId, userId) VALUES (1, 2);
    INSERT INTO "AuditEntry" (actorId, action, targetType, targetId, createdAt) VALUES (1, 'SIGN_IN', 'USER', '1', '${now}'), (2, 'USER_CREATE', 'USER', '1', '${now}');
  `);
  db.close();
  const copy = path.join(work, "full-copy.db");
  copyFileSync(file, copy);
  const migrated = openSqlite(copy);
  expect(applyMigrations(migrated)).toContain(MIGRATION);
  // Foreign keys are back on for whoever uses the connection next.
  expect(migrated.pragma("foreign_keys", { simple: true })).toBe(1);
  migrated.close();

  const prisma = createPrismaClient(`file:${copy}`);
  try {
    expect(await prisma.user.findMany({ orderBy: { id: "asc" }, select: { email: true, passwordHash: true, totpSecret: true, lastSignInAt: true } })).toEqual([
      { email: "a@example.lv", passwordHash: "hash-a", totpSecret: null, lastSignInAt: null },
      { email: "b@example.lv", passwordHash: "hash-b", totpSecret: "SECRET", lastSignInAt: null },
    ]);
    expect(await prisma.session.findMany({ orderBy: { id: "asc" }, select: { id: true, userId: true, userAgent: true, identityId: true } })).toEqual([
      { id: "s1", userId: 1, userAgent: "Firefox", identityId: null },
      { id: "s2", userId: 2, userAgent: null, identityId: null },
    ]);
    expect(await prisma.comment.count()).toBe(1);
    expect(await prisma.support.count()).toBe(1);
    expect(await prisma.auditEntry.count()).toBe(2);
    // And the new shape is in place: a person without a password.
    await prisma.user.create({ data: { email: "c@example.lv", name: "C", institutionId: 1, passwordHash: null } });
  } finally {
    await prisma.$disconnect();
  }
});

test("the runner refuses, and rolls back, a migration that would leave rows pointing at nothing", () => {
  const { db } = databaseBefore("dangling");
  db.exec(`INSERT INTO "Institution" (id, code, nameLv, nameEn, updatedAt) VALUES (1, 'VK', 'VK', 'VK', '2026-12-01');
    INSERT INTO "User" (id, email, name, role, institutionId, passwordHash, updatedAt) VALUES (1, 'a@example.lv', 'A', 'SUBMITTER', 1, 'x', '2026-12-01');`);
  const dir = path.join(work, "bad");
  mkdirSync(path.join(dir, "20991231000000_bad"), { recursive: true });
  writeFileSync(path.join(dir, "20991231000000_bad", "migration.sql"), `DELETE FROM "Institution";`);
  expect(() => applyMigrations(db, dir)).toThrow(/would leave 1 row\(s\) pointing at rows that do not exist/);
  expect(db.prepare(`SELECT count(*) AS n FROM "Institution"`).get()).toEqual({ n: 1 });
  db.close();
});
