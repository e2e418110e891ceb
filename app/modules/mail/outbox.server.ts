// The outbox: every e-mail is written here first, then sent. Without SMTP it is kept as "not sent",
// so /admin/outbox shows what would have gone out.
import type { Prisma } from "~/generated/prisma/client";
import type { Locale, OutboxKind, OutboxStatus } from "~/generated/prisma/enums";
import { requirePermission, type SessionUser } from "~/utils/auth.server";
import { prisma, type Tx } from "~/utils/db.server";
import { pageOf, pages } from "~/utils/query";
import { mailConfig } from "./config.server";
import type { OutboxFilters } from "./outbox.schema";
import { sendMail } from "./transport.server";

export const OUTBOX_PAGE = 50;
/** A message that cannot be sent after this many tries is given up. */
export const MAX_ATTEMPTS = 5;

export type NewMessage = { userId: number | null; to: string; locale: Locale; kind: OutboxKind; subject: string; text: string; digestDay?: string };

const describe = (error: unknown) => (error instanceof Error ? error.message : String(error)).slice(0, 500);

/** Writes a message to the outbox: pending when e-mail is configured, otherwise kept as not sent. */
export function enqueue(db: Tx, message: NewMessage) {
  return db.outboxMessage.create({ data: { ...message, digestDay: message.digestDay ?? null, status: mailConfig().smtpUrl ? "PENDING" : "NOT_SENT" } });
}

/**
 * How long a process holds a message it is sending. Another process skips it meanwhile; if the
 * holder dies mid-send, the message is sent again once the lease runs out.
 */
export const SEND_LEASE_MS = 120_000;

/** A message nobody is sending now. */
const free = (now: Date) => ({ OR: [{ lockedUntil: null }, { lockedUntil: { lt: now } }] }) satisfies Prisma.OutboxMessageWhereInput;

/**
 * Sends one outbox message. It is claimed first with a conditional update that takes a lease, so
 * when several processes run the job only one of them sends it (the others find it taken until it
 * is sent or its lease runs out).
 */
async function attempt(id: number, mail: { to: string; subject: string; text: string }, giveUpOnFailure: boolean) {
  const now = new Date();
  const claimed = await prisma.outboxMessage.updateMany({
    where: { id, status: "PENDING", ...free(now) },
    data: { attempts: { increment: 1 }, lockedUntil: new Date(now.getTime() + SEND_LEASE_MS) },
  });
  if (claimed.count === 0) return null;
  try {
    await sendMail(mail);
    await prisma.outboxMessage.update({ where: { id }, data: { status: "SENT", sentAt: new Date(), error: null, lockedUntil: null } });
    return "SENT" as const;
  } catch (error) {
    const { attempts } = await prisma.outboxMessage.findUniqueOrThrow({ where: { id }, select: { attempts: true } });
    const failed = giveUpOnFailure || attempts >= MAX_ATTEMPTS;
    await prisma.outboxMessage.update({ where: { id }, data: { status: failed ? "FAILED" : "PENDING", error: describe(error), lockedUntil: null } });
    return failed ? ("FAILED" as const) : ("PENDING" as const);
  }
}

/** Sends what is waiting (oldest first); a failure is retried on later passes, up to MAX_ATTEMPTS. */
export async function sendPending(limit = 200) {
  if (!mailConfig().smtpUrl) return 0;
  // A set-password message is sent by the request that wrote it; the outbox holds it without its link.
  const rows = await prisma.outboxMessage.findMany({
    where: { status: "PENDING", kind: { not: "SET_PASSWORD" }, ...free(new Date()) },
    orderBy: { id: "asc" },
    take: limit,
  });
  let sent = 0;
  for (const row of rows) if ((await attempt(row.id, row, false)) === "SENT") sent++;
  return sent;
}

/**
 * What waits in the outbox for the mail job (what sendPending would send): how many messages, and
 * when the oldest was written (null when none waits). One query on the (status, createdAt) index.
 */
export async function outboxBacklog() {
  const where = { status: "PENDING", kind: { not: "SET_PASSWORD" } } satisfies Prisma.OutboxMessageWhereInput;
  const { _count, _min } = await prisma.outboxMessage.aggregate({ where, _count: { _all: true }, _min: { createdAt: true } });
  return { pending: _count._all, oldestCreatedAt: _min.createdAt };
}

/**
 * Sends a message that carries a secret (a set-password link) at once. The outbox keeps it with the
 * secret blanked out, so the database never holds a usable link in clear; it is therefore not retried.
 */
export async function sendWithSecret(message: NewMessage, secret: string, blank: string): Promise<OutboxStatus> {
  const row = await enqueue(prisma, { ...message, text: message.text.split(secret).join(blank) });
  if (row.status === "NOT_SENT") return "NOT_SENT";
  return (await attempt(row.id, message, true)) ?? "PENDING";
}

export async function listOutbox(user: SessionUser, filters: OutboxFilters) {
  requirePermission(user, "admin:outbox");
  const where: Prisma.OutboxMessageWhereInput = {
    ...(filters.status ? { status: filters.status } : {}),
    ...(filters.to ? { to: { contains: filters.to.toLowerCase() } } : {}),
  };
  const { skip, take, current: page } = pageOf(filters.page, OUTBOX_PAGE);
  const [rows, total] = await Promise.all([
    prisma.outboxMessage.findMany({ where, orderBy: { id: "desc" }, skip, take }),
    prisma.outboxMessage.count({ where }),
  ]);
  return {
    messages: rows.map((r) => ({
      id: r.id,
      to: r.to,
      kind: r.kind,
      locale: r.locale,
      subject: r.subject,
      text: r.text,
      status: r.status,
      attempts: r.attempts,
      error: r.error,
      createdAt: r.createdAt.toISOString(),
      sentAt: r.sentAt?.toISOString() ?? null,
    })),
    total,
    page,
    pages: pages(total, OUTBOX_PAGE),
  };
}
