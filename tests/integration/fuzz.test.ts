// Property-based fuzzing of every route (issue #13): fast-check makes requests for each loader and
// action, as each role and anonymously, from the route's real field names and from nothing at
// all: missing fields, empty and huge values, control characters and NUL, wrong types, repeated
// keys, broken percent-escapes, unknown intents, bad and unknown ids, and plausible data too, so the
// commands behind the forms run. A request fails the test when it answers 5xx, throws anything but a
// Response, logs an error or takes over two seconds.
//
// Run again with the same input: FUZZ_SEED=<the seed printed> npx vitest run tests/integration/fuzz.test.ts
// (the database is built the same way, so the same seed sends the same requests, give or take the
// random tokens the app makes). FUZZ_RUNS=<n> multiplies the requests; FUZZ_PROFILE=1 lists those over 60 ms
// and the statuses of each route.
import { readdirSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { Secret, TOTP } from "otpauth";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Role } from "~/generated/prisma/enums";
import { AUDIT_ACTIONS } from "~/modules/audit/audit.schema";
import { DENSITIES } from "~/modules/board/board.schema";
import { PERIOD_PRESETS } from "~/modules/dashboard/dashboard.schema";
import { CARD_FIELDS, DECISIONS, METHOD_TYPES, RESULTS } from "~/modules/experiment/cards";
import { BRIEF_FIELDS, BRIEF_STEP_KEYS } from "~/modules/idea/brief";
import { LISTED_STATUSES, PRINCIPLE_KEYS } from "~/modules/idea/idea.schema";
import { addComment } from "~/modules/idea/idea.server";
import { OUTBOX_STATUSES } from "~/modules/mail/outbox.schema";
import { DELIVERY_MODES, NOTIFICATION_KINDS } from "~/modules/notification/kinds";
import { startPendingSignIn } from "~/modules/user/pending-sign-in.server";
import { ACCOUNT_MAX_DELAY_MS } from "~/modules/user/throttle.server";
import { newPasswordLink } from "~/modules/user/users.server";
import { prisma } from "~/utils/db.server";
import { ROLES } from "~/utils/permissions";
import { getSession } from "~/utils/session.server";
import * as catchAll from "~/routes/$";
import * as home from "~/routes/_index";
import * as accessibility from "~/routes/accessibility";
import * as account from "~/routes/account";
import * as twoFactor from "~/routes/account_.two-factor";
import * as adminHome from "~/routes/admin._index";
import * as audit from "~/routes/admin.audit";
import * as auditCsv from "~/routes/admin.audit[.]csv";
import * as auditXlsx from "~/routes/admin.audit[.]xlsx";
import * as institutions from "~/routes/admin.institutions";
import * as outbox from "~/routes/admin.outbox";
import * as stages from "~/routes/admin.stages";
import * as users from "~/routes/admin.users";
import * as person from "~/routes/admin.users_.$id";
import * as board from "~/routes/board";
import * as dashboardCsv from "~/routes/dashboard.export[.]csv";
import * as dashboardXlsx from "~/routes/dashboard.export[.]xlsx";
import * as dashboard from "~/routes/dashboard";
import * as healthz from "~/routes/healthz";
import * as idea from "~/routes/ideas.$id";
import * as casePage from "~/routes/ideas.$id_.case";
import * as caseJson from "~/routes/ideas.$id_.case[.]json";
import * as caseMd from "~/routes/ideas.$id_.case[.]md";
import * as edit from "~/routes/ideas.$id_.edit";
import * as editCheck from "~/routes/ideas.$id_.edit_.check";
import * as editStep from "~/routes/ideas.$id_.edit_.$step";
import * as experiment from "~/routes/ideas.$id_.experiments.$experimentId";
import * as newExperiment from "~/routes/ideas.$id_.experiments.new";
import * as manage from "~/routes/ideas.$id_.manage";
import * as ideas from "~/routes/ideas._index";
import * as ideasCsv from "~/routes/ideas.export[.]csv";
import * as ideasXlsx from "~/routes/ideas.export[.]xlsx";
import * as mine from "~/routes/ideas.mine";
import * as newIdea from "~/routes/ideas.new";
import * as similarIdeas from "~/routes/ideas.similar";
import * as language from "~/routes/language";
import * as lessons from "~/routes/lessons";
import * as login from "~/routes/login";
import * as loginCode from "~/routes/login_.code";
import * as loginLink from "~/routes/login_.link";
import * as adminSignIn from "~/routes/admin.sign-in";
import * as authProvider from "~/routes/auth.$provider";
import * as authCallback from "~/routes/auth.$provider_.callback";
import { resetOidcProviders } from "~/utils/oidc-config.server";
import * as logout from "~/routes/logout";
import * as notifications from "~/routes/notifications";
import * as setPassword from "~/routes/set-password.$token";
import {
  type BodyKind,
  type ExtraHeaders,
  type Fields,
  type Pair,
  bodyKind,
  bodyOf,
  brief,
  brokenPercent,
  extraHeaders,
  formPairs,
  idOf,
  isoDay,
  nasty,
  queryArb,
  returnPath,
  email,
  safeEncode,
  smallInt,
  text,
  variedText,
} from "../factories/fuzz";
import { draftIdea, facilitator, ideaInStage, recordExperiment, submittedIdea, validatedExperiment } from "../factories/idea";
import { formRequest } from "../factories/request";
import { run } from "../factories/route";
import { TEST_PASSWORD, TEST_TOTP_SECRET, createUser, sessionCookieFor } from "../factories/user";

const SEED = Number(process.env.FUZZ_SEED ?? Math.floor(Math.random() * 2 ** 31));
/** FUZZ_RUNS=10 sends ten times the requests (for a longer hunt than `npm test` affords). */
const RUNS = Number(process.env.FUZZ_RUNS ?? 1);
/** The longest one request may take. */
const SLOW_MS = 2000;

// ---------------------------------------------------------------------------------------------
// Who sends the requests, and the rows their forms name.

type Who = "anonymous" | Role;
const WHO: Who[] = ["anonymous", ...ROLES];
type Actor = { id: number; email: string; role: Role; cookie: string; sessionId: string };
const actors = {} as Record<Role, Actor>;

