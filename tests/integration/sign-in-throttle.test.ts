// The sign-in throttle (app/modules/user/throttle.server.ts, decision 0009): strict for one account
// from one address, loose for an address alone, and only a capped delay for an account alone, so
// that neither an attacker elsewhere nor a colleague behind the same address locks anyone out.
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { describe, expect, test } from "vitest";
import { PrismaClient } from "~/generated/prisma/client";
import {
  ACCOUNT_MAX_DELAY_MS,
  ADDRESS_FREE_ACCOUNTS,
  PAIR_BASE_WAIT_S,
  PAIR_FREE_FAILURES,
  readThrottle,
  throttledMessage,
} from "~/modules/user/throttle.server";
import { action as loginAction } from "~/routes/login";
import { action as codeAction } from "~/routes/login_.code";
import { prisma } from "~/utils/db.server";
import { formRequest } from "../factories/request";
import { type RouteResult, run } from "../factories/route";
import { TEST_PASSWORD, createUser } from "../factories/user";

const signIn = (email: string, password: string, ip: string) =>
  run(loginAction, { request: formRequest("/login", { email, password }), context: { clientIp: ip } });

const formError = (result: RouteResult) => (result.data as { result?: { error?: Record<string, string[]> } }).result?.error?.[""] ?? [];

/** Moves an account's attempts `ms` into the past, as if that much time had gone by. */
async function age(email: string, ms: number) {
  const rows = await prisma.loginAttempt.findMany({ where: { email }, select: { id: true, createdAt: true } });
  for (const row of rows) await prisma.loginAttempt.update({ where: { id: row.id }, data: { createdAt: new Date(row.createdAt.getTime() - ms) } });
}

describe("an attacker elsewhere", () => {
  test("fifty wrong passwords at an account from other addresses: the right password from a new address still signs in, a little later", async () => {
    const user = await createUser({ email: "target@example.lv" });
    // Ten addresses, five guesses each, all at once, as a spread-out attacker would.
    const guesses = await Promise.all(Array.from({ length: 50 }, (_, i) => signIn(user.email, `guess-${i}-wrong`, `203.0.113.${i % 10}`)));
    expect(guesses.map((r) => r.status)).toEqual(Array(50).fill(400));
    // Each of those addresses has had its five at this account.
    expect((await signIn(user.email, "guess-again-wrong", "203.0.113.3")).status).toBe(429);

    // What a sign-in costs on this machine right now (the password hash dominates, and a loaded machine is slower).
    const other = await createUser();
    const baselineStarted = performance.now();
    expect((await signIn(other.email, TEST_PASSWORD, "192.0.2.45")).status).toBe(302);
    const baseline = performance.now() - baselineStarted;

    const started = performance.now();
    const result = await signIn(user.email, TEST_PASSWORD, "192.0.2.44");
    const elapsed = performance.now() - started;
    console.log(`The right password after 50 wrong ones from other addresses signed in in ${Math.round(elapsed)} ms.`);
    expect(result.status).toBe(302);
    // The account's delay (at its cap) was waited, and nothing much more.
    expect(elapsed).toBeGreaterThanOrEqual(ACCOUNT_MAX_DELAY_MS - 5);
    expect(elapsed).toBeLessThan(ACCOUNT_MAX_DELAY_MS + Math.max(3000, 5 * baseline));
  });
});

