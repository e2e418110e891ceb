// Signing in with a password: throttled by account and address (throttle.server.ts), the same
// answer (and the same time) for an unknown e-mail and a wrong password, and every attempt in the
// audit log.
import { command } from "~/core/command.server";
import { noEntryThisMinute, oncePerMinute } from "~/modules/audit/refusals.server";
import { fail, ok } from "~/core/result";
import { prisma } from "~/utils/db.server";
import { verifyPassword } from "~/utils/password.server";
import { passwordsForEveryone } from "./site-settings.server";
import { ATTEMPTS_KEPT_MS, beginAttempt, type Refusal, settleAttempt, throttledMessage } from "./throttle.server";

/** How long sign-in attempts are kept (the hourly sweep removes older ones). */
export const THROTTLE_WINDOW_MS = ATTEMPTS_KEPT_MS;

type Attempt =
  | { email: string; refused: Refusal }
  | {
      email: string;
      refused: null;
      attemptId: number;
      userId: number | null;
      valid: boolean;
      inactive: boolean;
      secondFactor: boolean;
      /** Passwords are off for this person (not an administrator, and an administrator turned them off). */
      passwordsOff: boolean;
    };

/**
 * Checks the password; a refusal is recorded too (it is committed, not rolled back). With two-factor
 * on (`secondFactor`), the right password only opens the second step: the sign-in is recorded when
 * the code is right (two-factor.server.ts).
 */
export const signIn = command<
  {
    email: string;
    password: string;
    ip: string;
    /** "link": the password proves the account is the person's, to link a provider's identity (allowed when passwords are off). */
    purpose?: "sign-in" | "link";
  },
  { userId: number; secondFactor: boolean },
  null,
  Attempt
>({
  permission: null,
  commitFailures: true,
  // The password is checked before the transaction: hashing is slow and holds nothing up there.
  async prepare(_actor, input) {
    const email = input.email.trim().toLowerCase();
    const start = await beginAttempt(email, input.ip);
    if (!start.allowed) return ok({ email, refused: { retryAfterS: start.retryAfterS, rule: start.rule } });
    const [user, forEveryone] = await Promise.all([
      prisma.user.findUnique({ where: { email }, select: { id: true, passwordHash: true, active: true, totpEnabledAt: true, role: true } }),
      passwordsForEveryone(),
    ]);
    const valid = await verifyPassword(user?.passwordHash ?? null, input.password);
    return ok({
      email,
      refused: null,
      attemptId: start.attemptId,
      userId: user?.id ?? null,
      valid: valid && !!user?.active,
      inactive: !!user && !user.active,
      secondFactor: !!user?.totpEnabledAt,
      passwordsOff: !forEveryone && user?.role !== "ADMIN" && input.purpose !== "link",
    });
  },
  async run({ tx, emit }, input, attempt) {
    const { email } = attempt;
    if (attempt.refused) {
      const { retryAfterS, rule } = attempt.refused;
      // Refused attempts can be repeated at will: recorded once a minute per account and address
      // (in this process, then in the log itself, which every process writes to). The entry's JSON
      // begins with the e-mail address and the reason, as written below.
      const key = `throttled ${email} ${input.ip}`;
      const entry = { action: "SIGN_IN_FAILED", ip: input.ip, after: { startsWith: `{"email":${JSON.stringify(email)},"reason":"throttled"` } } as const;
      if (!oncePerMinute(key) || !(await noEntryThisMinute(tx, key, entry))) return fail(429, throttledMessage(retryAfterS));
      await emit({
        kind: "audit",
        action: "SIGN_IN_FAILED",
        actorId: null,
        targetType: "USER",
        after: { email, reason: "throttled", rule, retryAfterS },
        ip: input.ip,
      });
      return fail(429, throttledMessage(retryAfterS));
    }
    // With a second factor to come, the right password is not yet a success: the attempt stays a
    // failure until the code is right, so signing in again with the password cannot clear the
    // failures of wrong codes (which count against the same account and address).
    await settleAttempt(tx, attempt.attemptId, attempt.valid && !attempt.secondFactor);
    if (attempt.valid && attempt.userId && attempt.passwordsOff) {
      await emit({
        kind: "audit",
        action: "SIGN_IN_FAILED",
        actorId: null,
        targetType: "USER",
        targetId: attempt.userId,
        after: { email, reason: "passwords_off" },
        ip: input.ip,
      });
      return fail(400, "auth:login.passwordsOff");
    }
    if (attempt.valid && attempt.userId) {
      if (!attempt.secondFactor)
        await emit({ kind: "audit", action: "SIGN_IN", actorId: attempt.userId, targetType: "USER", targetId: attempt.userId, ip: input.ip });
      return ok({ userId: attempt.userId, secondFactor: attempt.secondFactor });
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
