// Notifications, written with the event that causes them (never for the actor's own action), as
// each person chose for the kind: at once, in the daily digest, or not at all. A reactor: it runs
// in the change's transaction, and says who was notified so e-mail can follow after the commit.
import type { IdeaEvent } from "~/core/events";
import type { InsideReactor } from "~/core/reactors.server";
import { isClosedKind } from "~/modules/stage/kinds";
import type { Tx } from "~/utils/db.server";
import { DEFAULT_MODES, type NotificationKind } from "./kinds";

/** Who hears about an event, and as what. */
async function recipients(tx: Tx, event: IdeaEvent): Promise<{ userIds: number[]; kind: NotificationKind } | null> {
  const idea = await tx.idea.findUnique({ where: { id: event.ideaId }, select: { authorId: true } });
  if (!idea) return null;
  switch (event.type) {
    case "MOVED": {
      const stage = event.toStageId ? await tx.stage.findUnique({ where: { id: event.toStageId }, select: { kind: true } }) : null;
      return { userIds: [idea.authorId], kind: isClosedKind(stage?.kind) ? "CLOSED" : "MOVED" };
    }
    case "RETURNED":
      return { userIds: [idea.authorId], kind: "RETURNED" };
    case "DECLINED":
      return { userIds: [idea.authorId], kind: "DECLINED" };
    case "COMMENTED": {
      // Internal notes are for the lab: nobody is told about them.
      if (event.internal) return null;
      const commenters = await tx.comment.groupBy({ by: ["authorId"], where: { ideaId: event.ideaId, internal: false, deletedAt: null } });
      return { userIds: [idea.authorId, ...commenters.map((c) => c.authorId)], kind: "COMMENT" };
    }
    case "MERGED": {
      // The merged idea's author and its supporters, whose supports the event lists (they have moved on already).
      const data = event.data as { moved?: { userId: number }[]; dropped?: { userId: number }[] } | undefined;
      const supporters = [...(data?.moved ?? []), ...(data?.dropped ?? [])].map((s) => s.userId);
      return { userIds: [idea.authorId, ...supporters], kind: "MERGED" };
    }
    case "ASSIGNED": {
      const assigneeId = event.data?.assigneeId;
      return typeof assigneeId === "number" ? { userIds: [assigneeId], kind: "ASSIGNED" } : null;
    }
    default:
      return null;
  }
}

export const notificationReactor: InsideReactor<"idea"> = {
  name: "notification.write",
  on: "idea",
  phase: "inside",
  async react(event, { tx, emit }) {
    const who = await recipients(tx, event);
    if (!who) return;
    const userIds = [...new Set(who.userIds)].filter((id) => id !== event.actorId);
    if (!userIds.length) return;
    const active = await tx.user.findMany({
      where: { id: { in: userIds }, active: true },
      select: { id: true, notificationPreferences: { where: { kind: who.kind }, select: { mode: true } } },
    });
    const data = active.flatMap((u) => {
      const mode = u.notificationPreferences[0]?.mode ?? DEFAULT_MODES[who.kind];
      return mode === "OFF" ? [] : [{ userId: u.id, kind: who.kind, ideaId: event.ideaId, actorId: event.actorId, delivery: mode, createdAt: event.at }];
    });
    if (!data.length) return;
    await tx.notification.createMany({ data });
    await emit({ kind: "notified", ideaId: event.ideaId, userIds: data.map((d) => d.userId), instant: data.some((d) => d.delivery === "INSTANT") });
  },
};