/** Ids and keys that exist, so plausible forms reach the commands behind them. */
type Pools = {
  ideas: number[];
  /** The ideas of the submitter who sends requests (theirs to edit, withdraw, record experiments on). */
  own: number[];
  experiments: [number, number][];
  comments: number[];
  users: number[];
  institutions: number[];
  stages: number[];
  stageKeys: string[];
  tokens: string[];
  emails: string[];
  /** Cookies of the second sign-in step, for people whose password was just right. */
  pending: string[];
};
const tokens: string[] = [];
let twoFactorUser: number;

async function pools(): Promise<Pools> {
  const [ideaRows, experimentRows, commentRows, userRows, institutionRows, stageRows] = await Promise.all([
    prisma.idea.findMany({ select: { id: true, authorId: true }, orderBy: { id: "desc" }, take: 40 }),
    prisma.experiment.findMany({ select: { id: true, ideaId: true }, orderBy: { id: "desc" }, take: 20 }),
    prisma.comment.findMany({ select: { id: true }, orderBy: { id: "desc" }, take: 20 }),
    prisma.user.findMany({ select: { id: true, email: true }, orderBy: { id: "asc" }, take: 30 }),
    prisma.institution.findMany({ select: { id: true } }),
    prisma.stage.findMany({ select: { id: true, key: true } }),
  ]);
  return {
    ideas: ideaRows.map((r) => r.id),
    own: ideaRows.filter((r) => r.authorId === actors.SUBMITTER.id).map((r) => r.id),
    experiments: experimentRows.map((r) => [r.ideaId, r.id]),
    comments: commentRows.map((r) => r.id),
    users: userRows.map((r) => r.id),
    institutions: institutionRows.map((r) => r.id),
    stages: stageRows.map((r) => r.id),
    stageKeys: stageRows.map((r) => r.key),
    tokens,
    emails: userRows.map((r) => r.email),
    pending: await Promise.all([actors.ADMIN.id, twoFactorUser].map(async (id) => (await startPendingSignIn(id, "/")).split(";")[0])),
  };
}

/** Ideas in every state the forms care about: the submitter's draft, intake, work stages (with an experiment), another author's, closed ones. */
async function freshIdeas() {
  const author = actors.SUBMITTER.id;
  const other = (await createUser({ role: "SUBMITTER" })).id;
  await draftIdea(author);
  await submittedIdea(author);
  const working = await ideaInStage("discover", author);
  await recordExperiment(working.id);
  await ideaInStage("define", other);
  await draftIdea(other);
  const authorRow = await prisma.user.findUniqueOrThrow({ where: { id: author } });
  await addComment(authorRow, { ideaId: working.id, body: "Vai var izmēģināt arī Rīgā?", internal: false });
  await addComment(await facilitator(), { ideaId: working.id, body: "Iekšēja piezīme.", internal: true });
}

// A configured provider that does not answer (nothing listens on port 9): the sign-in routes answer
// from their own checks, and a start that needs the provider's metadata is told it is unavailable.
resetOidcProviders({
  OIDC_PROVIDERS: JSON.stringify([
    { id: "vk", name: { lv: "Valsts kancelejas", en: "State Chancellery" }, issuer: "http://127.0.0.1:9", clientId: "a", clientSecret: "b" },
  ]),
});
afterAll(() => resetOidcProviders({}));

beforeAll(async () => {
  console.log(`fuzz: seed ${SEED} (FUZZ_SEED=${SEED} runs the same requests again)`);
  for (const role of ROLES) {
    const { id, email } = await createUser({ role });
    actors[role] = { id, email, role, cookie: "", sessionId: "" };
    await startSession(actors[role]);
  }
  await freshIdeas();
  const tested = await ideaInStage("test", actors.SUBMITTER.id);
  await validatedExperiment(tested.id);
  await ideaInStage("implemented", actors.SUBMITTER.id);
  await ideaInStage("stopped", actors.SUBMITTER.id);
  // The password rule loads its word lists on first use (once per process, well over a second in
  // this test runner): that first load is not what the two-second limit is about.
  await run(account.action as RouteFn, {
    request: formRequest(
      "/account",
      { intent: "password", currentPassword: "not-the-password", newPassword: "warm-up-password-42", confirmPassword: "warm-up-password-42" },
      { cookie: actors.SUBMITTER.cookie },
    ),
  });
  twoFactorUser = (await createUser({ role: "FACILITATOR", twoFactor: true })).id;
  for (const role of ["SUBMITTER", "FACILITATOR", "SUBMITTER"] as const) {
    const target = await createUser({ role });
    const made = await newPasswordLink(actors.ADMIN, { userId: target.id });
    if (made.ok) tokens.push(made.value.link.split("/set-password/")[1]);
  }
}, 60_000);

/** A session for the actor, and its id (to see, after each action, that it still works). */
async function startSession(actor: Actor) {
  actor.cookie = await sessionCookieFor(actor.id);
  actor.sessionId = (await getSession(new Request("http://localhost:3000/", { headers: { Cookie: actor.cookie } }))).get("sessionId") ?? "";
}

/**
 * The fuzz signs people out, deactivates them, changes their role or password, ends their sessions,
 * turns their second factor off. After each action the five senders are put back as they were, each
 * with a working session (one query when nothing changed).
 */
async function restoreActors() {
  const list = Object.values(actors);
  const rows = await prisma.user.findMany({
    where: { id: { in: list.map((a) => a.id) } },
    select: {
      id: true,
      role: true,
      active: true,
      totpEnabledAt: true,
      sessions: { where: { id: { in: list.map((a) => a.sessionId) } }, select: { expiresAt: true } },
    },
  });
  for (const actor of list) {
    const row = rows.find((r) => r.id === actor.id);
    const admin = actor.role === "ADMIN";
    if (row && row.role === actor.role && row.active && !!row.totpEnabledAt === admin) {
      if (row.sessions.some((s) => s.expiresAt > new Date())) continue;
    } else {
      const twoFactor = admin ? { totpSecret: TEST_TOTP_SECRET, totpEnabledAt: new Date() } : { totpSecret: null, totpEnabledAt: null };
      await prisma.user.update({ where: { id: actor.id }, data: { role: actor.role, active: true, ...twoFactor } });
    }
    await startSession(actor);
  }
}

