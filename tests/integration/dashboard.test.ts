import { beforeAll, describe, expect, test } from "vitest";
import { getDashboard, parseDashboardFilters, rebuildFlowFigures, type Dashboard } from "~/modules/dashboard/dashboard.server";
import { moveIdea, returnIdea, tagIdea } from "~/modules/board/board.server";
import { updateIdea } from "~/modules/idea/idea.server";
import { IdeaFormSchema } from "~/modules/idea/idea.schema";
import { loader as dashboardLoader } from "~/routes/dashboard";
import { loader as dashboardCsvLoader } from "~/routes/dashboard.export[.]csv";
import { loader as ideasCsvLoader } from "~/routes/ideas.export[.]csv";
import type { EventType } from "~/generated/prisma/enums";
import { prisma } from "~/utils/db.server";
import { fullBrief, submittedIdea } from "../factories/idea";
import { getRequest } from "../factories/request";
import { run } from "../factories/route";
import { createUser, sessionCookieFor } from "../factories/user";

// A small data set whose every figure is worked out by hand (see the comments).
const NOW = new Date("2026-07-15T12:00:00Z");
const at = (day: string) => new Date(`${day}T09:00:00Z`);
let manager: { id: number; cookie: string; role: "MANAGER" };
let submitter: { id: number; cookie: string };
let A: number, B: number;
const ids: Record<string, number> = {};

async function idea(
  key: string,
  o: {
    institution: number;
    principles: string[];
    status: string;
    stage: string | null;
    title?: string;
    problem?: string;
    lastActivity: string;
    events: [EventType, string | null, string | null, string][];
  },
) {
  const stages = new Map((await prisma.stage.findMany()).map((s) => [s.key, s.id]));
  const principles = new Map((await prisma.principle.findMany()).map((p) => [p.key, p.id]));
  const row = await prisma.idea.create({
    data: {
      title: o.title ?? `Ideja ${key}`,
      problem: o.problem ?? "",
      status: o.status as "ACTIVE",
      stageId: o.stage ? stages.get(o.stage)! : null,
      position: o.stage ? 1024 : null,
      authorId: submitter.id,
      institutionId: o.institution,
      submittedAt: at(o.events[0][3]),
      lastActivityAt: at(o.lastActivity),
      principles: { create: o.principles.map((p) => ({ principleId: principles.get(p)! })) },
    },
  });
  for (const [type, from, to, day] of o.events) {
    await prisma.event.create({
      data: {
        ideaId: row.id,
        actorId: submitter.id,
        type,
        fromStageId: from ? stages.get(from)! : null,
        toStageId: to ? stages.get(to)! : null,
        createdAt: at(day),
      },
    });
  }
  ids[key] = row.id;
  return row;
}

