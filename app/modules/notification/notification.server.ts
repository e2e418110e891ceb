// A person's notifications in the app (the header's count, /notifications) and their choices of
// how to hear of each kind (/account). Writing notifications is the reactor's (notify.server.ts).
import { command } from "~/core/command.server";
import { ok } from "~/core/result";
import type { SessionUser } from "~/utils/auth.server";
import { prisma } from "~/utils/db.server";
import { DEFAULT_MODES, NOTIFICATION_KINDS, type DeliveryMode, type NotificationKind } from "./kinds";

// The notifications page checks no form in the browser: its action reads the schema from here, a
// server module, so the page's JavaScript carries no validation library.
export { MarkReadSchema } from "./notification.schema";

/** Each kind with the person's choice, or its default. */
export async function getPreferences(userId: number): Promise<Record<NotificationKind, DeliveryMode>> {
  const rows = await prisma.notificationPreference.findMany({ where: { userId } });
  const chosen = new Map(rows.map((r) => [r.kind, r.mode]));
  return Object.fromEntries(NOTIFICATION_KINDS.map((kind) => [kind, chosen.get(kind) ?? DEFAULT_MODES[kind]])) as Record<NotificationKind, DeliveryMode>;
}

/** Saves a person's choice for every kind (it applies to notifications written from now on). */
export const savePreferences = command<Record<NotificationKind, DeliveryMode>, undefined, SessionUser>({
  permission: null,
  async run({ tx, actor }, modes) {
    for (const kind of NOTIFICATION_KINDS) {
      await tx.notificationPreference.upsert({
        where: { userId_kind: { userId: actor.id, kind } },
        create: { userId: actor.id, kind, mode: modes[kind] },
        update: { mode: modes[kind] },
      });
    }
    return ok();
  },
});

export function unreadCount(userId: number) {
  return prisma.notification.count({ where: { userId, readAt: null } });
}

export const NOTIFICATIONS_SHOWN = 50;

export async function listNotifications(userId: number) {
  const rows = await prisma.notification.findMany({
    where: { userId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: NOTIFICATIONS_SHOWN,
    select: { id: true, kind: true, createdAt: true, readAt: true, idea: { select: { id: true, title: true } } },
  });
  return rows.map((r) => ({ id: r.id, kind: r.kind, createdAt: r.createdAt.toISOString(), read: !!r.readAt, idea: r.idea }));
}

export const markAllRead = command<undefined, undefined, SessionUser>({
  permission: null,
  async run({ tx, actor, now }) {
    await tx.notification.updateMany({ where: { userId: actor.id, readAt: null }, data: { readAt: now } });
    return ok();
  },
});