// ---------------------------------------------------------------------------------------------
// What the forms and filters take. Plausible values come from the real schemas' vocabularies;
// placeholders ("$id", "$ideaVersion"…) are filled in from the database as the request is built.

const principles = fc.oneof(fc.subarray([...PRINCIPLE_KEYS]), fc.constantFrom(...PRINCIPLE_KEYS));
const version = fc.oneof({ weight: 4, arbitrary: fc.constant("$ideaVersion") }, { weight: 1, arbitrary: smallInt(5) });
const sameIdea = (p: Pools) => fc.oneof({ weight: 4, arbitrary: fc.constant("$id") }, { weight: 1, arbitrary: idOf(p.ideas) });
const stageKey = (p: Pools) => fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...p.stageKeys) }, { weight: 1, arbitrary: nasty });
/** A password: a passphrase, the test users' own, a password manager's (32 to 256 characters), or any text. */
const password = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom("Zaļā lapa kūst pie loga 1987", TEST_PASSWORD) },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom(32, 64, 128, 256), fc.integer()).map(([length, seed]) => variedText(length, seed)) },
  { weight: 2, arbitrary: text },
);
/** The confirmation of a new password: mostly the same as the password. */
const samePassword = fc.oneof({ weight: 3, arbitrary: fc.constant("$password") }, { weight: 1, arbitrary: password });

const briefFields = (p: Pools): Fields => ({
  title: text,
  ...Object.fromEntries(BRIEF_FIELDS.map((f) => [f.name, f.kind === "count" ? smallInt(100) : text])),
  principles,
  institutionId: idOf(p.institutions),
  language: fc.oneof(fc.constantFrom("lv", "en"), nasty),
  createToken: fc.oneof(fc.uuid(), nasty),
});
const ideaForm = (p: Pools, hidden: Fields = {}): Fields[] =>
  (["continue", "back"] as const).map((intent) => ({
    formId: fc.constant("brief"),
    intent: fc.constant(intent),
    then: fc.constantFrom("check", "", "x"),
    ...hidden,
    ...briefFields(p),
  }));

/** The first step sent by the similar-ideas panel: "Find similar ideas", or a support button (nothing saved). */
const similarForms = (p: Pools, hidden: Fields = {}): Fields[] => [
  { formId: fc.constant("brief-need-form"), intent: fc.constant("similar"), ...hidden, ...briefFields(p) },
  { formId: fc.constant("brief-need-form"), support: idOf(p.ideas), ...hidden, ...briefFields(p) },
  { formId: fc.constant("brief-need-form"), unsupport: idOf(p.ideas), ...hidden, ...briefFields(p) },
];

const cardFields: Fields = Object.fromEntries(
  CARD_FIELDS.map((f) => [f.name, f.type === "text" ? text : f.type === "choice" ? fc.constantFrom(...f.options) : f.type === "date" ? isoDay : smallInt(200)]),
);

const manageForms = (p: Pools): Fields[] => {
  const common = { returnTo: returnPath, ideaId: sameIdea(p), version };
  return [
    { intent: fc.constant("move"), ...common, stage: stageKey(p), position: smallInt(), closingNote: text },
    { intent: fc.constant("accept"), ...common, stage: stageKey(p) },
    { intent: fc.constant("return"), ...common, question: text },
    { intent: fc.constant("decline"), ...common, reason: text },
    { formId: fc.constant("merge"), intent: fc.constant("merge"), ...common, into: fc.oneof(idOf(p.ideas), text), confirmed: fc.constantFrom("yes", "", "no") },
    { intent: fc.constant("assign"), ...common, assigneeId: idOf(p.users) },
    { intent: fc.constant("tags"), ...common, principles },
  ];
};

const clientIp = fc.record({ clientIp: fc.oneof(fc.constantFrom("10.0.0.1", "10.0.0.2", "::1", "unknown", ""), fc.ipV4(), fc.ipV6()) });
/** A code of the second step: the current one, a recovery code's shape, six digits, or anything. */
const secondFactorCode = fc.oneof(
  fc.constant("$totp"),
  fc.stringMatching(/^[a-z2-9]{5}-[a-z2-9]{5}$/),
  fc.integer({ min: 0, max: 999_999 }).map((n) => String(n).padStart(6, "0")),
  nasty,
);

const page = smallInt(3);
const institution = (p: Pools) => idOf(p.institutions);
const principle = fc.constantFrom(...PRINCIPLE_KEYS);
const ideaFilters = (p: Pools): Fields => ({
  q: text,
  stage: stageKey(p),
  status: fc.constantFrom(...LISTED_STATUSES),
  institution: institution(p),
  principle,
  page,
});
const dashboardFilters = (p: Pools): Fields => ({
  period: fc.constantFrom(...PERIOD_PRESETS),
  from: isoDay,
  to: isoDay,
  institution: institution(p),
  principle,
});
const auditFilters: Fields = { action: fc.constantFrom(...AUDIT_ACTIONS), actor: fc.oneof(text, email), from: isoDay, to: isoDay, page };
const ideaParams = (p: Pools) => fc.record({ id: idOf(p.ideas) });
const ownIdeaParams = (p: Pools) => fc.record({ id: fc.oneof({ weight: 2, arbitrary: idOf(p.own) }, { weight: 1, arbitrary: idOf(p.ideas) }) });

// ---------------------------------------------------------------------------------------------
// The routes: one entry per module in app/routes, with the loader and the action it has, the route
// params its URL carries, the query its loader reads and the forms its action takes.

type RouteFn = (args: { request: Request; params: Record<string, string>; context: Record<string, unknown> }) => unknown;
type Entry = {
  file: string;
  /** The URL, ":name" for each param ("*" for the splat). */
  url: string;
  module: { loader?: unknown; action?: unknown };
  params?: (p: Pools) => fc.Arbitrary<Record<string, string>>;
  /** Who the route is mostly for: sent as them more often than as the others. */
  as?: Role;
  /** A cookie the route reads besides the session's. */
  cookie?: (p: Pools) => fc.Arbitrary<string>;
  /** The loader, and the filters it reads from the query (none: only random pairs). */
  loader?: { runs: number; query?: (p: Pools) => Fields };
  /**
   * The action and its forms (one per intent). `fresh`: it uses up ideas, so new ones are made first;
   * `disturbs`: it can sign the senders out or change them, so they are put back after each request;
   * `throttled`: it checks a secret, and the throttle may make the request sleep on purpose (up to
   * ACCOUNT_MAX_DELAY_MS, holding nothing up): that is allowed on top of the two seconds, which
   * then bound the request's working time (CPU) too.
   */
  action?: {
    runs: number;
    forms: (p: Pools) => Fields[];
    fresh?: boolean;
    disturbs?: true;
    throttled?: true;
    context?: fc.Arbitrary<Record<string, unknown>>;
  };
};

