// Two-factor sign-in with a time-based one-time code (TOTP, RFC 6238, through otpauth): a person
// enrols from /account/two-factor by scanning a QR code or typing the secret, confirms with a code
// and gets ten one-time recovery codes (only their hashes are kept). Once enrolled, signing in asks
// for a code after the password; a code is accepted once (the time step of the last one is kept).
// Administrators must enrol before they use the admin pages (auth.server.ts, requireUserWith), and
// an administrator can reset another person's second factor. Every step is in the audit log.
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import { Secret, TOTP } from "otpauth";
import QRCode from "qrcode";
import { command, type Actor } from "~/core/command.server";
import { fail, ok } from "~/core/result";
import type { Tx } from "~/utils/db.server";
import { prisma } from "~/utils/db.server";
import { invariantResponse } from "~/utils/http.server";
import { RECOVERY_CODE_COUNT } from "./two-factor.schema";
import { beginAttempt, settleAttempt, throttledMessage } from "./throttle.server";

const ISSUER = "Idea Lab";
const PERIOD_S = 30;
/** One step either side of now is accepted: a phone's clock a little off still works. */
const WINDOW = 1;

const sha256 = (value: string) => createHash("sha256").update(value).digest("hex");

function totpFor(secret: string, label: string) {
  return new TOTP({ issuer: ISSUER, label, algorithm: "SHA1", digits: 6, period: PERIOD_S, secret: Secret.fromBase32(secret) });
}

/** The time step a six-digit code belongs to, or null when it is not a current code of this secret. */
export function codeStep(secret: string, code: string, at = Date.now()) {
  if (!/^\d{6}$/.test(code)) return null;
  const delta = totpFor(secret, "").validate({ token: code, timestamp: at, window: WINDOW });
  return delta === null ? null : Math.floor(at / 1000 / PERIOD_S) + delta;
}

/** Ten codes of ten letters and digits (50 bits each), shown as "abcde-fghij". */
function newRecoveryCodes() {
  const alphabet = "abcdefghijkmnpqrstuvwxyz23456789";
  return Array.from({ length: RECOVERY_CODE_COUNT }, () => {
    const bytes = randomBytes(10);
    const code = Array.from(bytes, (b) => alphabet[b % alphabet.length]).join("");
    return `${code.slice(0, 5)}-${code.slice(5)}`;
  });
}

const normalise = (code: string) => code.replace(/[\s-]/g, "").toLowerCase();

async function replaceRecoveryCodes(tx: Tx, userId: number) {
  const codes = newRecoveryCodes();
  await tx.recoveryCode.deleteMany({ where: { userId } });
  await tx.recoveryCode.createMany({ data: codes.map((code) => ({ userId, codeHash: sha256(normalise(code)) })) });
  return codes;
}

/** The person's two-factor state, for /account and the admin's page of the person. */
export async function twoFactorState(userId: number) {
  const [user, left] = await Promise.all([
    prisma.user.findUnique({ where: { id: userId }, select: { email: true, totpSecret: true, totpEnabledAt: true } }),
    prisma.recoveryCode.count({ where: { userId, usedAt: null } }),
  ]);
  invariantResponse(user, 404);
  return {
    enabled: !!user.totpEnabledAt,
    enabledAt: user.totpEnabledAt?.toISOString() ?? null,
    pending: !user.totpEnabledAt && !!user.totpSecret,
    recoveryLeft: left,
  };
}

/** What the enrolment page shows while a secret waits to be confirmed: the QR code (SVG) and the secret to type. */
export async function enrolmentDetails(userId: number) {
  const user = await prisma.user.findUnique({ where: { id: userId }, select: { email: true, totpSecret: true, totpEnabledAt: true } });
  if (!user?.totpSecret || user.totpEnabledAt) return null;
  const uri = totpFor(user.totpSecret, user.email).toString();
  const svg = await QRCode.toString(uri, { type: "svg", errorCorrectionLevel: "M", margin: 2 });
  return { secret: user.totpSecret.replace(/(.{4})/g, "$1 ").trim(), qrSvg: svg };
}

/** Starts enrolling: a new secret, shown until it is confirmed with a code. */
export const startEnrolment = command<{ ip: string }, undefined, Actor>({
  permission: null,
  async run({ tx, actor }) {
    const user = await tx.user.findUniqueOrThrow({ where: { id: actor.id }, select: { totpEnabledAt: true } });
    if (user.totpEnabledAt) return fail(409, "account:twoFactor.errors.alreadyOn");
    await tx.user.update({ where: { id: actor.id }, data: { totpSecret: new Secret({ size: 20 }).base32, totpLastStep: null } });
    return ok();
  },
});

