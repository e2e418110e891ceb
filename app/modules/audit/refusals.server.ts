// Refused requests (403) in the audit log, without flooding it: at most one entry per person (or,
// for someone not signed in, per address), route and minute. The server calls recordRefusal after
// answering 403 (server/index.js, through the build's entry), so every refusal is seen: a page, a
// form, a data request or an export, and the cross-site check before the app.
import { command } from "~/core/command.server";
import { ok } from "~/core/result";
import type { Prisma } from "~/generated/prisma/client";
import { getUser } from "~/utils/auth.server";
import type { Tx } from "~/utils/db.server";
import { lockKeys } from "~/utils/locks.server";

const MINUTE = 60_000;
/** Who was refused where in this minute, in this process: the cheap check before the database's. */
const seen = new Map<string, number>();

/**
 * True when the audit log has no entry matching `where` in this minute. Checked under a lock on
 * `key`, so that two server processes (or two requests) cannot both find none and both write one.
 * Call it in the transaction that then writes the entry.
 */
export async function noEntryThisMinute(tx: Tx, key: string, where: Prisma.AuditEntryWhereInput, now = Date.now()) {
  await lockKeys(tx, `audit-minute:${key}`);
  const since = new Date(Math.floor(now / MINUTE) * MINUTE);
  return !(await tx.auditEntry.findFirst({ where: { ...where, createdAt: { gte: since } }, select: { id: true } }));
}

const logRefusal = command<{ actorId: number | null; route: string; method: string; ip: string; at: Date }, boolean, null>({
  permission: null,
  async run({ tx, emit }, input) {
    // Other server processes may have written it: the log itself is the last word.
    const key = `${input.actorId ? `user:${input.actorId}` : `ip:${input.ip}`} ${input.route}`;
    const where = { action: "ACCESS_DENIED", targetId: input.route, actorId: input.actorId, ...(input.actorId ? {} : { ip: input.ip }) } as const;
    if (!(await noEntryThisMinute(tx, key, where, input.at.getTime()))) return ok(false);
    await emit({
      kind: "audit",
      action: "ACCESS_DENIED",
      actorId: input.actorId,
      targetType: "ROUTE",
      targetId: input.route,
      after: { method: input.method },
      ip: input.ip,
      at: input.at,
    });
    return ok(true);
  },
});

/**
 * True the first time `key` is seen in a minute (in this process), false after: refusals that an
 * attacker can repeat at will are recorded once a minute, so they cannot flood the log.
 */
export function oncePerMinute(key: string, now = Date.now()) {
  const minute = Math.floor(now / MINUTE);
  if (seen.get(key) === minute) return false;
  if (seen.size > 10_000) for (const [k, m] of seen) if (m < minute) seen.delete(k);
  seen.set(key, minute);
  return true;
}

/** Records a 403 answered to this request, unless this person was refused at this route in this minute already. */
export async function recordRefusal(request: Request, ip: string, now = Date.now()) {
  const user = await getUser(request);
  const route = new URL(request.url).pathname.slice(0, 300);
  if (!oncePerMinute(`${user ? `user:${user.id}` : `ip:${ip}`} ${route}`, now)) return false;
  const logged = await logRefusal(null, { actorId: user?.id ?? null, route, method: request.method, ip, at: new Date(now) });
  return logged.ok && logged.value;
}