beforeAll(async () => {
  const m = await createUser({ role: "MANAGER" });
  manager = { id: m.id, cookie: await sessionCookieFor(m.id), role: "MANAGER" };
  const s = await createUser({ role: "SUBMITTER" });
  submitter = { id: s.id, cookie: await sessionCookieFor(s.id) };
  A = (await prisma.institution.findUniqueOrThrow({ where: { code: "VK" } })).id;
  B = (await prisma.institution.findUniqueOrThrow({ where: { code: "UR" } })).id;
  // 1: moved back and forth, two principles, still in define (stale since 1 March).
  await idea("one", {
    institution: A,
    principles: ["test", "share"],
    status: "ACTIVE",
    stage: "define",
    lastActivity: "2026-03-01",
    title: 'Ideja ar komatu, "pēdiņām"\nun jaunu rindu',
    problem: "Problēma ar komatu, “pēdiņām” un\njaunu rindu.",
    events: [
      ["SUBMITTED", null, "submitted", "2026-01-10"],
      ["MOVED", "submitted", "discover", "2026-01-20"],
      ["MOVED", "discover", "define", "2026-02-09"],
      ["MOVED", "define", "discover", "2026-02-19"],
      ["MOVED", "discover", "define", "2026-03-01"],
    ],
  });
  // 2: declined after four days.
  await idea("two", {
    institution: A,
    principles: ["partner"],
    status: "DECLINED",
    stage: null,
    lastActivity: "2026-02-05",
    events: [
      ["SUBMITTED", null, "submitted", "2026-02-01"],
      ["DECLINED", "submitted", null, "2026-02-05"],
    ],
  });
  // 3: stopped from discover.
  await idea("three", {
    institution: B,
    principles: ["test"],
    status: "ACTIVE",
    stage: "stopped",
    lastActivity: "2026-04-10",
    events: [
      ["SUBMITTED", null, "submitted", "2026-03-01"],
      ["MOVED", "submitted", "discover", "2026-03-11"],
      ["MOVED", "discover", "stopped", "2026-04-10"],
    ],
  });
  // 4: submitted before the period, implemented in it.
  await idea("four", {
    institution: B,
    principles: ["embrace"],
    status: "ACTIVE",
    stage: "implemented",
    lastActivity: "2026-06-01",
    events: [
      ["SUBMITTED", null, "submitted", "2025-12-01"],
      ["MOVED", "submitted", "discover", "2026-01-05"],
      ["MOVED", "discover", "scale", "2026-05-01"],
      ["MOVED", "scale", "implemented", "2026-06-01"],
    ],
  });
  const exp = (ideaId: number, result: "VALIDATED" | "INVALIDATED", day: string) =>
    prisma.experiment.create({
      data: {
        ideaId,
        createdById: submitter.id,
        hypothesis: "H",
        method: "M",
        methodType: "PILOT",
        metric: "X",
        successCriterion: "Y",
        status: "COMPLETED",
        result,
        learned: "L",
        completedAt: at(day),
      },
    });
  await exp(ids.four, "VALIDATED", "2026-04-15");
  await exp(ids.three, "INVALIDATED", "2026-04-01");
  await exp(ids.one, "VALIDATED", "2025-12-20"); // before the period
  await rebuildFlowFigures();
});

const PERIOD = "?period=custom&from=2026-01-01&to=2026-06-30";
async function dashboard(query = PERIOD): Promise<Dashboard> {
  const { filters } = parseDashboardFilters(new URLSearchParams(query), { institutionIds: [A, B] }, NOW);
  return getDashboard({ id: manager.id, email: "", name: "", role: "MANAGER", locale: null, institutionId: A }, filters, "en", NOW);
}
const stage = (d: Dashboard, list: "funnel" | "timeInStage", key: string) => (d[list] as { key: string }[]).find((s) => s.key === key) as never;