describe("a shared address (a ministry's NAT)", () => {
  test("one person failing again and again at their own account does not keep a colleague at the same address out", async () => {
    const nat = "10.0.0.7";
    const person = await createUser();
    const colleague = await createUser();
    const statuses = [];
    for (let i = 0; i < 20; i++) statuses.push((await signIn(person.email, `forgotten-${i}`, nat)).status);
    expect(statuses.slice(0, PAIR_FREE_FAILURES)).toEqual(Array(PAIR_FREE_FAILURES).fill(400));
    expect(statuses.slice(PAIR_FREE_FAILURES)).toEqual(Array(20 - PAIR_FREE_FAILURES).fill(429));
    // Others behind the same address make a typo or two each, as people do.
    for (let i = 0; i < 10; i++) {
      const other = await createUser();
      for (let j = 0; j < 2; j++) expect((await signIn(other.email, "typo-typo-typo", nat)).status).toBe(400);
    }
    expect((await signIn(colleague.email, TEST_PASSWORD, nat)).status).toBe(302);
    // The person's own account is not locked either: from home, the right password works.
    expect((await signIn(person.email, TEST_PASSWORD, "192.0.2.80")).status).toBe(302);
  });

  test(`failures at ${ADDRESS_FREE_ACCOUNTS} different accounts from one address (one password tried on many) refuse that address for a while, and only that one`, async () => {
    const sprayer = "198.51.100.66";
    const user = await createUser();
    for (let i = 0; i < ADDRESS_FREE_ACCOUNTS; i++) expect((await signIn(`person${i}@example.lv`, "Parole123456!", sprayer)).status).toBe(400);
    const refused = await signIn(user.email, TEST_PASSWORD, sprayer);
    expect(refused.status).toBe(429);
    expect(formError(refused)).toEqual(['retrySeconds|{"count":15}']);
    expect((await signIn(user.email, TEST_PASSWORD, "198.51.100.67")).status).toBe(302);
    // Fifteen seconds later the address may try again; another new account failed doubles its wait.
    for (let i = 0; i < ADDRESS_FREE_ACCOUNTS; i++) await age(`person${i}@example.lv`, 16_000);
    expect((await signIn("one-more@example.lv", "Parole123456!", sprayer)).status).toBe(400);
    expect(formError(await signIn(user.email, TEST_PASSWORD, sprayer))).toEqual(['retrySeconds|{"count":30}']);
  });
});

describe("one account from one address", () => {
  test("is refused after five failures, with a wait that doubles with each failure after it; the refusal is audited; a success starts afresh", async () => {
    const ip = "198.51.100.9";
    const user = await createUser();
    for (let i = 0; i < PAIR_FREE_FAILURES; i++) expect((await signIn(user.email, `wrong-${i}`, ip)).status).toBe(400);
    const refused = await signIn(user.email, TEST_PASSWORD, ip);
    expect(refused.status).toBe(429);
    expect(formError(refused)).toEqual([`retrySeconds|{"count":${PAIR_BASE_WAIT_S}}`]);
    const audit = await prisma.auditEntry.findFirstOrThrow({ where: { action: "SIGN_IN_FAILED", ip }, orderBy: { id: "desc" } });
    expect(audit.actorId).toBeNull();
    expect(JSON.parse(audit.after!)).toEqual({ email: user.email, reason: "throttled", rule: "pair", retryAfterS: PAIR_BASE_WAIT_S });
    // A refused attempt tried nothing, so it is not counted.
    expect(await prisma.loginAttempt.count({ where: { email: user.email } })).toBe(PAIR_FREE_FAILURES);

    // Half a minute later: one more try, which fails, and the wait doubles.
    await age(user.email, 31_000);
    expect((await signIn(user.email, "wrong-again", ip)).status).toBe(400);
    expect(formError(await signIn(user.email, TEST_PASSWORD, ip))).toEqual([`retrySeconds|{"count":${2 * PAIR_BASE_WAIT_S}}`]);
    await age(user.email, 61_000);
    expect((await signIn(user.email, "wrong-yet-again", ip)).status).toBe(400);
    expect(formError(await signIn(user.email, TEST_PASSWORD, ip))).toEqual(['retryMinutes|{"count":2}']);

    // Once the wait is over, the right password signs in, and the failures before it stop counting.
    await age(user.email, 121_000);
    expect((await signIn(user.email, TEST_PASSWORD, ip)).status).toBe(302);
    expect((await signIn(user.email, "a-fresh-typo", ip)).status).toBe(400);
    expect((await signIn(user.email, TEST_PASSWORD, ip)).status).toBe(302);
  });

  test("attempts made at the same moment count against each other: a burst gets five tries, not twenty", async () => {
    const user = await createUser();
    const burst = await Promise.all(Array.from({ length: 20 }, (_, i) => signIn(user.email, `burst-${i}`, "198.51.100.20")));
    expect(burst.filter((r) => r.status === 400)).toHaveLength(PAIR_FREE_FAILURES);
    expect(burst.filter((r) => r.status === 429)).toHaveLength(20 - PAIR_FREE_FAILURES);
    // The fifteen refusals cannot flood the audit log: one entry for the minute.
    const refusals = await prisma.auditEntry.findMany({ where: { action: "SIGN_IN_FAILED", ip: "198.51.100.20" } });
    expect(refusals.filter((e) => JSON.parse(e.after!).reason === "throttled")).toHaveLength(1);
  });
});

