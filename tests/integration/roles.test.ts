// What each role can and cannot do, asked of the routes themselves (as a browser would), not of
// the permission table: every page and every kind of change, for each role and for nobody signed in.
import { beforeAll, describe, expect, test } from "vitest";
import * as adminIndex from "~/routes/admin._index";
import * as adminAudit from "~/routes/admin.audit";
import * as adminAuditCsv from "~/routes/admin.audit[.]csv";
import * as adminInstitutions from "~/routes/admin.institutions";
import * as adminOutbox from "~/routes/admin.outbox";
import * as adminSignIn from "~/routes/admin.sign-in";
import * as adminStages from "~/routes/admin.stages";
import * as adminUsers from "~/routes/admin.users";
import * as board from "~/routes/board";
import * as dashboard from "~/routes/dashboard";
import * as dashboardCsv from "~/routes/dashboard.export[.]csv";
import * as home from "~/routes/_index";
import * as idea from "~/routes/ideas.$id";
import * as ideasCsv from "~/routes/ideas.export[.]csv";
import * as ideas from "~/routes/ideas._index";
import * as lessons from "~/routes/lessons";
import * as manage from "~/routes/ideas.$id_.manage";
import * as mine from "~/routes/ideas.mine";
import * as newExperiment from "~/routes/ideas.$id_.experiments.new";
import * as newIdea from "~/routes/ideas.new";
import * as notifications from "~/routes/notifications";
import * as account from "~/routes/account";
import { prisma } from "~/utils/db.server";
import { fullBrief, ideaInStage } from "../factories/idea";
import { formRequest, getRequest } from "../factories/request";
import { run } from "../factories/route";
import { signedIn, type SignedIn } from "../factories/user";

type Role = "SUBMITTER" | "FACILITATOR" | "MANAGER" | "ADMIN";
const ROLES: Role[] = ["SUBMITTER", "FACILITATOR", "MANAGER", "ADMIN"];
const people = {} as Record<Role, SignedIn>;
let author: SignedIn;
let ideaId: number;

beforeAll(async () => {
  for (const role of ROLES) people[role] = await signedIn(role);
  author = await signedIn("SUBMITTER");
  ideaId = (await ideaInStage("discover", author.id)).id;
});

// The status each role gets for each page: 200 shows it, 403 refuses it.
const ALL = { SUBMITTER: 200, FACILITATOR: 200, MANAGER: 200, ADMIN: 200 } as const;
const LAB = { SUBMITTER: 403, FACILITATOR: 200, MANAGER: 403, ADMIN: 200 } as const;
const FIGURES = { SUBMITTER: 403, FACILITATOR: 200, MANAGER: 200, ADMIN: 200 } as const;
const AUTHORS = { SUBMITTER: 200, FACILITATOR: 200, MANAGER: 403, ADMIN: 200 } as const;
const ADMINS = { SUBMITTER: 403, FACILITATOR: 403, MANAGER: 403, ADMIN: 200 } as const;

const PAGES: [string, { loader: (args: never) => unknown }, Record<Role, number>, Record<string, string>?][] = [
  ["/", home, ALL],
  ["/account", account, ALL],
  ["/notifications", notifications, ALL],
  ["/ideas", ideas, ALL],
  ["/ideas/new", newIdea, AUTHORS],
  ["/ideas/mine", mine, AUTHORS],
  ["/ideas/:id", idea, ALL],
  ["/ideas/:id/manage", manage, LAB],
  ["/ideas/:id/experiments/new", newExperiment, LAB],
  ["/board", board, ALL],
  ["/lessons", lessons, ALL],
  ["/dashboard", dashboard, FIGURES],
  ["/dashboard/export.csv", dashboardCsv, FIGURES],
  ["/ideas/export.csv", ideasCsv, FIGURES],
  ["/admin", adminIndex, ADMINS],
  ["/admin/users", adminUsers, ADMINS],
  ["/admin/institutions", adminInstitutions, ADMINS],
  ["/admin/stages", adminStages, ADMINS],
  ["/admin/audit", adminAudit, ADMINS],
  ["/admin/audit.csv", adminAuditCsv, ADMINS],
  ["/admin/outbox", adminOutbox, ADMINS],
  ["/admin/sign-in", adminSignIn, ADMINS],
];