describe("figures on a hand-built data set", () => {
  test("headline figures", async () => {
    const d = await dashboard();
    expect(d.headline).toEqual({ submitted: 3, inPipeline: 1, implemented: 1, stopped: 1, declined: 1 });
    expect(d.experiments.completed).toBe(2);
    expect(d.experiments.byResult).toEqual([
      { result: "VALIDATED", count: 1 },
      { result: "INVALIDATED", count: 1 },
      { result: "INCONCLUSIVE", count: 0 },
    ]);
  });

  test("the funnel now, the entries into each stage (an idea that came back counts again) and the conversion", async () => {
    const d = await dashboard();
    expect(d.funnel.map((s) => [s.key, s.now, s.entered])).toEqual([
      ["submitted", 0, 3],
      ["discover", 0, 4],
      ["define", 1, 2],
      ["develop", 0, 0],
      ["test", 0, 0],
      ["scale", 0, 1],
      ["implemented", 1, 1],
      ["stopped", 1, 1],
    ]);
    // Of the stays that ended in the period, the share that went on to the next stage.
    expect(d.conversion.map((c) => [c.fromCount, c.toCount])).toEqual([
      [4, 3],
      [4, 2],
      [1, 0],
      [0, 0],
      [0, 0],
      [1, 1],
    ]);
    expect(d.conversion.map((c) => c.rate)).toEqual([0.75, 0.5, 0, null, null, 1]);
  });

  test("median and 90th percentile days in each stage, from the events", async () => {
    const d = await dashboard();
    expect(stage(d, "timeInStage", "submitted")).toMatchObject({ stays: 4, median: 10, p90: 35 });
    expect(stage(d, "timeInStage", "discover")).toMatchObject({ stays: 4, median: 20, p90: 116 });
    expect(stage(d, "timeInStage", "define")).toMatchObject({ stays: 1, median: 10, p90: 10 });
    expect(stage(d, "timeInStage", "scale")).toMatchObject({ stays: 1, median: 31, p90: 31 });
    expect(stage(d, "timeInStage", "develop")).toMatchObject({ stays: 0, median: null, p90: null });
  });

  test("throughput per month, with empty months as zero", async () => {
    const d = await dashboard();
    expect(d.throughput).toEqual([
      { month: "2026-01", entered: 1, implemented: 0, stopped: 0 },
      { month: "2026-02", entered: 1, implemented: 0, stopped: 0 },
      { month: "2026-03", entered: 1, implemented: 0, stopped: 0 },
      { month: "2026-04", entered: 0, implemented: 0, stopped: 1 },
      { month: "2026-05", entered: 0, implemented: 0, stopped: 0 },
      { month: "2026-06", entered: 0, implemented: 1, stopped: 0 },
    ]);
  });

  test("the principle × stage matrix counts an idea with two principles in both rows; ideas by institution", async () => {
    const d = await dashboard();
    const cell = (principle: string, stageKey: string) =>
      d.matrix.rows.find((r) => r.key === principle)!.counts[d.matrix.stages.findIndex((s) => s.key === stageKey)];
    expect(cell("test", "define")).toBe(1);
    expect(cell("share", "define")).toBe(1);
    expect(cell("test", "stopped")).toBe(1);
    expect(cell("embrace", "implemented")).toBe(1);
    expect(d.matrix.rows.flatMap((r) => r.counts).reduce((a, b) => a + b, 0)).toBe(4);
    expect(d.institutions.map((i) => [i.id, i.count])).toEqual([
      [A, 2],
      [B, 1],
    ]);
  });

  test("stale ideas: in a work stage with no event for 30 days, oldest first", async () => {
    const d = await dashboard();
    expect(d.stale.total).toBe(1);
    expect(d.stale.ideas).toMatchObject([{ id: ids.one, days: 136 }]);
  });

  test("institution and principle filters", async () => {
    const b = await dashboard(`${PERIOD}&institution=${B}`);
    expect(b.headline).toEqual({ submitted: 1, inPipeline: 0, implemented: 1, stopped: 1, declined: 0 });
    const t = await dashboard(`${PERIOD}&principle=test`);
    expect(t.headline).toEqual({ submitted: 2, inPipeline: 1, implemented: 0, stopped: 1, declined: 0 });
    expect(t.experiments.completed).toBe(1);
  });

  test("with the principle filter every figure counts that principle's ideas (one and three) only", async () => {
    const d = await dashboard(`${PERIOD}&principle=test`);
    expect(d.experiments.byResult).toEqual([
      { result: "VALIDATED", count: 0 },
      { result: "INVALIDATED", count: 1 },
      { result: "INCONCLUSIVE", count: 0 },
    ]);
    // One entered submitted, discover twice and define twice; three entered submitted, discover and stopped.
    expect(d.funnel.map((s) => [s.key, s.now, s.entered])).toEqual([
      ["submitted", 0, 2],
      ["discover", 0, 3],
      ["define", 1, 2],
      ["develop", 0, 0],
      ["test", 0, 0],
      ["scale", 0, 0],
      ["implemented", 0, 0],
      ["stopped", 1, 1],
    ]);
    // Discover: one went on to define twice, three was stopped; define: one went back once.
    expect(d.conversion.map((c) => [c.fromCount, c.toCount])).toEqual([
      [2, 2],
      [3, 2],
      [1, 0],
      [0, 0],
      [0, 0],
      [0, 0],
    ]);
    // Discover's stays: 20, 10 and 30 days; the median is the 2nd, the 90th percentile the 3rd.
    expect(stage(d, "timeInStage", "submitted")).toMatchObject({ stays: 2, median: 10, p90: 10 });
    expect(stage(d, "timeInStage", "discover")).toMatchObject({ stays: 3, median: 20, p90: 30 });
    expect(stage(d, "timeInStage", "define")).toMatchObject({ stays: 1, median: 10, p90: 10 });
    expect(stage(d, "timeInStage", "scale")).toMatchObject({ stays: 0, median: null, p90: null });
    expect(d.throughput.filter((m) => m.entered || m.implemented || m.stopped)).toEqual([
      { month: "2026-01", entered: 1, implemented: 0, stopped: 0 },
      { month: "2026-03", entered: 1, implemented: 0, stopped: 0 },
      { month: "2026-04", entered: 0, implemented: 0, stopped: 1 },
    ]);
    // The matrix shows the filtered ideas under each of their principles: one under test and share.
    const cells = d.matrix.rows.flatMap((r) => r.counts.map((count, i) => [r.key, d.matrix.stages[i].key, count] as const)).filter(([, , c]) => c);
    expect(cells).toEqual([
      ["test", "define", 1],
      ["test", "stopped", 1],
      ["share", "define", 1],
    ]);
    expect(d.institutions.map((i) => [i.id, i.count]).sort()).toEqual(
      [
        [A, 1],
        [B, 1],
      ].sort(),
    );
    expect(d.stale.ideas.map((i) => i.id)).toEqual([ids.one]);
    // Another principle: only four (embrace), submitted before the period and implemented in June.
    const e = await dashboard(`${PERIOD}&principle=embrace`);
    expect(e.headline).toEqual({ submitted: 0, inPipeline: 0, implemented: 1, stopped: 0, declined: 0 });
    expect(e.conversion.map((c) => [c.fromCount, c.toCount])).toEqual([
      [1, 1],
      [1, 0],
      [0, 0],
      [0, 0],
      [0, 0],
      [1, 1],
    ]);
    expect(stage(e, "timeInStage", "discover")).toMatchObject({ stays: 1, median: 116, p90: 116 });
    expect(e.stale).toEqual({ total: 0, ideas: [] });
  });
});

