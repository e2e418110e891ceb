// Throttling guesses at a secret (a password; the two-factor code may share it) without locking
// anyone out. Every attempt is a LoginAttempt row keyed by an account (a normalised e-mail, or any
// other string) and an address, and three rules read those rows, each through an index
// (docs/decisions/0009-sign-in-throttle.md):
//   the pair (account, address)  strict: 5 failures since the pair's last success are free; then the
//                                pair is refused until 30 s × 2^(n−5) after its last failure (at most
//                                an hour), n being its failures since that success (within 24 hours)
//   the address alone            loose: failures at 30 different accounts within 15 minutes (someone
//                                trying one password on many accounts); then the address is refused
//                                until 15 s × 2^(n−30) after its last failure (at most 15 minutes)
//   the account alone            never refuses, so the right password from elsewhere still works:
//                                from 5 failures within 15 minutes (from anywhere), each attempt at
//                                the account waits 250 ms, doubling every 5 failures, at most 2 s
// A refused attempt is not recorded (it tried nothing). An attempt that may go on is recorded as a
// failure before the secret is checked, so attempts made at the same moment count against each
// other; `settleAttempt` marks it a success when it was one.
import { errorMessage } from "~/utils/i18n";
import { lockKeys } from "~/utils/locks.server";
import { prisma, type Tx } from "~/utils/db.server";

const MINUTE_MS = 60_000;

export const PAIR_FREE_FAILURES = 5;
export const PAIR_BASE_WAIT_S = 30;
export const PAIR_MAX_WAIT_S = 3600;
export const PAIR_MEMORY_MS = 24 * 60 * MINUTE_MS;

export const ADDRESS_WINDOW_MS = 15 * MINUTE_MS;
export const ADDRESS_FREE_ACCOUNTS = 30;
export const ADDRESS_BASE_WAIT_S = 15;
export const ADDRESS_MAX_WAIT_S = 15 * 60;

export const ACCOUNT_WINDOW_MS = 15 * MINUTE_MS;
export const ACCOUNT_FREE_FAILURES = 5;
export const ACCOUNT_BASE_DELAY_MS = 250;
export const ACCOUNT_MAX_DELAY_MS = 2000;

/** How long attempts are kept: the longest any rule looks back (the hourly sweep removes older rows). */
export const ATTEMPTS_KEPT_MS = PAIR_MEMORY_MS;

/** Past these counts every wait is at its cap, so no query reads further. */
const PAIR_ROWS = PAIR_FREE_FAILURES + Math.ceil(Math.log2(PAIR_MAX_WAIT_S / PAIR_BASE_WAIT_S)) + 1;
const ADDRESS_ACCOUNTS = ADDRESS_FREE_ACCOUNTS + Math.ceil(Math.log2(ADDRESS_MAX_WAIT_S / ADDRESS_BASE_WAIT_S)) + 1;
const ACCOUNT_ROWS = ACCOUNT_FREE_FAILURES + 5 * Math.ceil(Math.log2(ACCOUNT_MAX_DELAY_MS / ACCOUNT_BASE_DELAY_MS)) + 1;

export type ThrottleRule = "pair" | "address";
export type Refusal = { retryAfterS: number; rule: ThrottleRule };
export type ThrottleState = { refusal: Refusal | null; delayMs: number; failures: { pair: number; address: number; account: number } };

/** Accounts are compared as e-mails are: without case or surrounding spaces. */
const accountKey = (account: string) => account.trim().toLowerCase();

const growing = (base: number, steps: number, max: number) => Math.min(max, base * 2 ** steps);

