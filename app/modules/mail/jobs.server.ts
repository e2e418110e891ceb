// The mail job, run by the server process: every minute (and shortly after something to tell at
// once) it writes e-mails for new notifications to the outbox and sends what waits there.
//   "at once"  one e-mail per person per pass with everything new for them
//   "digest"   one e-mail per person per day, from DIGEST_HOUR (lab time), with what gathered since
// Notifications the person has already read in the app are not e-mailed. Nobody is e-mailed after
// deactivation.
import type { Prisma } from "~/generated/prisma/client";
import type { Delivery } from "~/generated/prisma/enums";
import { isUniqueViolation, prisma } from "~/utils/db.server";
import { LAB_TIME_ZONE } from "~/utils/format";
import { runJob } from "~/utils/metrics.server";
import { composeNotifications, MAIL_ITEMS, type MailItem } from "./compose.server";
import { mailConfig } from "./config.server";
import { enqueue, sendPending } from "./outbox.server";

export const MAIL_INTERVAL_MS = 60_000;

/** The lab's calendar day and hour at `now`. */
export function labClock(now: Date) {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-CA", { timeZone: LAB_TIME_ZONE, year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", hourCycle: "h23" })
      .formatToParts(now)
      .map((p) => [p.type, p.value]),
  );
  return { day: `${parts.year}-${parts.month}-${parts.day}`, hour: Number(parts.hour) };
}

const itemSelect = {
  id: true,
  kind: true,
  createdAt: true,
  readAt: true,
  actorId: true,
  idea: { select: { id: true, title: true, stage: { select: { nameLv: true, nameEn: true } } } },
} satisfies Prisma.NotificationSelect;
type Row = Prisma.NotificationGetPayload<{ select: typeof itemSelect }>;

async function toItems(rows: Row[]): Promise<MailItem[]> {
  const actorIds = [...new Set(rows.map((r) => r.actorId).filter((id): id is number => id !== null))];
  const actors = new Map((await prisma.user.findMany({ where: { id: { in: actorIds } }, select: { id: true, name: true } })).map((u) => [u.id, u.name]));
  return rows.map((r) => ({ kind: r.kind, createdAt: r.createdAt, actorName: r.actorId ? (actors.get(r.actorId) ?? null) : null, idea: r.idea }));
}

class ClaimedElsewhere extends Error {}

/**
 * Writes one e-mail for a person's waiting notifications of one delivery and marks them dealt with,
 * in one transaction. Returns false when there was nothing to write (or another process did it).
 */
async function writeFor(userId: number, delivery: Delivery, digestDay?: string) {
  const user = await prisma.user.findUnique({ where: { id: userId }, select: { email: true, name: true, locale: true, active: true } });
  const waiting = await prisma.notification.findMany({ where: { userId, delivery, mailedAt: null }, orderBy: { id: "asc" }, select: itemSelect });
  if (!waiting.length) return false;
  const unread = user?.active ? waiting.filter((n) => !n.readAt) : [];
  const ids = waiting.map((n) => n.id);
  const kind = delivery;
  // Written before the transaction, which then only claims and stores.
  const mail = user && unread.length ? await composeNotifications(kind, user, await toItems(unread.slice(-MAIL_ITEMS)), unread.length) : null;
  try {
    return await prisma.$transaction(async (tx) => {
      const claimed = await tx.notification.updateMany({ where: { id: { in: ids }, mailedAt: null }, data: { mailedAt: new Date() } });
      if (claimed.count !== ids.length) throw new ClaimedElsewhere();
      if (!user || !mail) return false;
      await enqueue(tx, { userId, to: user.email, locale: mail.locale, kind, subject: mail.subject, text: mail.text, digestDay });
      return true;
    });
  } catch (error) {
    // Another process got there first: the claim moved under us, or today's digest already exists.
    if (error instanceof ClaimedElsewhere || isUniqueViolation(error)) return false;
    throw error;
  }
}

/** The people with notifications of this delivery waiting for e-mail (for the digest: who have not had today's). */
async function usersWaiting(delivery: Delivery, digestDay?: string) {
  const rows = await prisma.notification.groupBy({
    by: ["userId"],
    where: { mailedAt: null, delivery, ...(digestDay ? { user: { outboxMessages: { none: { digestDay } } } } : {}) },
    orderBy: { userId: "asc" },
  });
  return rows.map((r) => r.userId);
}

/** "At once": an e-mail per person with what is new for them. */
export async function writeInstant() {
  let written = 0;
  for (const userId of await usersWaiting("INSTANT")) if (await writeFor(userId, "INSTANT")) written++;
  return written;
}

/** The daily digest: from the digest hour, one e-mail per person per lab day. */
export async function writeDigests(now: Date) {
  const { day, hour } = labClock(now);
  if (hour < mailConfig().digestHour) return 0;
  let written = 0;
  for (const userId of await usersWaiting("DIGEST", day)) if (await writeFor(userId, "DIGEST", day)) written++;
  return written;
}

let running: Promise<{ instant: number; digests: number; sent: number }> | null = null;

/**
 * One pass of the job; passes never overlap (a call during a pass waits for it and then runs).
 * Each pass, whether the minute's or a nudge's, is counted in the metrics (runs, failures).
 */
export async function runMailPass(now = new Date()) {
  while (running) await running.catch(() => undefined);
  running = runJob("mail", async () => {
    const instant = await writeInstant();
    const digests = await writeDigests(now);
    const sent = await sendPending();
    return { instant, digests, sent };
  });
  try {
    return await running;
  } finally {
    running = null;
  }
}

/**
 * Starts the job in this process: a pass every minute. Returns a function that stops it: no pass
 * starts after it is called, and the promise it returns settles when the pass under way has ended.
 */
export function startMailJobs(intervalMs = MAIL_INTERVAL_MS) {
  const pass = () =>
    runMailPass().catch((error: unknown) => {
      console.error("The mail job failed; it will try again.", error);
    });
  const timer = setInterval(pass, intervalMs);
  timer.unref?.();
  void pass();
  const { smtpUrl } = mailConfig();
  console.log(smtpUrl ? "E-mail: sending through SMTP_URL." : "E-mail: SMTP_URL is not set, so nothing is sent; /admin/outbox shows what would have been.");
  return async () => {
    clearInterval(timer);
    while (running) await running.catch(() => undefined);
  };
}
