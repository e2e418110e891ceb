import { beforeAll, describe, expect, test } from "vitest";
import { action as boardAction } from "~/routes/board";
import { action as manageAction } from "~/routes/ideas.$id_.manage";
import { action as newExperimentAction, loader as newExperimentLoader } from "~/routes/ideas.$id_.experiments.new";
import { action as editExperimentAction } from "~/routes/ideas.$id_.experiments.$experimentId";
import { action as gatesAction } from "~/routes/admin.stages";
import { loader as lessonsLoader } from "~/routes/lessons";
import { loader as caseJsonLoader } from "~/routes/ideas.$id_.case[.]json";
import { loader as caseMdLoader } from "~/routes/ideas.$id_.case[.]md";
import { loader as casePageLoader } from "~/routes/ideas.$id_.case";
import { prisma } from "~/utils/db.server";
import { draftIdea, ideaInStage, recordExperiment, validatedExperiment } from "../factories/idea";
import { formRequest, getRequest } from "../factories/request";
import { reply, run } from "../factories/route";
import { signedIn, type SignedIn } from "../factories/user";

type Who = SignedIn;
let facilitator: Who, admin: Who, manager: Who, author: Who, other: Who;
const who = signedIn;
beforeAll(async () => {
  facilitator = await who("FACILITATOR");
  admin = await who("ADMIN");
  manager = await who("MANAGER");
  author = await who("SUBMITTER");
  other = await who("SUBMITTER");
});

const TEST_CARD = {
  hypothesis: "Mēs uzskatām, ka īsāka veidlapa samazinās kļūdas.",
  method: "Piecas lietotāju sesijas ar papīra prototipu.",
  methodType: "PROTOTYPE_TEST",
  metric: "Kļūdu skaits aizpildot.",
  successCriterion: "Vismaz uz pusi mazāk kļūdu.",
  startsOn: "2026-10-01",
  endsOn: "2026-10-14",
  participants: "5",
  status: "PLANNED",
};
const LEARNING = {
  observed: "Kļūdu skaits samazinājās no 9 uz 3.",
  learned: "Lietotāji nesaprata vārdu „pamatojums”; īsāks jautājums palīdz.",
  result: "VALIDATED",
  evidenceStrength: "MEDIUM",
  decision: "SCALE",
};

const createExp = (ideaId: number, fields: Record<string, string>, by: Who = facilitator) =>
  run(newExperimentAction, { request: formRequest(`/ideas/${ideaId}/experiments/new`, fields, { cookie: by.cookie }), params: { id: String(ideaId) } });
const editExp = (ideaId: number, experimentId: number, fields: Record<string, string>, by: Who = facilitator) =>
  run(editExperimentAction, {
    request: formRequest(`/ideas/${ideaId}/experiments/${experimentId}`, fields, { cookie: by.cookie }),
    params: { id: String(ideaId), experimentId: String(experimentId) },
  });
const boardMove = (ideaId: number, version: number, stage: string, extra: Record<string, string> = {}) =>
  run(boardAction, {
    request: formRequest("/board", { intent: "move", ideaId: String(ideaId), version: String(version), stage, ...extra }, { cookie: facilitator.cookie }),
  });
const manageMove = (ideaId: number, version: number, stage: string, extra: Record<string, string> = {}) =>
  run(manageAction, {
    request: formRequest(
      `/ideas/${ideaId}/manage`,
      { intent: "move", ideaId: String(ideaId), version: String(version), stage, ...extra },
      { cookie: facilitator.cookie },
    ),
    params: { id: String(ideaId) },
  });
const version = async (id: number) => (await prisma.idea.findUniqueOrThrow({ where: { id } })).version;
const stageOf = async (id: number) => (await prisma.idea.findUniqueOrThrow({ where: { id }, include: { stage: true } })).stage?.key;