/**
 * Checks a code against the person's authenticator secret (or, when `recovery`, their unused
 * recovery codes), throttled like a password by (account, address). A wrong code is recorded as a
 * failed attempt and audited; the run that calls this commits failures.
 */
async function checkCode(
  tx: Tx,
  emit: (event: {
    kind: "audit";
    action: "TWO_FACTOR_FAILED" | "RECOVERY_CODE_USE";
    actorId: number | null;
    targetType: "USER";
    targetId: number;
    ip: string;
    after?: unknown;
  }) => Promise<void>,
  user: { id: number; email: string; totpSecret: string | null; totpLastStep: number | null },
  code: string,
  { ip, attemptId }: { ip: string; attemptId: number },
  { recovery, step: purpose }: { recovery: boolean; step: string },
): Promise<"ok" | "recovery" | "wrong"> {
  if (!user.totpSecret) return "wrong";
  const step = codeStep(user.totpSecret, code);
  if (step !== null && (user.totpLastStep === null || step > user.totpLastStep)) {
    await tx.user.update({ where: { id: user.id }, data: { totpLastStep: step } });
    await settleAttempt(tx, attemptId, true);
    return "ok";
  }
  if (recovery && step === null) {
    const hash = sha256(normalise(code));
    const rows = await tx.recoveryCode.findMany({ where: { userId: user.id, usedAt: null }, select: { id: true, codeHash: true } });
    const match = rows.find((row) => timingSafeEqual(Buffer.from(row.codeHash), Buffer.from(hash)));
    if (match) {
      await tx.recoveryCode.update({ where: { id: match.id }, data: { usedAt: new Date() } });
      await settleAttempt(tx, attemptId, true);
      await emit({ kind: "audit", action: "RECOVERY_CODE_USE", actorId: user.id, targetType: "USER", targetId: user.id, ip, after: { left: rows.length - 1 } });
      return "recovery";
    }
  }
  // The attempt is already recorded as a failure (beginAttempt).
  await emit({
    kind: "audit",
    action: "TWO_FACTOR_FAILED",
    actorId: user.id,
    targetType: "USER",
    targetId: user.id,
    ip,
    after: { step: purpose, reason: step !== null ? "reused" : "wrong" },
  });
  return "wrong";
}

const userForCode = (tx: Tx, id: number) =>
  tx.user.findUniqueOrThrow({ where: { id }, select: { id: true, email: true, totpSecret: true, totpLastStep: true, totpEnabledAt: true, active: true } });

/** Confirms enrolment with a code from the app: two-factor is on, and the ten recovery codes are returned to be shown once. */
export const confirmEnrolment = command<{ code: string; ip: string }, { recoveryCodes: string[] }, Actor, number>({
  permission: null,
  commitFailures: true,
  prepare: async (actor, input) => throttled(actor.id, input.ip),
  async run({ tx, actor, emit, now }, input, attemptId) {
    const user = await userForCode(tx, actor.id);
    if (user.totpEnabledAt) return fail(409, "account:twoFactor.errors.alreadyOn");
    if (!user.totpSecret) return fail(409, "account:twoFactor.errors.notStarted");
    if ((await checkCode(tx, emit, user, input.code, { ip: input.ip, attemptId }, { recovery: false, step: "enrol" })) !== "ok")
      return fail(400, { code: "account:twoFactor.errors.wrongCode" });
    await tx.user.update({ where: { id: actor.id }, data: { totpEnabledAt: now } });
    const recoveryCodes = await replaceRecoveryCodes(tx, actor.id);
    await emit({ kind: "audit", action: "TWO_FACTOR_ENROL", actorId: actor.id, targetType: "USER", targetId: actor.id, ip: input.ip });
    return ok({ recoveryCodes });
  },
});

/** New recovery codes (the old ones stop working), asked for with a current code. */
export const renewRecoveryCodes = command<{ code: string; ip: string }, { recoveryCodes: string[] }, Actor, number>({
  permission: null,
  commitFailures: true,
  prepare: async (actor, input) => throttled(actor.id, input.ip),
  async run({ tx, actor, emit }, input, attemptId) {
    const user = await userForCode(tx, actor.id);
    if (!user.totpEnabledAt) return fail(409, "account:twoFactor.errors.notOn");
    if ((await checkCode(tx, emit, user, input.code, { ip: input.ip, attemptId }, { recovery: false, step: "recovery-codes" })) !== "ok")
      return fail(400, { code: "account:twoFactor.errors.wrongCode" });
    const recoveryCodes = await replaceRecoveryCodes(tx, actor.id);
    await emit({
      kind: "audit",
      action: "TWO_FACTOR_ENROL",
      actorId: actor.id,
      targetType: "USER",
      targetId: actor.id,
      ip: input.ip,
      after: { recoveryCodes: "renewed" },
    });
    return ok({ recoveryCodes });
  },
});