const ROUTES: Entry[] = [
  {
    file: "$.tsx",
    url: "/*",
    module: catchAll,
    params: () => fc.record({ "*": fc.oneof(fc.webPath(), nasty) }),
    loader: { runs: 30 },
    action: { runs: 30, forms: (): Fields[] => [{}] },
  },
  {
    file: "_index.tsx",
    url: "/",
    module: home,
    loader: { runs: 40 },
    action: {
      runs: 40,
      forms: (): Fields[] => [
        {
          intent: fc.constant("seen"),
          until: fc.oneof(
            fc.integer({ min: -1, max: 2 ** 53 }).map(String),
            fc.date({ noInvalidDate: true }).map((d) => String(d.getTime())),
            text,
          ),
        },
      ],
    },
  },
  { file: "accessibility.tsx", url: "/accessibility", module: accessibility, loader: { runs: 20 } },
  {
    file: "account.tsx",
    url: "/account",
    module: account,
    loader: { runs: 40 },
    action: {
      runs: 180,
      throttled: true,
      disturbs: true,
      forms: (): Fields[] => [
        { formId: fc.constant("profile"), intent: fc.constant("profile"), name: text, locale: fc.constantFrom("lv", "en") },
        { formId: fc.constant("password"), intent: fc.constant("password"), currentPassword: password, newPassword: password, confirmPassword: samePassword },
        { intent: fc.constant("end-session"), sessionId: fc.oneof(fc.constant("$sessionId"), text) },
        { intent: fc.constant("notifications"), ...Object.fromEntries(NOTIFICATION_KINDS.map((k) => [k, fc.constantFrom(...DELIVERY_MODES)])) },
      ],
    },
  },
  {
    file: "account_.two-factor.tsx",
    url: "/account/two-factor",
    module: twoFactor,
    loader: { runs: 40, query: () => ({ required: fc.constant("1") }) },
    action: {
      runs: 100,
      throttled: true,
      disturbs: true,
      forms: (): Fields[] => [{ intent: fc.constant("start") }, { intent: fc.constantFrom("confirm", "recovery-codes", "disable"), code: secondFactorCode }],
      context: clientIp,
    },
  },
  { file: "admin._index.tsx", as: "ADMIN", url: "/admin", module: adminHome, loader: { runs: 20 } },
  {
    file: "admin.sign-in.tsx",
    as: "ADMIN",
    url: "/admin/sign-in",
    module: adminSignIn,
    loader: { runs: 20 },
    action: { runs: 40, forms: (): Fields[] => [{ passwords: fc.oneof(fc.constantFrom("everyone", "admins"), text) }] },
  },
  { file: "admin.audit.tsx", as: "ADMIN", url: "/admin/audit", module: audit, loader: { runs: 140, query: () => auditFilters } },
  { file: "admin.audit[.]csv.ts", as: "ADMIN", url: "/admin/audit.csv", module: auditCsv, loader: { runs: 80, query: () => auditFilters } },
  { file: "admin.audit[.]xlsx.ts", as: "ADMIN", url: "/admin/audit.xlsx", module: auditXlsx, loader: { runs: 40, query: () => auditFilters } },
  {
    file: "admin.institutions.tsx",
    as: "ADMIN",
    url: "/admin/institutions",
    module: institutions,
    loader: { runs: 20 },
    action: {
      runs: 160,
      forms: (p): Fields[] => [
        { intent: fc.constant("create"), code: fc.oneof(fc.stringMatching(/^[A-Z0-9]{2,10}$/), fc.constantFrom("VK", "vk", "ÄÖ")), nameLv: text, nameEn: text },
        { intent: fc.constant("rename"), institutionId: idOf(p.institutions), nameLv: text, nameEn: text },
        { intent: fc.constantFrom("deactivate", "reactivate"), institutionId: idOf(p.institutions) },
      ],
    },
  },
  {
    file: "admin.outbox.tsx",
    as: "ADMIN",
    url: "/admin/outbox",
    module: outbox,
    loader: { runs: 100, query: () => ({ status: fc.constantFrom(...OUTBOX_STATUSES), to: fc.oneof(text, email), page }) },
  },
  {
    file: "admin.stages.tsx",
    as: "ADMIN",
    url: "/admin/stages",
    module: stages,
    loader: { runs: 20 },
    action: {
      runs: 160,
      forms: (p): Fields[] => [
        { intent: fc.constant("update"), stageId: idOf(p.stages), nameLv: text, nameEn: text, wipLimit: smallInt(10_000) },
        {
          intent: fc.constant("move"),
          stageId: idOf(p.stages),
          direction: fc.constantFrom("up", "down"),
          order: fc.oneof(
            fc.constant("$stageOrder"),
            fc.array(idOf(p.stages)).map((ids) => ids.join(",")),
          ),
        },
        { intent: fc.constant("create"), nameLv: text, nameEn: text },
        { intent: fc.constant("archive"), stageId: idOf(p.stages) },
        { intent: fc.constant("gate"), stageId: idOf(p.stages), enabled: fc.constantFrom("true", "false") },
      ],
    },
  },
  {
    file: "admin.users.tsx",
    as: "ADMIN",
    url: "/admin/users",
    module: users,
    loader: {
      runs: 100,
      query: (p) => ({ q: text, role: fc.constantFrom(...ROLES), institution: institution(p), active: fc.constantFrom("yes", "no"), page }),
    },
    action: {
      runs: 130,
      forms: (p): Fields[] => [
        {
          formId: fc.constant("create-user"),
          intent: fc.constant("create"),
          email: fc.oneof(email, fc.constantFrom(...p.emails)),
          name: text,
          role: fc.constantFrom(...ROLES),
          institutionId: idOf(p.institutions),
        },
      ],
    },
  },
  {
    file: "admin.users_.$id.tsx",
    as: "ADMIN",
    url: "/admin/users/:id",
    module: person,
    params: (p) => fc.record({ id: idOf(p.users) }),
    loader: { runs: 80 },
    action: {
      runs: 160,
      disturbs: true,
      forms: (p): Fields[] => [
        {
          intent: fc.constant("update"),
          userId: fc.oneof(fc.constant("$id"), idOf(p.users)),
          role: fc.constantFrom(...ROLES),
          institutionId: idOf(p.institutions),
        },
        { intent: fc.constantFrom("deactivate", "reactivate", "reset-link"), userId: fc.oneof(fc.constant("$id"), idOf(p.users)) },
      ],
    },
  },
  {
    file: "board.tsx",
    as: "FACILITATOR",
    url: "/board",
    module: board,
    loader: {
      runs: 120,
      query: (p) => ({
        q: text,
        institution: institution(p),
        principle,
        assignee: fc.constant("mine"),
        open: fc.subarray(p.stageKeys).map((keys) => keys.join(",")),
        ...Object.fromEntries(p.stageKeys.slice(0, 3).map((key) => [`show_${key}`, fc.constantFrom("50", "2000", "2001", "-1", "1e9")])),
      }),
    },
    action: {
      runs: 200,
      fresh: true,
      forms: (p): Fields[] => [
        {
          formId: fc.constant("board-move"),
          intent: fc.constant("move"),
          ideaId: idOf(p.ideas),
          version,
          stage: stageKey(p),
          position: smallInt(),
          closingNote: text,
        },
        { intent: fc.constant("density"), density: fc.constantFrom(...DENSITIES) },
      ],
    },
  },
  { file: "dashboard.export[.]csv.ts", as: "MANAGER", url: "/dashboard/export.csv", module: dashboardCsv, loader: { runs: 60, query: dashboardFilters } },
  { file: "dashboard.export[.]xlsx.ts", as: "MANAGER", url: "/dashboard/export.xlsx", module: dashboardXlsx, loader: { runs: 40, query: dashboardFilters } },
  { file: "dashboard.tsx", as: "MANAGER", url: "/dashboard", module: dashboard, loader: { runs: 80, query: dashboardFilters } },
  { file: "healthz.ts", url: "/healthz", module: healthz, loader: { runs: 10 } },
  {
    file: "ideas.$id.tsx",
    url: "/ideas/:id",
    module: idea,
    params: ideaParams,
    loader: { runs: 150 },
    action: {
      runs: 200,
      fresh: true,
      forms: (p): Fields[] => [
        { formId: fc.constant("comment"), intent: fc.constant("comment"), body: text, internal: fc.constantFrom("on", "true", "false") },
        { intent: fc.constant("delete-comment"), commentId: idOf(p.comments) },
        { intent: fc.constantFrom("support", "withdraw") },
        { intent: fc.constantFrom("undo-decline", "undo-merge"), eventId: smallInt(100_000) },
      ],
    },
  },
  { file: "ideas.$id_.case.tsx", url: "/ideas/:id/case", module: casePage, params: ideaParams, loader: { runs: 80 } },
  { file: "ideas.$id_.case[.]json.ts", url: "/ideas/:id/case.json", module: caseJson, params: ideaParams, loader: { runs: 80 } },
  { file: "ideas.$id_.case[.]md.ts", url: "/ideas/:id/case.md", module: caseMd, params: ideaParams, loader: { runs: 80 } },
  { file: "ideas.$id_.edit.tsx", as: "SUBMITTER", url: "/ideas/:id/edit", module: edit, params: ownIdeaParams, loader: { runs: 60 } },
  {
    file: "ideas.$id_.edit_.$step.tsx",
    as: "SUBMITTER",
    url: "/ideas/:id/edit/:step",
    module: editStep,
    params: (p) => fc.record({ id: ownIdeaParams(p).map((x) => x.id), step: fc.oneof(fc.constantFrom(...BRIEF_STEP_KEYS), nasty) }),
    loader: { runs: 80 },
    action: {
      runs: 260,
      fresh: true,
      forms: (p) => [...ideaForm(p, { id: sameIdea(p), version }), ...similarForms(p, { id: sameIdea(p), version })],
    },
  },
  {
    file: "ideas.$id_.edit_.check.tsx",
    as: "SUBMITTER",
    url: "/ideas/:id/edit/check",
    module: editCheck,
    params: ownIdeaParams,
    loader: { runs: 60 },
    action: { runs: 120, fresh: true, forms: (): Fields[] => [{ intent: fc.oneof(fc.constant("submit"), nasty), version }] },
  },
  {
    file: "ideas.$id_.experiments.$experimentId.tsx",
    as: "FACILITATOR",
    url: "/ideas/:id/experiments/:experimentId",
    module: experiment,
    params: (p) =>
      fc.oneof(
        { weight: 3, arbitrary: fc.constantFrom(...p.experiments).map(([id, experimentId]) => ({ id: String(id), experimentId: String(experimentId) })) },
        { weight: 1, arbitrary: fc.record({ id: idOf(p.ideas), experimentId: idOf(p.experiments.map(([, e]) => e)) }) },
      ),
    loader: { runs: 80 },
    action: {
      runs: 160,
      fresh: true,
      forms: (): Fields[] => [
        { experimentId: fc.oneof(fc.constant("$experimentId"), smallInt()), version: fc.oneof(fc.constant("$experimentVersion"), smallInt(5)), ...cardFields },
      ],
    },
  },
  {
    file: "ideas.$id_.experiments.new.tsx",
    as: "FACILITATOR",
    url: "/ideas/:id/experiments/new",
    module: newExperiment,
    params: ideaParams,
    loader: { runs: 60 },
    action: { runs: 130, fresh: true, forms: (): Fields[] => [cardFields] },
  },
  {
    file: "ideas.$id_.manage.tsx",
    as: "FACILITATOR",
    url: "/ideas/:id/manage",
    module: manage,
    params: ideaParams,
    loader: { runs: 80, query: (p) => ({ stage: stageKey(p), returnTo: returnPath }) },
    action: { runs: 250, fresh: true, forms: manageForms },
  },
  { file: "ideas._index.tsx", url: "/ideas", module: ideas, loader: { runs: 140, query: ideaFilters } },
  { file: "ideas.export[.]csv.ts", as: "MANAGER", url: "/ideas/export.csv", module: ideasCsv, loader: { runs: 80, query: ideaFilters } },
  { file: "ideas.export[.]xlsx.ts", as: "MANAGER", url: "/ideas/export.xlsx", module: ideasXlsx, loader: { runs: 40, query: ideaFilters } },
  { file: "ideas.mine.tsx", url: "/ideas/mine", module: mine, loader: { runs: 50, query: () => ({ page }) } },
  {
    file: "ideas.new.tsx",
    as: "SUBMITTER",
    url: "/ideas/new",
    module: newIdea,
    loader: { runs: 30 },
    action: { runs: 240, forms: (p) => [...ideaForm(p), ...similarForms(p)] },
  },
  {
    file: "ideas.similar.ts",
    url: "/ideas/similar",
    module: similarIdeas,
    loader: { runs: 100, query: (p) => ({ title: text, need: text, exclude: idOf(p.ideas) }) },
  },
  {
    file: "language.tsx",
    url: "/language",
    module: language,
    loader: { runs: 10 },
    action: { runs: 80, forms: (): Fields[] => [{ lng: fc.constantFrom("lv", "en"), redirectTo: returnPath }] },
  },
  {
    file: "lessons.tsx",
    url: "/lessons",
    module: lessons,
    loader: {
      runs: 90,
      query: (p) => ({
        q: text,
        principle,
        institution: institution(p),
        method: fc.constantFrom(...METHOD_TYPES),
        result: fc.constantFrom(...RESULTS),
        decision: fc.constantFrom(...DECISIONS),
        page: fc.oneof(page, fc.constantFrom("10000", "10001")),
      }),
    },
  },
  {
    file: "login.tsx",
    url: "/login",
    module: login,
    loader: { runs: 40, query: () => ({ redirectTo: returnPath, email: email }) },
    action: {
      // Every attempt that reaches the password check costs an argon2 hash; the throttle's 429 soon answers most.
      runs: 60,
      throttled: true,
      forms: (p): Fields[] => [{ formId: fc.constant("login"), email: fc.oneof(fc.constantFrom(...p.emails), email), password, redirectTo: returnPath }],
      context: clientIp,
    },
  },
  {
    file: "login_.code.tsx",
    url: "/login/code",
    module: loginCode,
    cookie: (p) =>
      fc.oneof(
        { weight: 4, arbitrary: fc.constantFrom(...p.pending) },
        { weight: 1, arbitrary: fc.constantFrom("", "signin=garbage", "signin=e30%3D.forged") },
      ),
    loader: { runs: 30 },
    action: { runs: 80, throttled: true, forms: (): Fields[] => [{ code: secondFactorCode, redirectTo: returnPath }], context: clientIp },
  },
  {
    file: "auth.$provider.tsx",
    url: "/auth/:provider",
    module: authProvider,
    params: () =>
      fc.record({ provider: fc.oneof({ weight: 3, arbitrary: fc.constant("vk") }, { weight: 1, arbitrary: fc.oneof(fc.string({ maxLength: 40 }), nasty) }) }),
    loader: { runs: 10 },
    action: { runs: 30, forms: (): Fields[] => [{ redirectTo: returnPath }] },
  },
  {
    file: "auth.$provider_.callback.tsx",
    url: "/auth/:provider/callback",
    module: authCallback,
    params: () =>
      fc.record({ provider: fc.oneof({ weight: 3, arbitrary: fc.constant("vk") }, { weight: 1, arbitrary: fc.oneof(fc.string({ maxLength: 40 }), nasty) }) }),
    cookie: () => fc.constantFrom("", "sso=garbage", "sso=e30%3D.forged"),
    loader: { runs: 60, query: () => ({ code: fc.oneof(fc.string(), nasty), state: fc.oneof(fc.string(), nasty), error: fc.string(), iss: fc.webUrl() }) },
  },
  {
    file: "login_.link.tsx",
    url: "/login/link",
    module: loginLink,
    cookie: () => fc.constantFrom("", "link=garbage", "link=e30%3D.forged"),
    loader: { runs: 20 },
    action: { runs: 30, forms: (): Fields[] => [{ password }], context: clientIp },
  },
  { file: "logout.tsx", url: "/logout", module: logout, loader: { runs: 10 }, action: { runs: 50, disturbs: true, forms: (): Fields[] => [{}] } },
  {
    file: "notifications.tsx",
    url: "/notifications",
    module: notifications,
    loader: { runs: 30 },
    action: { runs: 50, forms: (): Fields[] => [{ intent: fc.constant("read-all") }] },
  },
  {
    file: "set-password.$token.tsx",
    url: "/set-password/:token",
    module: setPassword,
    params: (p) => fc.record({ token: fc.oneof(fc.constantFrom(...p.tokens), fc.base64String({ maxLength: 60 }), nasty) }),
    loader: { runs: 60 },
    action: { runs: 80, forms: (): Fields[] => [{ formId: fc.constant("set-password"), password, confirmPassword: samePassword }] },
  },
];