describe("filters that make no sense", () => {
  test.each([
    ["an end before the start", "?period=custom&from=2026-05-01&to=2026-01-01", "order"],
    ["only an end, before this year began", "?to=2020-01-01", "order"],
    ["a period of centuries", "?period=custom&from=1900-01-01&to=2026-01-01", "span"],
    ["a malformed date", "?period=custom&from=2026-02-31", "from"],
    ["an impossible month", "?period=custom&from=2026-13-01", "from"],
    ["an unknown institution", "?institution=99999", "institution"],
    ["an unknown principle", "?principle=magic", "principle"],
    ["an unknown period", "?period=forever", "period"],
  ])("%s shows the error and the defaults, never a 500", async (_name, query, error) => {
    const result = await run(dashboardLoader, { request: getRequest(`/dashboard${query}`, manager.cookie) });
    expect(result.status).toBe(200);
    const data = result.data as { errors: string[]; dashboard: Dashboard };
    expect(data.errors).toContain(error);
    if (error !== "institution" && error !== "principle") expect(data.dashboard.period.from).toBe(`${new Date().getUTCFullYear()}-01-01`);
  });
});

describe("the period's dates in the URL", () => {
  const load = (query: string) => run(dashboardLoader, { request: getRequest(`/dashboard${query}`, manager.cookie) });

  test.each([
    ["a preset with both dates", "?period=12m&from=2026-01-01&to=2026-02-01&institution=7", "/dashboard?period=12m&institution=7"],
    ["a preset with empty dates (a form sent without JavaScript)", "?period=90d&from=&to=", "/dashboard?period=90d"],
    ["this year with one date", "?institution=&period=year&to=2026-02-01", "/dashboard?institution=&period=year"],
  ])("%s: the dates are dropped by a redirect, the other filters kept", async (_name, query, location) => {
    const result = await load(query);
    expect(result.status).toBe(302);
    expect(result.location).toBe(location);
  });

  test("custom dates are kept and shown in the form; a preset's own dates are not put in the form", async () => {
    const custom = await load("?period=custom&from=2026-02-01&to=2026-03-31");
    expect(custom.status).toBe(200);
    expect((custom.data as { values: Record<string, string | undefined> }).values).toMatchObject({ period: "custom", from: "2026-02-01", to: "2026-03-31" });

    const preset = await load("?period=90d");
    expect(preset.status).toBe(200);
    const data = preset.data as { values: Record<string, string | undefined>; dashboard: Dashboard };
    expect(data.values).toMatchObject({ period: "90d", from: undefined, to: undefined });
    // The figures are still for the preset's dates, which the form offers when "Custom dates" is chosen.
    expect(data.dashboard.period.preset).toBe("90d");
  });

  test("dates without a period mean custom dates, as before: no redirect", async () => {
    const result = await load("?from=2026-02-01&to=2026-03-31");
    expect(result.status).toBe(200);
    expect((result.data as { values: Record<string, string | undefined> }).values).toMatchObject({ period: "custom", from: "2026-02-01" });
  });

  test("an unknown period with dates is not redirected: the message names the period", async () => {
    const result = await load("?period=forever&from=2026-02-01&to=2026-03-31");
    expect(result.status).toBe(200);
    expect((result.data as { errors: string[] }).errors).toContain("period");
  });
});