describe("experiments", () => {
  test("a facilitator records a Test Card, runs it and completes it with its Learning Card, each an event", async () => {
    const idea = await ideaInStage("develop", author.id);
    expect((await createExp(idea.id, TEST_CARD)).status).toBe(302);
    const experiment = await prisma.experiment.findFirstOrThrow({ where: { ideaId: idea.id } });
    expect(experiment).toMatchObject({ status: "PLANNED", participants: 5, methodType: "PROTOTYPE_TEST" });
    expect(experiment.startsOn?.toISOString().slice(0, 10)).toBe("2026-10-01");
    expect((await editExp(idea.id, experiment.id, { ...TEST_CARD, status: "RUNNING", experimentId: String(experiment.id), version: "1" })).status).toBe(302);
    expect(
      (await editExp(idea.id, experiment.id, { ...TEST_CARD, ...LEARNING, status: "COMPLETED", experimentId: String(experiment.id), version: "2" })).status,
    ).toBe(302);
    const done = await prisma.experiment.findUniqueOrThrow({ where: { id: experiment.id } });
    expect(done).toMatchObject({ status: "COMPLETED", result: "VALIDATED", decision: "SCALE", version: 3 });
    expect(done.completedAt).not.toBeNull();
    const events = (
      await prisma.event.findMany({
        where: { ideaId: idea.id, type: { in: ["EXPERIMENT_CREATED", "EXPERIMENT_UPDATED", "EXPERIMENT_COMPLETED"] } },
        orderBy: { id: "asc" },
      })
    ).map((e) => [e.type, e.actorId]);
    expect(events).toEqual([
      ["EXPERIMENT_CREATED", facilitator.id],
      ["EXPERIMENT_UPDATED", facilitator.id],
      ["EXPERIMENT_COMPLETED", facilitator.id],
    ]);
  });

  test("completing without the Learning Card answers 400 beside each missing field and saves nothing", async () => {
    const idea = await ideaInStage("develop", author.id);
    const result = await createExp(idea.id, { ...TEST_CARD, status: "COMPLETED", observed: "Kaut kas notika." });
    expect(result.status).toBe(400);
    const errors = reply(result).error;
    for (const field of ["learned", "result", "evidenceStrength", "decision"]) expect(errors[field], field).toEqual(["requiredToComplete"]);
    expect(errors.observed).toBeUndefined();
    expect(reply(result).initialValue.hypothesis).toBe(TEST_CARD.hypothesis);
    expect(await prisma.experiment.count({ where: { ideaId: idea.id } })).toBe(0);
  });

  test.each([
    ["an end date before the start date", { endsOn: "2026-09-01" }, "endsOn", "endBeforeStart"],
    ["a negative participants count", { participants: "-4" }, "participants", "notNegative"],
    ["an unknown method type", { methodType: "ASTROLOGY" }, "methodType", "invalidChoice"],
    ["a malformed date", { startsOn: "2026-13-45" }, "startsOn", "invalidDate"],
    ["a missing hypothesis", { hypothesis: "" }, "hypothesis", "required"],
  ])("%s answers 400 beside the field", async (_name, overrides, field, message) => {
    const idea = await ideaInStage("develop", author.id);
    const result = await createExp(idea.id, { ...TEST_CARD, ...overrides });
    expect(result.status).toBe(400);
    expect(reply(result).error[field]).toEqual([message]);
  });

  test("a stale version answers 409 and going back from completed answers 400; nothing changes", async () => {
    const idea = await ideaInStage("develop", author.id);
    const id = await validatedExperiment(idea.id);
    const stale = await editExp(idea.id, id, { ...TEST_CARD, ...LEARNING, status: "COMPLETED", experimentId: String(id), version: "7" });
    expect(stale.status).toBe(409);
    expect(reply(stale).error[""]).toEqual(["experiments:errors.conflict"]);
    const back = await editExp(idea.id, id, { ...TEST_CARD, status: "RUNNING", experimentId: String(id), version: "1" });
    expect(back.status).toBe(400);
    expect(reply(back).error.status).toEqual(["experiments:errors.statusBackwards"]);
    expect((await prisma.experiment.findUniqueOrThrow({ where: { id } })).version).toBe(1);
  });

  test("who may record: facilitators and admins on any idea on the board, the author only in a work stage", async () => {
    const intake = await ideaInStage("submitted", author.id);
    const working = await ideaInStage("discover", author.id);
    expect((await createExp(intake.id, TEST_CARD, author)).status).toBe(403);
    expect((await createExp(working.id, TEST_CARD, author)).status).toBe(302);
    expect((await createExp(working.id, TEST_CARD, other)).status).toBe(403);
    expect((await createExp(working.id, TEST_CARD, manager)).status).toBe(403);
    expect((await createExp(intake.id, TEST_CARD, facilitator)).status).toBe(302);
    expect((await createExp(working.id, TEST_CARD, admin)).status).toBe(302);
    expect(
      (await run(newExperimentLoader, { request: getRequest(`/ideas/${working.id}/experiments/new`, other.cookie), params: { id: String(working.id) } }))
        .status,
    ).toBe(403);
    const draft = await draftIdea(author.id);
    expect((await createExp(draft, TEST_CARD, facilitator)).status).toBe(404);
  });
});