// ---------------------------------------------------------------------------------------------
// Sending one request and judging the answer.

type Case = {
  who: Who;
  params: Record<string, string>;
  query: string;
  cookie: string;
  headers: ExtraHeaders;
  pairs: Pair[];
  kind: BodyKind;
  broken: string[];
  context: Record<string, unknown>;
};

const statuses = new Map<number, number>();
const DEBUG = new Map<string, number>();
const byRoute = new Map<string, Record<number, number>>();
let requests = 0;

const asId = (value: string | undefined) => {
  const n = Number(value);
  return Number.isSafeInteger(n) && n > 0 && n < 2 ** 31 ? n : null;
};

/** The placeholders of a plausible form, filled in from the database as it is now. */
async function fill(pairs: Pair[], params: Record<string, string>, who: Who): Promise<Pair[]> {
  const simple = async (value: string) => {
    switch (value) {
      case "$id":
        return params.id ?? "1";
      case "$experimentId":
        return params.experimentId ?? "1";
      case "$stageOrder":
        return (await prisma.stage.findMany({ where: { archivedAt: null }, orderBy: { position: "asc" }, select: { id: true } })).map((s) => s.id).join(",");
      case "$totp":
        // A current code of the test users' authenticator (each is taken once, so most are refused as replays).
        return new TOTP({ algorithm: "SHA1", digits: 6, period: 30, secret: Secret.fromBase32(TEST_TOTP_SECRET) }).generate();
      case "$sessionId": {
        const session = who === "anonymous" ? null : await prisma.session.findFirst({ where: { userId: actors[who].id }, select: { id: true } });
        return session?.id ?? "no-such-session";
      }
      default:
        return value;
    }
  };
  const filled: Pair[] = [];
  for (const [k, v] of pairs) filled.push([k, await simple(v)]);
  const newPassword = filled.find(([k]) => k === "password" || k === "newPassword")?.[1] ?? "";
  for (const pair of filled) if (pair[1] === "$password") pair[1] = newPassword;
  const ideaId = asId(filled.find(([k]) => k === "ideaId")?.[1] ?? params.id);
  const experimentId = asId(params.experimentId);
  const out: Pair[] = [];
  for (const [k, v] of filled) {
    if (v === "$ideaVersion") {
      const row = ideaId ? await prisma.idea.findUnique({ where: { id: ideaId }, select: { version: true } }) : null;
      out.push([k, String(row?.version ?? 1)]);
    } else if (v === "$experimentVersion") {
      const row = experimentId ? await prisma.experiment.findUnique({ where: { id: experimentId }, select: { version: true } }) : null;
      out.push([k, String(row?.version ?? 1)]);
    } else out.push([k, v]);
  }
  return out;
}