describe("exports", () => {
  function parseCsv(text: string) {
    const rows: string[][] = [];
    let row: string[] = [];
    let field = "";
    let quoted = false;
    for (let i = 0; i < text.length; i++) {
      const c = text[i];
      if (quoted) {
        if (c === '"' && text[i + 1] === '"') {
          field += '"';
          i++;
        } else if (c === '"') quoted = false;
        else field += c;
      } else if (c === '"') quoted = true;
      else if (c === ",") {
        row.push(field);
        field = "";
      } else if (c === "\r" && text[i + 1] === "\n") {
        row.push(field);
        rows.push(row);
        row = [];
        field = "";
        i++;
      } else field += c;
    }
    return rows;
  }

  /** The body's bytes as sent (Response.text() would quietly drop the byte-order mark). */
  async function body(loader: (args: never) => unknown, url: string) {
    const response = (await loader({ request: getRequest(url, manager.cookie), params: {}, context: {} } as never)) as Response;
    const bytes = new Uint8Array(await response.arrayBuffer());
    return { response, bytes, text: new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes) };
  }

  test("the ideas CSV has a byte-order mark, and commas, quotes and line breaks survive a round trip", async () => {
    const { response, bytes, text } = await body(ideasCsvLoader as never, "/ideas/export.csv");
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const rows = parseCsv(text.slice(1));
    // The whole brief, under the brief's field names, then the idea's place and figures.
    expect(rows[0]).toEqual([
      "id",
      "title",
      ...["summary", "usersAffected", "problem", "evidence", "usersTalkedTo", "solution", "expectedValue", "firstTest", "partners"],
      ...["institution", "author", "status", "stage", "principles", "submittedAt", "lastMoveAt", "closedAt", "experiments", "supports"],
    ]);
    const column = (name: string) => rows[0].indexOf(name);
    const one = rows.find((r) => r[0] === String(ids.one))!;
    expect(one[column("title")]).toBe('Ideja ar komatu, "pēdiņām"\nun jaunu rindu');
    expect(one[column("problem")]).toBe("Problēma ar komatu, “pēdiņām” un\njaunu rindu.");
    expect(one[column("stage")]).toBe("define");
    expect(one[column("principles")].split(" ").sort()).toEqual(["share", "test"]);
    expect(one[column("lastMoveAt")]).toBe("2026-03-01T09:00:00.000Z");
    expect(rows.filter((r) => r.length > 1)).toHaveLength(1 + 4);
  });

  test("the ideas CSV honours the /ideas filters", async () => {
    const { text } = await body(ideasCsvLoader as never, `/ideas/export.csv?institution=${B}`);
    const rows = parseCsv(text.slice(1)).slice(1);
    expect(rows.map((r) => Number(r[0])).sort()).toEqual([ids.three, ids.four].sort());
  });

  test("the dashboard CSV carries the figures behind each chart", async () => {
    const { bytes, text } = await body(dashboardCsvLoader as never, `/dashboard/export.csv${PERIOD}`);
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parseCsv(text.slice(1));
    expect(rows).toContainEqual(["headline", "submitted", "", "3"]);
    expect(rows).toContainEqual(["timeInStage", "Izpēte", "median_days", "20"]);
    expect(rows).toContainEqual(["throughput", "2026-04", "stopped", "1"]);
  });

  test("submitters get 403 on the dashboard and both exports", async () => {
    for (const [fn, url] of [
      [dashboardLoader, "/dashboard"],
      [dashboardCsvLoader, "/dashboard/export.csv"],
      [ideasCsvLoader, "/ideas/export.csv"],
    ] as const) {
      expect((await run(fn as never, { request: getRequest(url, submitter.cookie) })).status, url).toBe(403);
    }
  });
});