const visit = (path: string, route: { loader: (args: never) => unknown }, cookie?: string) => {
  const url = path.replace(":id", String(ideaId));
  return run(route.loader as never, { request: getRequest(url, cookie), params: { id: String(ideaId) } });
};

describe.each(ROLES)("a %s", (role) => {
  test.each(PAGES.map(([path, route, expected]) => [path, route, expected[role]] as const))("opens %s: %s", async (path, route, status) => {
    expect((await visit(path, route, people[role].cookie)).status).toBe(status);
  });
});

test("nobody signed in is sent to sign in first, and comes back after", async () => {
  for (const [path, route] of PAGES) {
    const result = await visit(path, route);
    expect(result.status, path).toBe(302);
    expect(result.location, path).toBe(`/login?${new URLSearchParams({ redirectTo: path.replace(":id", String(ideaId)) })}`);
  }
});

describe("changes, by role", () => {
  const post = (route: { action: (args: never) => unknown }, url: string, fields: Record<string, string | string[]>, who: SignedIn) =>
    run(route.action as never, { request: formRequest(url, fields, { cookie: who.cookie }), params: { id: String(ideaId) } });
  const version = async () => String((await prisma.idea.findUniqueOrThrow({ where: { id: ideaId } })).version);
  const institutionId = async () => String((await prisma.institution.findUniqueOrThrow({ where: { code: "UR" } })).id);

  test("submit an idea: everyone but managers", async () => {
    for (const role of ROLES) {
      const result = await post(newIdea, "/ideas/new", { ...fullBrief(), institutionId: await institutionId() }, people[role]);
      expect(result.status, role).toBe(role === "MANAGER" ? 403 : 302);
    }
  });

  test("move a card: facilitators and admins only", async () => {
    for (const role of ROLES) {
      const result = await post(
        board,
        "/board",
        { intent: "move", ideaId: String(ideaId), version: await version(), stage: role === "ADMIN" ? "discover" : "define" },
        people[role],
      );
      expect(result.status, role).toBe(role === "FACILITATOR" || role === "ADMIN" ? 200 : 403);
    }
  });

  test("triage and assign: facilitators and admins only", async () => {
    for (const role of ROLES) {
      const result = await post(
        manage,
        `/ideas/${ideaId}/manage`,
        { intent: "assign", ideaId: String(ideaId), version: await version(), assigneeId: "" },
        people[role],
      );
      expect(result.status, role).toBe(role === "FACILITATOR" || role === "ADMIN" ? 302 : 403);
    }
  });

  test("comment: everyone; an internal note: facilitators and admins only", async () => {
    for (const role of ROLES) {
      expect((await post(idea, `/ideas/${ideaId}`, { intent: "comment", body: `Komentārs no ${role}` }, people[role])).status, role).toBe(302);
      const internal = await post(idea, `/ideas/${ideaId}`, { intent: "comment", body: "Iekšēja piezīme", internal: "on" }, people[role]);
      expect(internal.status, role).toBe(role === "FACILITATOR" || role === "ADMIN" ? 302 : 403);
    }
  });

  test("support someone's idea: everyone but managers; nobody supports their own", async () => {
    for (const role of ROLES) {
      expect((await post(idea, `/ideas/${ideaId}`, { intent: "support" }, people[role])).status, role).toBe(role === "MANAGER" ? 403 : 302);
    }
    expect((await post(idea, `/ideas/${ideaId}`, { intent: "support" }, author)).status).toBe(403);
  });

  test("administration: administrators only", async () => {
    for (const role of ROLES) {
      const created = await post(
        adminInstitutions,
        "/admin/institutions",
        { intent: "create", code: `R${role.slice(0, 3)}`, nameLv: "Iestāde", nameEn: "Agency" },
        people[role],
      );
      expect(created.status, role).toBe(role === "ADMIN" ? 302 : 403);
    }
  });

  test("who may sign in with a password: administrators only", async () => {
    for (const role of ROLES) {
      const saved = await post(adminSignIn, "/admin/sign-in", { passwords: "everyone" }, people[role]);
      expect(saved.status, role).toBe(role === "ADMIN" ? 302 : 403);
    }
  });
});