function urlOf(entry: Entry, c: Case) {
  const pathname = entry.url.replace(/:(\w+)|\*/g, (_, name: string | undefined) => safeEncode(c.params[name ?? "*"] ?? ""));
  return new URL(pathname + (c.query ? `?${c.query}` : ""), "http://localhost:3000");
}

async function send(entry: Entry, kind: "loader" | "action", c: Case) {
  const headers = new Headers();
  const cookie = [c.who === "anonymous" ? undefined : actors[c.who].cookie, c.cookie, c.headers.cookie].filter(Boolean).join("; ");
  if (cookie) headers.set("Cookie", cookie);
  if (c.headers.acceptLanguage !== undefined) headers.set("Accept-Language", c.headers.acceptLanguage);
  if (c.headers.userAgent !== undefined) headers.set("User-Agent", c.headers.userAgent);
  let request: Request;
  if (kind === "loader") request = new Request(urlOf(entry, c), { headers });
  else {
    const { body, type } = bodyOf(c.kind, await fill(c.pairs, c.params, c.who), c.broken);
    if (type) headers.set("Content-Type", type);
    request = new Request(urlOf(entry, c), { method: "POST", headers, body });
  }
  const fn = entry.module[kind] as RouteFn;
  const logged: unknown[][] = [];
  const previous = console.error;
  console.error = (...args: unknown[]) => {
    logged.push(args);
    previous(...args);
  };
  const started = performance.now();
  const cpuAtStart = process.cpuUsage();
  let result;
  try {
    result = await run(fn, { request, params: c.params, context: c.context });
  } catch (error) {
    throw new Error(`${entry.file} ${kind} threw (not a Response): ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`, {
      cause: error,
    });
  } finally {
    console.error = previous;
  }
  const ms = performance.now() - started;
  const cpu = process.cpuUsage(cpuAtStart);
  const cpuMs = (cpu.user + cpu.system) / 1000;
  if (process.env.FUZZ_PROFILE && ms > 60) console.log(`SLOW ${Math.round(ms)} ${entry.file} ${kind} ${describeCase(c).slice(0, 300)}`);
  requests++;
  statuses.set(result.status, (statuses.get(result.status) ?? 0) + 1);
  const route = `${entry.file} ${kind}`;
  if (process.env.FUZZ_DEBUG && result.status === 400) {
    const err = (result.data as { result?: { error?: Record<string, unknown> } })?.result?.error ?? { page: 1 };
    for (const k of Object.keys(err))
      DEBUG.set(`${route} ${k} ${JSON.stringify(err[k]).slice(0, 60)}`, (DEBUG.get(`${route} ${k} ${JSON.stringify(err[k]).slice(0, 60)}`) ?? 0) + 1);
  }
  byRoute.set(route, { ...byRoute.get(route), [result.status]: (byRoute.get(route)?.[result.status] ?? 0) + 1 });
  if (kind === "action" && entry.action!.disturbs) await restoreActors();
  if (result.status >= 500) throw new Error(`${entry.file} ${kind} answered ${result.status}: ${brief(result.data, 300)}`);
  if (logged.length) throw new Error(`${entry.file} ${kind} logged an error: ${brief(logged[0].map(String).join(" "), 500)}`);
  // A throttled request may also sleep (without holding the server up): then its working time counts.
  const limit = kind === "action" && entry.action!.throttled ? SLOW_MS + ACCOUNT_MAX_DELAY_MS : SLOW_MS;
  if (ms > limit || cpuMs > SLOW_MS)
    throw new Error(`${entry.file} ${kind} took ${Math.round(ms)} ms (${Math.round(cpuMs)} ms of work; the limits: ${limit} ms, ${SLOW_MS} ms of work)`);
}