describe("the flow figures follow every change", () => {
  test("stays and daily counts written with each event equal those rebuilt from the events", async () => {
    const facilitator = await createUser({ role: "FACILITATOR" });
    await prisma.stage.updateMany({ data: { gateEnabled: false } });
    // Submitted through the brief, then moved there and back and stopped, each through the board's command.
    const id = await submittedIdea(submitter.id);
    for (const stage of ["discover", "define", "discover", "develop", "stopped"]) {
      const { version } = await prisma.idea.findUniqueOrThrow({ where: { id } });
      expect((await moveIdea(facilitator, { ideaId: id, version, stage, closingNote: "Apturēts." })).ok).toBe(true);
    }
    const idea = { id };
    const snapshot = async () => ({
      stays: (await prisma.stay.findMany({ orderBy: [{ ideaId: "asc" }, { enteredAt: "asc" }] })).map(({ id: _id, days, ...s }) => ({
        ...s,
        days: days === null ? null : Math.round(days * 1e6),
      })),
      days: await prisma.flowDay.findMany({ orderBy: [{ day: "asc" }, { stageId: "asc" }, { institutionId: "asc" }] }),
    });
    const incremental = await snapshot();
    expect(incremental.stays.filter((s) => s.ideaId === idea.id).map((s) => s.nextStageId === null)).toEqual([false, false, false, false, false, true]);
    await rebuildFlowFigures();
    expect(await snapshot()).toEqual(incremental);
  });

  test("an idea's stays carry its principles as they are now: after an edit of a returned idea, its resubmission and a facilitator's tags", async () => {
    const facilitator = await createUser({ role: "FACILITATOR" });
    const author = await prisma.user.findUniqueOrThrow({ where: { id: submitter.id } });
    await prisma.stage.updateMany({ data: { gateEnabled: false } });
    const bit = async (...keys: string[]) =>
      (await prisma.principle.findMany({ where: { key: { in: keys } } })).reduce((bits, p) => bits | (1 << (p.id - 1)), 0);
    const staysOf = async (id: number) => (await prisma.stay.findMany({ where: { ideaId: id }, orderBy: { enteredAt: "asc" } })).map((s) => s.principleBits);
    const version = async (id: number) => (await prisma.idea.findUniqueOrThrow({ where: { id } })).version;
    const id = await submittedIdea(submitter.id, { principles: ["partner"] });
    expect(await staysOf(id)).toEqual([await bit("partner")]);
    expect((await returnIdea(facilitator, { ideaId: id, version: await version(id), text: "Kuras iestādes?" })).ok).toBe(true);
    const brief = async (intent: "draft" | "submit", principles: string[]) =>
      IdeaFormSchema.parse({ ...fullBrief({ intent }), usersTalkedTo: 12, principles, institutionId: author.institutionId, version: await version(id) });
    // Saved with other principles (EDITED), then sent back with a third (RESUBMITTED).
    expect((await updateIdea(author, { id, value: await brief("draft", ["test"]) })).ok).toBe(true);
    expect(await staysOf(id)).toEqual([await bit("test")]);
    expect((await updateIdea(author, { id, value: await brief("submit", ["test", "share"]) })).ok).toBe(true);
    expect(await staysOf(id)).toEqual([await bit("test", "share"), await bit("test", "share")]);
    expect((await moveIdea(facilitator, { ideaId: id, version: await version(id), stage: "discover" })).ok).toBe(true);
    expect((await tagIdea(facilitator, { ideaId: id, version: await version(id), principles: ["embrace"] })).ok).toBe(true);
    expect(await staysOf(id)).toEqual(Array(3).fill(await bit("embrace")));
    // The principle filter follows: the idea is counted under embrace now, not under test.
    const today = new Date().toISOString().slice(0, 10);
    const entered = async (principle: string) => {
      const { filters } = parseDashboardFilters(new URLSearchParams(`period=custom&from=${today}&to=${today}&principle=${principle}`), {
        institutionIds: [A, B],
      });
      const d = await getDashboard({ id: manager.id, email: "", name: "", role: "MANAGER", locale: null, institutionId: A }, filters, "en");
      return d.funnel.find((s) => s.key === "discover")!.entered;
    };
    expect(await entered("embrace")).toBe(1);
    expect(await entered("test")).toBe(0);
    const before = await prisma.stay.findMany({
      orderBy: [{ ideaId: "asc" }, { enteredAt: "asc" }],
      select: { ideaId: true, stageId: true, principleBits: true },
    });
    await rebuildFlowFigures();
    expect(
      await prisma.stay.findMany({ orderBy: [{ ideaId: "asc" }, { enteredAt: "asc" }], select: { ideaId: true, stageId: true, principleBits: true } }),
    ).toEqual(before);
  });
});