test("with two-factor on, signing in again with the right password does not clear the failures of wrong codes", async () => {
  const ip = "198.51.100.30";
  const user = await createUser({ twoFactor: true });
  const code = (pending: string, value: string) =>
    run(codeAction, { request: formRequest("/login/code", { code: value }, { cookie: pending }), context: { clientIp: ip } });
  const pendingOf = (response: RouteResult) =>
    response.headers
      .getSetCookie()
      .map((c) => c.split(";")[0])
      .join("; ");
  const statuses: number[] = [];
  for (let round = 0; round < 2; round++) {
    const password = await signIn(user.email, TEST_PASSWORD, ip);
    expect(password.location).toBe("/login/code");
    for (const guess of ["111111", "222222"]) statuses.push((await code(pendingOf(password), guess)).status);
  }
  // Each right password counts as a failure until its code is right: five in all, then a refusal.
  expect(statuses).toEqual([400, 400, 400, 429]);
  expect((await signIn(user.email, TEST_PASSWORD, ip)).status).toBe(429);
});

test("the refusal says how long to wait, in seconds up to a minute and a half, then in minutes", () => {
  expect(throttledMessage(1)).toBe('retrySeconds|{"count":1}');
  expect(throttledMessage(90)).toBe('retrySeconds|{"count":90}');
  expect(throttledMessage(91)).toBe('retryMinutes|{"count":2}');
  expect(throttledMessage(3600)).toBe('retryMinutes|{"count":60}');
});

// SQLite's plans (EXPLAIN QUERY PLAN). On PostgreSQL the same indexes exist (schema-drift.test.ts), and
// its planner prefers reading a table of a few rows whole.
test.skipIf(process.env.TEST_ENGINE === "postgresql")("every query the throttle makes reads through an index of LoginAttempt", async () => {
  const client = new PrismaClient({ adapter: new PrismaBetterSqlite3({ url: process.env.DATABASE_URL! }), log: [{ emit: "event", level: "query" }] });
  const queries: { query: string; params: string }[] = [];
  client.$on("query", (event) => queries.push({ query: event.query, params: event.params }));
  try {
    await readThrottle(client, "plan@example.lv", "192.0.2.1");
  } finally {
    await client.$disconnect();
  }
  const reads = queries.filter((q) => q.query.includes("LoginAttempt"));
  expect(reads).toHaveLength(3);
  for (const { query, params } of reads) {
    const plan = await prisma.$queryRawUnsafe<{ detail: string }[]>(`EXPLAIN QUERY PLAN ${query}`, ...(JSON.parse(params) as unknown[]));
    const steps = plan.map((step) => step.detail);
    expect(
      steps.some((step) => /SEARCH main\.LoginAttempt USING INDEX LoginAttempt_\w+_createdAt_idx/.test(step)),
      steps.join("; "),
    ).toBe(true);
    expect(
      steps.some((step) => /SCAN main\.LoginAttempt/.test(step)),
      steps.join("; "),
    ).toBe(false);
  }
});