function caseArb(entry: Entry, kind: "loader" | "action", p: Pools): fc.Arbitrary<Case> {
  const form = kind === "action" ? entry.action!.forms(p) : [];
  return fc
    .record<Case>({
      who: entry.as ? fc.oneof({ weight: 3, arbitrary: fc.constant(entry.as) }, { weight: 2, arbitrary: fc.constantFrom(...WHO) }) : fc.constantFrom(...WHO),
      params: entry.params?.(p) ?? fc.constant<Record<string, string>>({}),
      query:
        kind === "loader"
          ? queryArb(entry.loader!.query?.(p) ?? {})
          : fc.oneof({ weight: 4, arbitrary: fc.constant("") }, { weight: 1, arbitrary: queryArb({ q: text, index: fc.constant("") }) }),
      cookie: entry.cookie?.(p) ?? fc.constant(""),
      headers: fc.oneof({ weight: 3, arbitrary: fc.constant<ExtraHeaders>({}) }, { weight: 1, arbitrary: extraHeaders }),
      pairs: kind === "action" ? formPairs(form) : fc.constant<Pair[]>([]),
      kind: kind === "action" ? bodyKind : fc.constant<BodyKind>("urlencoded"),
      broken: brokenPercent,
      context: (kind === "action" && entry.action!.context) || fc.constant<Record<string, unknown>>({}),
    })
    .map((c) => Object.assign(c, { [fc.toStringMethod]: () => describeCase(c) }));
}

