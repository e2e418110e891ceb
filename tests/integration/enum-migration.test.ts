// The migration that made every closed set an enum converts the rows of a database made before it,
// losing none: a database is built with the migrations before it, filled as the app then wrote
// rows, copied, and the copy is migrated and read back through the Prisma client.
import { copyFileSync, cpSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test } from "vitest";
import { createPrismaClient } from "~/utils/db.server";
import { MIGRATIONS_DIR, applyMigrations, openSqlite } from "~/utils/migrations.server";

const MIGRATION = "20261202120000_enums_internal_events_reactions";

test("the enums migration converts a database made before it, losing no row", async () => {
  const work = mkdtempSync(path.join(tmpdir(), "enum-migration-"));
  // The migrations as they were before this one.
  const before = path.join(work, "before");
  for (const name of readdirSync(MIGRATIONS_DIR).filter((n) => n < MIGRATION))
    cpSync(path.join(MIGRATIONS_DIR, name), path.join(before, name), { recursive: true });
  const original = path.join(work, "original.db");
  const old = openSqlite(original);
  applyMigrations(old, before);
  const now = "2026-11-30T10:00:00.000+00:00";
  old.exec(`
    INSERT INTO "Institution" (id, code, nameLv, nameEn, updatedAt) VALUES (1, 'VK', 'Valsts kanceleja', 'State Chancellery', '${now}');
    INSERT INTO "User" (id, email, name, role, institutionId, locale, passwordHash, updatedAt) VALUES (1, 'a@example.lv', 'A', 'FACILITATOR', 1, 'lv', 'x', '${now}');
    INSERT INTO "Idea" (id, title, status, authorId, institutionId, updatedAt) VALUES (1, 'Ideja', 'ACTIVE', 1, 1, '${now}');
    INSERT INTO "Event" (ideaId, actorId, type, data, createdAt) VALUES
      (1, 1, 'COMMENTED', '{"commentId":1,"internal":true}', '${now}'),
      (1, 1, 'COMMENTED', '{"commentId":2,"internal":false}', '${now}'),
      (1, 1, 'MOVED', '{"closingNote":"Pabeigts."}', '${now}');
    INSERT INTO "Notification" (userId, kind, ideaId, delivery, createdAt) VALUES
      (1, 'idea.moved', 1, 'INSTANT', '${now}'), (1, 'idea.closed', 1, 'INSTANT', '${now}'), (1, 'idea.returned', 1, 'DIGEST', '${now}'),
      (1, 'idea.declined', 1, 'INSTANT', '${now}'), (1, 'comment', 1, 'DIGEST', '${now}'), (1, 'assigned', 1, 'INSTANT', '${now}');
    INSERT INTO "NotificationPreference" (userId, kind, mode) VALUES (1, 'idea.moved', 'OFF'), (1, 'comment', 'INSTANT');
    INSERT INTO "OutboxMessage" (userId, "to", locale, kind, subject, text, status, createdAt) VALUES
      (1, 'a@example.lv', 'lv', 'instant', 'S', 'T', 'SENT', '${now}'),
      (1, 'a@example.lv', 'lv', 'digest', 'S', 'T', 'NOT_SENT', '${now}'),
      (1, 'a@example.lv', 'en', 'set-password', 'S', 'T', 'FAILED', '${now}');
    INSERT INTO "AuditEntry" (actorId, action, targetType, targetId, createdAt) VALUES
      (1, 'auth.sign-in', 'user', '1', '${now}'), (NULL, 'auth.sign-in-failed', 'user', NULL, '${now}'),
      (1, 'stage.gate', 'stage', 'test', '${now}'), (1, 'institution.create', 'institution', 'VK', '${now}'),
      (1, 'user.deactivate', 'user', '1', '${now}'), (1, 'stage.reorder', 'stage', 'define', '${now}');
  `);
  old.close();

  // A copy of that database, migrated by the runner as `npm start` would.
  const copy = path.join(work, "copy.db");
  copyFileSync(original, copy);
  const db = openSqlite(copy);
  expect(applyMigrations(db)).toEqual([MIGRATION, ...readdirSync(MIGRATIONS_DIR).filter((n) => n > MIGRATION && !n.endsWith(".toml"))]);
  db.close();

  const prisma = createPrismaClient(`file:${copy}`);
  try {
    expect(await prisma.notification.findMany({ orderBy: { id: "asc" }, select: { kind: true, delivery: true } })).toEqual([
      { kind: "MOVED", delivery: "INSTANT" },
      { kind: "CLOSED", delivery: "INSTANT" },
      { kind: "RETURNED", delivery: "DIGEST" },
      { kind: "DECLINED", delivery: "INSTANT" },
      { kind: "COMMENT", delivery: "DIGEST" },
      { kind: "ASSIGNED", delivery: "INSTANT" },
    ]);
    expect(await prisma.notificationPreference.findMany({ orderBy: { kind: "asc" }, select: { kind: true, mode: true } })).toEqual([
      { kind: "COMMENT", mode: "INSTANT" },
      { kind: "MOVED", mode: "OFF" },
    ]);
    expect(await prisma.outboxMessage.findMany({ orderBy: { id: "asc" }, select: { kind: true, status: true, locale: true } })).toEqual([
      { kind: "INSTANT", status: "SENT", locale: "lv" },
      { kind: "DIGEST", status: "NOT_SENT", locale: "lv" },
      { kind: "SET_PASSWORD", status: "FAILED", locale: "en" },
    ]);
    expect(await prisma.auditEntry.findMany({ orderBy: { id: "asc" }, select: { action: true, targetType: true, targetId: true } })).toEqual([
      { action: "SIGN_IN", targetType: "USER", targetId: "1" },
      { action: "SIGN_IN_FAILED", targetType: "USER", targetId: null },
      { action: "STAGE_GATE", targetType: "STAGE", targetId: "test" },
      { action: "INSTITUTION_CREATE", targetType: "INSTITUTION", targetId: "VK" },
      { action: "USER_DEACTIVATE", targetType: "USER", targetId: "1" },
      { action: "STAGE_REORDER", targetType: "STAGE", targetId: "define" },
    ]);
    // The internal note's event is marked in its own column; the others are not, and their details stay.
    expect(await prisma.event.findMany({ orderBy: { id: "asc" }, select: { type: true, internal: true, data: true } })).toEqual([
      { type: "COMMENTED", internal: true, data: '{"commentId":1}' },
      { type: "COMMENTED", internal: false, data: '{"commentId":2}' },
      { type: "MOVED", internal: false, data: '{"closingNote":"Pabeigts."}' },
    ]);
    expect(await prisma.user.findUniqueOrThrow({ where: { id: 1 }, select: { locale: true } })).toEqual({ locale: "lv" });
    expect(await prisma.reaction.count()).toBe(0);
  } finally {
    await prisma.$disconnect();
    rmSync(work, { recursive: true, force: true });
  }
});
