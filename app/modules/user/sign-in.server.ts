// Signing in with a password: throttled per e-mail and per address, the same answer (and the same
// time) for an unknown e-mail and a wrong password, and every attempt in the audit log.
import { randomBytes } from "node:crypto";
import { command } from "~/core/command.server";
import { fail, ok } from "~/core/result";
import { prisma } from "~/utils/db.server";
import { hashPassword, verifyPassword } from "~/utils/password.server";

export const THROTTLE_WINDOW_MS = 15 * 60 * 1000;
export const THROTTLE_MAX_FAILURES = 5;

// Verified against when the e-mail is unknown, so both failures take the same time.
let dummyHash: Promise<string> | undefined;

/** True when the e-mail or the address has failed THROTTLE_MAX_FAILURES times within the window. */
export async function isThrottled(email: string, ip: string) {
  const since = new Date(Date.now() - THROTTLE_WINDOW_MS);
  const [byEmail, byIp] = await Promise.all([
    prisma.loginAttempt.count({ where: { email, success: false, createdAt: { gte: since } } }),
    prisma.loginAttempt.count({ where: { ip, success: false, createdAt: { gte: since } } }),
  ]);
  return byEmail >= THROTTLE_MAX_FAILURES || byIp >= THROTTLE_MAX_FAILURES;
}

type Attempt = { email: string; throttled: boolean; userId: number | null; valid: boolean; inactive: boolean };

/** Checks the password; a refusal is recorded too (it is committed, not rolled back). */
export const signIn = command<{ email: string; password: string; ip: string }, { userId: number }, null, Attempt>({
  permission: null,
  commitFailures: true,
  // The password is checked before the transaction: hashing is slow and holds nothing up there.
  async prepare(_actor, input) {
    const email = input.email.trim().toLowerCase();
    if (await isThrottled(email, input.ip)) return ok({ email, throttled: true, userId: null, valid: false, inactive: false });
    const user = await prisma.user.findUnique({ where: { email }, select: { id: true, passwordHash: true, active: true } });
    const valid = user
      ? await verifyPassword(user.passwordHash, input.password)
      : await verifyPassword(await (dummyHash ??= hashPassword(randomBytes(16).toString("hex"))), input.password);
    return ok({ email, throttled: false, userId: user?.id ?? null, valid: valid && !!user?.active, inactive: !!user && !user.active });
  },
  async run({ tx, emit }, input, attempt) {
    const { email } = attempt;
    if (attempt.throttled) {
      await emit({ kind: "audit", action: "SIGN_IN_FAILED", actorId: null, targetType: "USER", after: { email, reason: "throttled" }, ip: input.ip });
      return fail(429, "auth:login.throttled");
    }
    await tx.loginAttempt.create({ data: { email, ip: input.ip, success: attempt.valid } });
    if (attempt.valid && attempt.userId) {
      await emit({ kind: "audit", action: "SIGN_IN", actorId: attempt.userId, targetType: "USER", targetId: attempt.userId, ip: input.ip });
      return ok({ userId: attempt.userId });
    }
    await emit({
      kind: "audit",
      action: "SIGN_IN_FAILED",
      actorId: null,
      targetType: "USER",
      targetId: attempt.userId ?? undefined,
      after: { email, reason: attempt.inactive ? "inactive" : "invalid" },
      ip: input.ip,
    });
    return fail(400, "auth:login.invalid");
  },
});

/** The demo box on the sign-in page is shown only while the demo users exist. */
export async function hasDemoUsers(email: string) {
  return (await prisma.user.count({ where: { email } })) > 0;
}