function describeCase(c: Case) {
  return brief({ who: c.who, params: c.params, query: c.query, cookie: c.cookie, headers: c.headers, body: c.kind, pairs: c.pairs, context: c.context });
}

// ---------------------------------------------------------------------------------------------

describe("fuzz", () => {
  // What the fuzz found first: conform read "a[99999999]" as a list that long, and the reply to the
  // refused form wrote out every empty slot (8 s of work, a reply of hundreds of megabytes).
  test("a field named like an index into a huge list is ignored, at once", async () => {
    for (const name of ["a[99999999]", "intent[99999999]", "a.b[99999999]", "__proto__[9999999]"]) {
      const started = performance.now();
      const result = await run(language.action as RouteFn, { request: formRequest("/language", { lng: "xx", [name]: "1" }) });
      expect(result.status, name).toBe(400);
      const refused = await run(newIdea.action as RouteFn, {
        request: formRequest("/ideas/new", { intent: "draft", title: "", [name]: "1" }, { cookie: actors.SUBMITTER.cookie }),
      });
      expect(refused.status, name).toBe(400);
      expect(JSON.stringify(refused.data).length, name).toBeLessThan(2000);
      expect(performance.now() - started, name).toBeLessThan(500);
    }
  });

  // What the fuzz found on PostgreSQL, where ids are 32-bit: an id one past the largest was a 500 there.
  test("an id past 32 bits in a form is refused with 400 beside its field, on every engine", async () => {
    const tooLarge = "2147483648";
    const created = await run(users.action as RouteFn, {
      request: formRequest(
        "/admin/users",
        { formId: "create-user", intent: "create", email: "kim@example.lv", name: "Kims", role: "SUBMITTER", institutionId: tooLarge },
        { cookie: actors.ADMIN.cookie },
      ),
    });
    expect(created.status).toBe(400);
    expect(JSON.stringify(created.data)).toContain("institutionId");
    const drafted = await run(newIdea.action as RouteFn, {
      request: formRequest("/ideas/new", { intent: "draft", title: "Jauna ideja", institutionId: tooLarge }, { cookie: actors.SUBMITTER.cookie }),
    });
    expect(drafted.status).toBe(400);
    expect(JSON.stringify(drafted.data)).toContain("institutionId");
  });

  test("the table names every route module in app/routes that has a loader or an action, with what it exports", async () => {
    const dir = path.resolve("app/routes");
    const files = readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
      if (d.isFile() && /\.[jt]sx?$/.test(d.name)) return [d.name];
      if (d.isDirectory())
        return readdirSync(path.join(dir, d.name))
          .filter((f) => /^route\.[jt]sx?$/.test(f))
          .map((f) => `${d.name}/${f}`);
      return [];
    });
    const problems: string[] = [];
    for (const file of files) {
      const mod = (await import(/* @vite-ignore */ path.join(dir, file))) as { loader?: unknown; action?: unknown };
      const has = { loader: typeof mod.loader === "function", action: typeof mod.action === "function" };
      const entry = ROUTES.find((e) => e.file === file);
      if (!entry) {
        if (has.loader || has.action) problems.push(`${file}: not in the fuzz table`);
        continue;
      }
      if (entry.module.loader !== mod.loader || entry.module.action !== mod.action) problems.push(`${file}: the table's module is another file's`);
      if (!!entry.loader !== has.loader) problems.push(`${file}: loader ${has.loader ? "exported but not fuzzed" : "fuzzed but not exported"}`);
      if (!!entry.action !== has.action) problems.push(`${file}: action ${has.action ? "exported but not fuzzed" : "fuzzed but not exported"}`);
    }
    for (const entry of ROUTES) if (!files.includes(entry.file)) problems.push(`${entry.file}: in the table but not in app/routes`);
    expect(problems).toEqual([]);
  });

  // Loaders first, then actions, the ones that change the most (people, stages) last.
  const jobs = [
    ...ROUTES.filter((e) => e.loader).map((e) => ({ entry: e, kind: "loader" as const })),
    ...ROUTES.filter((e) => e.action).map((e) => ({ entry: e, kind: "action" as const })),
  ];
  const adminLast = (j: (typeof jobs)[number]) => (j.kind === "action" && j.entry.file.startsWith("admin.") ? 1 : 0);
  jobs.sort((a, b) => adminLast(a) - adminLast(b));

  for (const [index, { entry, kind }] of jobs.entries()) {
    test(
      `${entry.file} ${kind}`,
      async () => {
        await restoreActors();
        if (kind === "action" && entry.action!.fresh) await freshIdeas();
        const p = await pools();
        const runs = Math.max(1, Math.round((kind === "loader" ? entry.loader! : entry.action!).runs * RUNS));
        try {
          await fc.assert(
            fc.asyncProperty(caseArb(entry, kind, p), (c) => send(entry, kind, c)),
            { seed: (SEED + index) | 0, numRuns: runs, plugins: [fc.interruptAfterTimeLimit(50_000 * RUNS, { failOnInterrupt: true })] },
          );
        } catch (error) {
          throw new Error(`FUZZ_SEED=${SEED} reproduces this run.\n${error instanceof Error ? error.message : String(error)}`, { cause: error });
        }
      },
      60_000 * RUNS,
    );
  }

  afterAll(() => {
    if (process.env.FUZZ_DEBUG) for (const [k, n] of [...DEBUG].sort((a, b) => b[1] - a[1]).slice(0, 80)) console.log(`DBG ${n} ${k}`);
    const counts = [...statuses.entries()].sort(([a], [b]) => a - b).map(([status, n]) => `${status}: ${n}`);
    if (process.env.FUZZ_PROFILE) for (const [route, counts] of byRoute) console.log(`fuzz: ${route}: ${JSON.stringify(counts)}`);
    console.log(`fuzz: ${requests} requests, ${counts.join(", ")}`);
  });
});