/** Turns two-factor off, with a current code; administrators cannot (they must keep it). */
export const disableTwoFactor = command<{ code: string; ip: string }, undefined, Actor, number>({
  permission: null,
  commitFailures: true,
  prepare: async (actor, input) => (actor.role === "ADMIN" ? fail(403) : throttled(actor.id, input.ip)),
  async run({ tx, actor, emit }, input, attemptId) {
    const user = await userForCode(tx, actor.id);
    if (!user.totpEnabledAt) return fail(409, "account:twoFactor.errors.notOn");
    if ((await checkCode(tx, emit, user, input.code, { ip: input.ip, attemptId }, { recovery: true, step: "disable" })) === "wrong")
      return fail(400, { code: "account:twoFactor.errors.wrongCode" });
    await clearTwoFactor(tx, actor.id);
    await emit({ kind: "audit", action: "TWO_FACTOR_DISABLE", actorId: actor.id, targetType: "USER", targetId: actor.id, ip: input.ip });
    return ok();
  },
});

async function clearTwoFactor(tx: Tx, userId: number) {
  await tx.user.update({ where: { id: userId }, data: { totpSecret: null, totpEnabledAt: null, totpLastStep: null } });
  await tx.recoveryCode.deleteMany({ where: { userId } });
}

/**
 * An administrator resets a person's second factor (a lost phone and no recovery codes): it is off,
 * the person's sessions end, and they enrol again after signing in (administrators must).
 */
export const resetTwoFactor = command<{ userId: number; ip: string }, undefined, Actor>({
  permission: "admin:users",
  async run({ tx, actor, emit }, input) {
    const person = await tx.user.findUnique({ where: { id: input.userId }, select: { id: true, totpSecret: true } });
    if (!person) return fail(404);
    if (!person.totpSecret) return fail(409, "admin:users.errors.noTwoFactor");
    await clearTwoFactor(tx, person.id);
    await tx.session.deleteMany({ where: { userId: person.id } });
    await emit({ kind: "audit", action: "TWO_FACTOR_RESET", actorId: actor.id, targetType: "USER", targetId: person.id, ip: input.ip });
    return ok();
  },
});

/**
 * A code is a guess at a secret, throttled as a password is (by the person's e-mail and the
 * address): the attempt is counted before the code is checked, so a burst of guesses counts too.
 */
async function throttled(userId: number, ip: string) {
  const user = await prisma.user.findUniqueOrThrow({ where: { id: userId }, select: { email: true } });
  const start = await beginAttempt(user.email, ip);
  return start.allowed ? ok(start.attemptId) : fail(429, { code: throttledMessage(start.retryAfterS) });
}

/**
 * The second step of signing in: a code from the app or a recovery code, for the person whose
 * password (or provider) was right a moment ago (kept in a signed, short-lived cookie by the route).
 */
export const verifySecondFactor = command<
  {
    userId: number;
    code: string;
    ip: string;
    /** The provider that confirmed the first step, when it was not a password. */
    provider?: string;
  },
  { userId: number; recovery: boolean },
  null,
  number
>({
  permission: null,
  commitFailures: true,
  async prepare(_actor, input) {
    return throttled(input.userId, input.ip);
  },
  async run({ tx, emit }, input, attemptId) {
    const user = await userForCode(tx, input.userId);
    if (!user.active || !user.totpEnabledAt) return fail(400, { code: "account:twoFactor.errors.wrongCode" });
    const outcome = await checkCode(tx, emit, user, input.code, { ip: input.ip, attemptId }, { recovery: true, step: "sign-in" });
    if (outcome === "wrong") return fail(400, { code: "account:twoFactor.errors.wrongCode" });
    await emit({
      kind: "audit",
      action: "SIGN_IN",
      actorId: user.id,
      targetType: "USER",
      targetId: user.id,
      ip: input.ip,
      after: { secondFactor: outcome, ...(input.provider ? { provider: input.provider } : {}) },
    });
    return ok({ userId: user.id, recovery: outcome === "recovery" });
  },
});
