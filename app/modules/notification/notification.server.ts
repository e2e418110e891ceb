// Notifications, written with the event that causes them (never for the actor's own action), as
// each person chose for the kind: at once, in the daily digest, or not at all. E-mail picks them up
// from here (app/modules/mail/jobs.server.ts).
import type { Tx } from "~/modules/idea/events.server";
import type { EventType } from "~/modules/idea/events";
import { scheduleMailSoon } from "~/modules/mail/schedule.server";
import { prisma } from "~/utils/db.server";
import { DEFAULT_MODES, DELIVERY_MODES, NOTIFICATION_KINDS, type DeliveryMode, type NotificationKind } from "./kinds";
import { isClosedKind } from "~/modules/board/columns";

type EventFacts = { ideaId: number; actorId: number | null; type: EventType; toStageId?: number | null; data?: Record<string, unknown> };

/** Who hears about an event, and as what. */
async function recipients(tx: Tx, event: EventFacts): Promise<{ userIds: number[]; kind: NotificationKind } | null> {
  const idea = await tx.idea.findUnique({ where: { id: event.ideaId }, select: { authorId: true } });
  if (!idea) return null;
  switch (event.type) {
    case "MOVED": {
      const stage = event.toStageId ? await tx.stage.findUnique({ where: { id: event.toStageId }, select: { kind: true } }) : null;
      return { userIds: [idea.authorId], kind: isClosedKind(stage?.kind) ? "idea.closed" : "idea.moved" };
    }
    case "RETURNED":
      return { userIds: [idea.authorId], kind: "idea.returned" };
    case "DECLINED":
      return { userIds: [idea.authorId], kind: "idea.declined" };
    case "COMMENTED": {
      // Internal notes are for the lab: nobody is told about them.
      if (event.data?.internal) return null;
      const commenters = await tx.comment.groupBy({ by: ["authorId"], where: { ideaId: event.ideaId, internal: false, deletedAt: null } });
      return { userIds: [idea.authorId, ...commenters.map((c) => c.authorId)], kind: "comment" };
    }
    case "ASSIGNED": {
      const assigneeId = event.data?.assigneeId;
      return typeof assigneeId === "number" ? { userIds: [assigneeId], kind: "assigned" } : null;
    }
    default:
      return null;
  }
}

export async function notifyFor(tx: Tx, event: EventFacts) {
  const who = await recipients(tx, event);
  if (!who) return;
  const userIds = [...new Set(who.userIds)].filter((id) => id !== event.actorId);
  if (!userIds.length) return;
  const active = await tx.user.findMany({
    where: { id: { in: userIds }, active: true },
    select: { id: true, notificationPreferences: { where: { kind: who.kind }, select: { mode: true } } },
  });
  const data = active.flatMap((u) => {
    const mode = (u.notificationPreferences[0]?.mode as DeliveryMode | undefined) ?? DEFAULT_MODES[who.kind];
    return mode === "OFF" ? [] : [{ userId: u.id, kind: who.kind, ideaId: event.ideaId, actorId: event.actorId, delivery: mode }];
  });
  if (!data.length) return;
  await tx.notification.createMany({ data });
  if (data.some((d) => d.delivery === "INSTANT")) scheduleMailSoon();
}

/** Each kind with the person's choice, or its default. */
export async function getPreferences(userId: number): Promise<Record<NotificationKind, DeliveryMode>> {
  const rows = await prisma.notificationPreference.findMany({ where: { userId } });
  const chosen = new Map(rows.map((r) => [r.kind, r.mode]));
  return Object.fromEntries(
    NOTIFICATION_KINDS.map((kind) => {
      const mode = chosen.get(kind);
      return [kind, mode && (DELIVERY_MODES as readonly string[]).includes(mode) ? mode : DEFAULT_MODES[kind]];
    }),
  ) as Record<NotificationKind, DeliveryMode>;
}

export async function savePreferences(userId: number, modes: Record<NotificationKind, DeliveryMode>) {
  await prisma.$transaction(
    NOTIFICATION_KINDS.map((kind) =>
      prisma.notificationPreference.upsert({ where: { userId_kind: { userId, kind } }, create: { userId, kind, mode: modes[kind] }, update: { mode: modes[kind] } }),
    ),
  );
}

export function unreadCount(userId: number) {
  return prisma.notification.count({ where: { userId, readAt: null } });
}

export async function listNotifications(userId: number) {
  const rows = await prisma.notification.findMany({
    where: { userId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: 50,
    select: { id: true, kind: true, createdAt: true, readAt: true, idea: { select: { id: true, title: true } } },
  });
  return rows.map((r) => ({ id: r.id, kind: r.kind, createdAt: r.createdAt.toISOString(), read: !!r.readAt, idea: r.idea }));
}

export async function markAllRead(userId: number) {
  await prisma.notification.updateMany({ where: { userId, readAt: null }, data: { readAt: new Date() } });
}