describe("the charts", () => {
  // Each chart is drawn from the same figures as the table under it: its bars name the table's rows,
  // say the table's values, and are as long (or tall) as those values, in proportion.
  async function drawn() {
    const { createElement } = await import("react");
    const { renderToStaticMarkup } = await import("react-dom/server");
    const { StaticRouter } = await import("react-router-dom/server.js");
    const { createInstance } = await import("i18next");
    const { I18nextProvider, initReactI18next } = await import("react-i18next");
    const { i18nConfig } = await import("~/utils/i18n");
    const { resources } = await import("~/locales");
    const i18n = createInstance();
    await i18n.use(initReactI18next).init({ ...i18nConfig, lng: "lv", resources });
    const { Window } = await import("happy-dom");
    const { DashboardView } = await import("~/modules/dashboard/dashboard-view");
    const { filters } = parseDashboardFilters(new URLSearchParams(PERIOD.slice(1)), { institutionIds: [A, B] }, NOW);
    const d = await getDashboard({ id: manager.id, email: "", name: "", role: "MANAGER", locale: null, institutionId: A }, filters, "lv", NOW);
    const document = new Window().document;
    document.body.innerHTML = renderToStaticMarkup(
      createElement(I18nextProvider, { i18n }, createElement(StaticRouter, { location: "/dashboard" }, createElement(DashboardView, { d }))),
    );
    return document;
  }
  const number = (text: string) => Number(text.replace(/[^\d,.-]/g, "").replace(",", "."));
  type Node = { querySelectorAll: (selector: string) => Iterable<{ textContent: string | null }> };
  const tableOf = (figure: Node) =>
    [...figure.querySelectorAll("table tbody tr")].map((row) =>
      [...(row as unknown as Node).querySelectorAll("th, td")].map((cell) => cell.textContent!.trim()),
    );

  test.each([
    ["funnel", [1]],
    ["conversion", [3]],
    ["time", [1, 2]],
    ["results", [1]],
    ["institutions", [1]],
  ] as const)("the %s bars say and measure what its table says", async (id, columns) => {
    const figure = (await drawn()).querySelector(`figure[aria-labelledby="${id}-title"]`)!;
    const table = tableOf(figure);
    const rows = [...figure.querySelectorAll("svg > g")].filter((g) => g.querySelector("rect"));
    // Long labels are shortened in the drawing (the table has them whole).
    expect(rows.map((g) => g.querySelector("text")!.textContent)).toEqual(table.map((r) => (r[0].length > 40 ? `${r[0].slice(0, 39)}…` : r[0])));
    const ratios: number[] = [];
    rows.forEach((g, r) => {
      const bars = [...g.querySelectorAll(":scope > g")];
      expect(bars).toHaveLength(columns.length);
      bars.forEach((bar, s) => {
        const cell = table[r][columns[s]];
        expect(bar.querySelector("text")!.textContent, `${id} row ${r}`).toBe(cell);
        const width = Number(bar.querySelector("rect")!.getAttribute("width"));
        const value = cell === "—" ? 0 : number(cell);
        if (value === 0) expect(width, `${id} row ${r}: ${cell}`).toBe(0);
        else ratios.push(width / value);
      });
    });
    expect(ratios.length).toBeGreaterThan(0);
    for (const ratio of ratios) expect(ratio).toBeCloseTo(ratios[0], 6);
  });

  test("the monthly bars are as tall as the table's figures, month by month", async () => {
    const figure = (await drawn()).querySelector('figure[aria-labelledby="throughput-title"]')!;
    const table = tableOf(figure);
    const months = [...figure.querySelectorAll("svg > g")].filter((g) => g.querySelector("rect"));
    expect(months.map((g) => g.querySelector("text")!.textContent)).toEqual(table.map((r) => r[0].slice(2)));
    const ratios: number[] = [];
    months.forEach((g, m) =>
      [...g.querySelectorAll("rect")].forEach((rect, s) => {
        const value = number(table[m][s + 1]);
        const height = Number(rect.getAttribute("height"));
        if (value === 0) expect(height).toBe(0);
        else ratios.push(height / value);
      }),
    );
    // Two stopped in April, one implemented in June, and the submissions: the tallest is the largest.
    expect(ratios.length).toBeGreaterThanOrEqual(3);
    for (const ratio of ratios) expect(ratio).toBeCloseTo(ratios[0], 6);
  });
});