describe("stage gates, for every way of moving", () => {
  for (const [way, moveFn] of [
    ["the board (drag and drop, keyboard)", boardMove],
    ["the Move to… page", manageMove],
  ] as const) {
    test(`into test needs a Test Card — ${way}`, async () => {
      const idea = await ideaInStage("develop", author.id);
      const refused = await moveFn(idea.id, await version(idea.id), "test");
      expect(refused.status).toBe(400);
      expect(reply(refused)).toMatchObject({ error: { "": ["board:gates.test"] }, link: `/ideas/${idea.id}/experiments/new` });
      expect(await stageOf(idea.id)).toBe("develop");
      await createExp(idea.id, TEST_CARD);
      expect([200, 302]).toContain((await moveFn(idea.id, await version(idea.id), "test")).status);
      expect(await stageOf(idea.id)).toBe("test");
    });

    test(`into scale and implemented needs a validated experiment — ${way}`, async () => {
      const idea = await ideaInStage("test", author.id);
      await validatedExperiment(idea.id, { result: "INVALIDATED", decision: "PIVOT" });
      for (const stage of ["scale", "implemented"]) {
        const refused = await moveFn(idea.id, await version(idea.id), stage, { closingNote: "Ieviests." });
        expect(refused.status).toBe(400);
        expect(reply(refused)).toMatchObject({ error: { "": ["board:gates.validated"] }, link: `/ideas/${idea.id}#experiments` });
      }
      await validatedExperiment(idea.id);
      expect([200, 302]).toContain((await moveFn(idea.id, await version(idea.id), "scale")).status);
      expect(await stageOf(idea.id)).toBe("scale");
    });

    test(`into stopped needs the closing note and the learning of experiments that ran — ${way}`, async () => {
      const idea = await ideaInStage("test", author.id);
      const running = await recordExperiment(idea.id, { methodType: "SURVEY", status: "RUNNING" });
      const refused = await moveFn(idea.id, await version(idea.id), "stopped", { closingNote: "Apturam: nav pieprasījuma." });
      expect(refused.status).toBe(400);
      expect(reply(refused).error[""]).toEqual(["board:gates.learning"]);
      const completed = await editExp(idea.id, running, {
        ...TEST_CARD,
        ...LEARNING,
        learned: "Pieprasījuma nav.",
        result: "INVALIDATED",
        status: "COMPLETED",
        experimentId: String(running),
        version: "1",
      });
      expect(completed.status).toBe(302);
      const noNote = await moveFn(idea.id, await version(idea.id), "stopped");
      expect(reply(noNote).error.closingNote).toEqual(["board:errors.closingNoteRequired"]);
      expect([200, 302]).toContain((await moveFn(idea.id, await version(idea.id), "stopped", { closingNote: "Apturam: nav pieprasījuma." })).status);
      expect(await stageOf(idea.id)).toBe("stopped");
    });
  }

  test("an admin may switch a gate off and on; others may not", async () => {
    const idea = await ideaInStage("develop", author.id);
    const test = await prisma.stage.findUniqueOrThrow({ where: { key: "test" } });
    const toggle = (enabled: string, by: Who) =>
      run(gatesAction, { request: formRequest("/admin/stages", { intent: "gate", stageId: String(test.id), enabled }, { cookie: by.cookie }) });
    expect((await toggle("false", facilitator)).status).toBe(403);
    expect((await toggle("false", admin)).status).toBe(302);
    expect((await boardMove(idea.id, await version(idea.id), "test")).status).toBe(200);
    expect((await toggle("true", admin)).status).toBe(302);
    const again = await ideaInStage("develop", author.id);
    expect((await boardMove(again.id, await version(again.id), "test")).status).toBe(400);
    expect((await toggle("maybe", admin)).status).toBe(400);
  });
});

