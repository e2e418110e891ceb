// In-app notifications, written with the event that causes them (never for the actor's own action).
import type { Tx } from "~/modules/idea/events.server";
import type { EventType } from "~/modules/idea/events";
import { prisma } from "~/utils/db.server";

export const NOTIFICATION_KINDS = ["idea.moved", "idea.closed", "idea.returned", "idea.declined", "comment", "assigned"] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

type EventFacts = { ideaId: number; actorId: number | null; type: EventType; toStageId?: number | null; data?: Record<string, unknown> };

/** Who hears about an event, and as what. */
async function recipients(tx: Tx, event: EventFacts): Promise<{ userIds: number[]; kind: NotificationKind } | null> {
  const idea = await tx.idea.findUnique({ where: { id: event.ideaId }, select: { authorId: true } });
  if (!idea) return null;
  switch (event.type) {
    case "MOVED": {
      const stage = event.toStageId ? await tx.stage.findUnique({ where: { id: event.toStageId }, select: { kind: true } }) : null;
      const closed = stage?.kind === "CLOSED_SUCCESS" || stage?.kind === "CLOSED_STOPPED";
      return { userIds: [idea.authorId], kind: closed ? "idea.closed" : "idea.moved" };
    }
    case "RETURNED":
      return { userIds: [idea.authorId], kind: "idea.returned" };
    case "DECLINED":
      return { userIds: [idea.authorId], kind: "idea.declined" };
    case "COMMENTED": {
      // Internal notes are for the lab: nobody is told about them.
      if (event.data?.internal) return null;
      const commenters = await tx.comment.findMany({ where: { ideaId: event.ideaId, internal: false, deletedAt: null }, select: { authorId: true }, distinct: ["authorId"] });
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
  const active = await tx.user.findMany({ where: { id: { in: userIds }, active: true }, select: { id: true } });
  if (!active.length) return;
  await tx.notification.createMany({ data: active.map((u) => ({ userId: u.id, kind: who.kind, ideaId: event.ideaId, actorId: event.actorId })) });
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