/** What the rules say about one more attempt at `account` from `ip` at `now` (reads only). */
export async function readThrottle(db: Tx, account: string, ip: string, now = new Date()): Promise<ThrottleState> {
  const email = accountKey(account);
  const [pairRows, addressRows, accountFailures] = await Promise.all([
    // The pair's latest attempts, newest first: index (email, ip, createdAt).
    db.loginAttempt.findMany({
      where: { email, ip, createdAt: { gte: new Date(now.getTime() - PAIR_MEMORY_MS) } },
      orderBy: { createdAt: "desc" },
      take: PAIR_ROWS,
      select: { success: true, createdAt: true },
    }),
    // The accounts the address failed at, each with its latest failure: index (ip, createdAt).
    db.loginAttempt.groupBy({
      by: ["email"],
      where: { ip, success: false, createdAt: { gte: new Date(now.getTime() - ADDRESS_WINDOW_MS) } },
      _max: { createdAt: true },
      orderBy: { email: "asc" },
      take: ADDRESS_ACCOUNTS,
    }),
    // The account's failures from anywhere: index (email, createdAt), counted no further than needed.
    db.loginAttempt.count({
      where: { email, success: false, createdAt: { gte: new Date(now.getTime() - ACCOUNT_WINDOW_MS) } },
      orderBy: { createdAt: "desc" },
      take: ACCOUNT_ROWS,
    }),
  ]);

  const refusals: Refusal[] = [];
  const firstSuccess = pairRows.findIndex((r) => r.success);
  const pairFailures = firstSuccess === -1 ? pairRows.length : firstSuccess;
  if (pairFailures >= PAIR_FREE_FAILURES) {
    const waitS = growing(PAIR_BASE_WAIT_S, pairFailures - PAIR_FREE_FAILURES, PAIR_MAX_WAIT_S);
    const until = pairRows[0].createdAt.getTime() + waitS * 1000;
    if (until > now.getTime()) refusals.push({ rule: "pair", retryAfterS: Math.ceil((until - now.getTime()) / 1000) });
  }
  const addressAccounts = addressRows.length;
  if (addressAccounts >= ADDRESS_FREE_ACCOUNTS) {
    const waitS = growing(ADDRESS_BASE_WAIT_S, addressAccounts - ADDRESS_FREE_ACCOUNTS, ADDRESS_MAX_WAIT_S);
    const last = Math.max(...addressRows.map((r) => r._max.createdAt?.getTime() ?? 0));
    const until = last + waitS * 1000;
    if (until > now.getTime()) refusals.push({ rule: "address", retryAfterS: Math.ceil((until - now.getTime()) / 1000) });
  }
  const refusal = refusals.sort((a, b) => b.retryAfterS - a.retryAfterS)[0] ?? null;
  const delayMs =
    accountFailures >= ACCOUNT_FREE_FAILURES
      ? growing(ACCOUNT_BASE_DELAY_MS, Math.floor((accountFailures - ACCOUNT_FREE_FAILURES) / 5), ACCOUNT_MAX_DELAY_MS)
      : 0;
  return { refusal, delayMs, failures: { pair: pairFailures, address: addressAccounts, account: accountFailures } };
}

export type AttemptStart = { allowed: false; retryAfterS: number; rule: ThrottleRule } | { allowed: true; attemptId: number };

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Before checking a secret: refused (with when to try again), or allowed, in which case the attempt
 * is already recorded as a failure (so attempts made at the same moment count against each other)
 * and the account's delay has been waited. Pass the id to `settleAttempt` once the secret is checked.
 */
export async function beginAttempt(account: string, ip: string): Promise<AttemptStart> {
  const now = new Date();
  // Reading and recording in one transaction that holds the account's and the address's locks, so
  // a burst of attempts (from any number of server processes) is counted one by one.
  const started = await prisma.$transaction(async (tx): Promise<{ refusal: Refusal } | { attemptId: number; delayMs: number }> => {
    await lockKeys(tx, `sign-in:account:${accountKey(account)}`, `sign-in:address:${ip}`);
    const state = await readThrottle(tx, account, ip, now);
    if (state.refusal) return { refusal: state.refusal };
    const row = await tx.loginAttempt.create({ data: { email: accountKey(account), ip, success: false, createdAt: now }, select: { id: true } });
    return { attemptId: row.id, delayMs: state.delayMs };
  });
  if ("refusal" in started) return { allowed: false, ...started.refusal };
  if (started.delayMs) await sleep(started.delayMs);
  return { allowed: true, attemptId: started.attemptId };
}

/** The secret was checked: a success clears the pair's failures (a failure is already recorded). */
export async function settleAttempt(tx: Tx, attemptId: number, success: boolean) {
  if (success) await tx.loginAttempt.updateMany({ where: { id: attemptId }, data: { success: true } });
}

/**
 * Records an attempt that needed no check first: a success that proves who it is by other means (a
 * set-password link used from this address) clears the pair's failures.
 */
export async function recordAttempt(tx: Tx, attempt: { account: string; ip: string; success: boolean }) {
  await tx.loginAttempt.create({ data: { email: accountKey(attempt.account), ip: attempt.ip, success: attempt.success } });
}

/** The message for a refusal: try again in so many seconds (up to a minute and a half) or minutes. */
export function throttledMessage(retryAfterS: number) {
  return retryAfterS <= 90 ? errorMessage("retrySeconds", { count: retryAfterS }) : errorMessage("retryMinutes", { count: Math.ceil(retryAfterS / 60) });
}