describe("the lessons library and case pages", () => {
  type Lessons = { entries: { kind: string; ideaId: number; result?: string; outcome?: string }[]; total: number };
  const lessons = async (query = "") => (await run(lessonsLoader, { request: getRequest(`/lessons${query}`, other.cookie) })).data as Lessons;

  test("completed experiments and closed ideas, failures included, filtered and searched without diacritics", async () => {
    const success = await ideaInStage("implemented", author.id, {
      title: "Ātrāka ŪDENS atļauju izsniegšana",
      institutionCode: "VVD",
      closingNote: "Ieviests; termiņš saīsināts uz pusi.",
    });
    await validatedExperiment(success.id, { methodType: "PILOT" });
    const failure = await ideaInStage("stopped", author.id, {
      title: "Čatbots tiesu sēdēm",
      institutionCode: "TA",
      closingNote: "Apturēts: lietotāji gribēja cilvēku.",
    });
    await validatedExperiment(failure.id, { result: "INVALIDATED", decision: "STOP", methodType: "INTERVIEWS" });
    await ideaInStage("develop", author.id); // not a lesson

    const all = await lessons();
    expect(
      all.entries
        .filter((e) => e.ideaId === failure.id)
        .map((e) => e.kind)
        .sort(),
    ).toEqual(["experiment", "idea"]);
    expect(all.entries.find((e) => e.ideaId === failure.id && e.kind === "experiment")?.result).toBe("INVALIDATED");
    expect(all.entries.find((e) => e.ideaId === failure.id && e.kind === "idea")?.outcome).toBe("stopped");

    expect((await lessons("?result=INVALIDATED")).entries.every((e) => e.kind === "experiment" && e.result === "INVALIDATED")).toBe(true);
    expect((await lessons("?method=INTERVIEWS&decision=STOP")).entries.map((e) => e.ideaId)).toContain(failure.id);
    expect((await lessons("?method=PILOT")).entries.map((e) => e.ideaId)).not.toContain(failure.id);
    const ta = await prisma.institution.findUniqueOrThrow({ where: { code: "TA" } });
    expect(new Set((await lessons(`?institution=${ta.id}`)).entries.map((e) => e.ideaId))).toEqual(new Set([failure.id]));
    expect((await lessons("?q=CATBOTS")).entries.map((e) => e.ideaId)).toContain(failure.id);
    expect((await lessons("?q=udens")).entries.map((e) => e.ideaId)).toContain(success.id);
  });

  test("the case page: 404 while the idea is open; JSON in the case library's structure; Markdown keeps Latvian letters", async () => {
    const open = await ideaInStage("test", author.id);
    expect((await run(casePageLoader, { request: getRequest(`/ideas/${open.id}/case`, other.cookie), params: { id: String(open.id) } })).status).toBe(404);

    const idea = await ideaInStage("stopped", author.id, {
      title: "Ēku pārbaužu grafiks ģimenēm",
      closingNote: "Apturēts; iemācījāmies, ka ģimenes grib SMS.",
    });
    await validatedExperiment(idea.id, { result: "INVALIDATED", learned: "Ģimenes dod priekšroku īsziņām." });
    const json = await run(caseJsonLoader, { request: getRequest(`/ideas/${idea.id}/case.json`, other.cookie), params: { id: String(idea.id) } });
    expect(json.status).toBe(200);
    expect(json.headers.get("Content-Type")).toContain("application/json");
    const c = json.data as Record<string, unknown> & { challengesAndFailures: unknown[]; lessons: { learned: string }[] };
    expect(Object.keys(c)).toEqual(
      expect.arrayContaining([
        "schema",
        "title",
        "institution",
        "outcome",
        "principles",
        "problemAndUsers",
        "whatWasTried",
        "partners",
        "resultsAndImpact",
        "challengesAndFailures",
        "lessons",
        "conditionsForReplication",
      ]),
    );
    expect(c).toMatchObject({ schema: "idea-lab/case/v1", title: "Ēku pārbaužu grafiks ģimenēm", outcome: "stopped" });
    expect(c.challengesAndFailures).toHaveLength(1);
    expect(c.lessons[0].learned).toBe("Ģimenes dod priekšroku īsziņām.");
    const md = await run(caseMdLoader, { request: getRequest(`/ideas/${idea.id}/case.md`, other.cookie), params: { id: String(idea.id) } });
    expect(md.headers.get("Content-Type")).toContain("text/markdown");
    expect(md.data as string).toContain("# Ēku pārbaužu grafiks ģimenēm");
    expect(md.data as string).toContain("## Grūtības un neveiksmes");
    expect(md.data as string).toContain("Ģimenes dod priekšroku īsziņām.");
  });
});
