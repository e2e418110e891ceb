// "Similar ideas" while the brief is written: the panel's JSON route (/ideas/similar), the first
// step's "Find similar ideas" and support buttons without JavaScript (nothing saved, everything
// typed kept), and the section those who triage see on an idea's page.
import { beforeAll, describe, expect, test } from "vitest";
import { acceptIdea } from "~/modules/board/board.server";
import type { SimilarPanelData, SimilarStepReply } from "~/modules/idea/similar.server";
import { loader as ideaLoader } from "~/routes/ideas.$id";
import { action as stepAction, loader as stepLoader } from "~/routes/ideas.$id_.edit_.$step";
import { action as newIdeaAction } from "~/routes/ideas.new";
import { loader as similarLoader } from "~/routes/ideas.similar";
import { prisma } from "~/utils/db.server";
import { currentVersion, ideaIdIn, postNew, walkBrief } from "../factories/brief";
import { fullBrief } from "../factories/idea";
import { formRequest, getRequest } from "../factories/request";
import { run } from "../factories/route";
import { signedIn, type SignedIn } from "../factories/user";

let writer: SignedIn; // writes the new brief (Register of Enterprises)
let forester: SignedIn; // wrote the idea to be found (State Forest Service)
let farmer: SignedIn; // wrote a like idea (Rural Support Service)
let facilitator: SignedIn;
let institutionId: number;
let forest: number; // the idea to be found, taken into a work stage
let farm: number;
let water: number; // unlike the others
let ownLike: number; // the writer's own submitted idea, like the new one
let draft: number; // another person's draft, with the very words typed

const institution = async (code: string) => (await prisma.institution.findUniqueOrThrow({ where: { code } })).id;

/** A whole brief, with its own need, submitted by `who` for their institution. */
async function idea(who: SignedIn, code: string, need: { title: string; summary: string; problem: string; usersAffected: string }) {
  return walkBrief({ ...fullBrief(need), institutionId: String(await institution(code)) }, who);
}

const FOREST = {
  title: "Tiešsaistes pieraksts konsultācijām pie meža speciālista",
  summary: "Meža īpašnieki tiešsaistē pierakstās uz konsultāciju pie mežziņa.",
  problem: "Īpašniekiem jāzvana vairākas reizes, lai pierakstītos uz konsultāciju, un viņi brauc veltīgi.",
  usersAffected: "Meža īpašnieki, kuri dzīvo tālu no sava meža.",
};

/** What the writer types: the forest idea's need without diacritics and in other word forms. */
const TYPED = {
  title: "Meza ipasnieku pierakstisanas konsultacijam",
  summary: "Ipasnieki nevar viegli pierakstities uz konsultacijam.",
  problem: "Meza ipasniekam jazvana daudzas reizes, un vini brauc velti.",
  usersAffected: "Meza ipasnieki, kuri dzivo pilseta.",
};
const NEED = [TYPED.summary, TYPED.problem, TYPED.usersAffected].join("\n");

function similar(query: Record<string, string>, who: { cookie: string } | null = writer) {
  return run(similarLoader, { request: getRequest(`/ideas/similar?${new URLSearchParams(query)}`, who?.cookie) });
}

async function found(query: Record<string, string>, who: { cookie: string } = writer) {
  const result = await similar(query, who);
  expect(result.status, JSON.stringify(result.data)).toBe(200);
  return result.data as SimilarPanelData;
}

beforeAll(async () => {
  writer = await signedIn({ role: "SUBMITTER", institutionCode: "UR" });
  forester = await signedIn({ role: "SUBMITTER", institutionCode: "VMD" });
  farmer = await signedIn({ role: "SUBMITTER", institutionCode: "LAD" });
  facilitator = await signedIn({ role: "FACILITATOR" });
  institutionId = await institution("UR");
  forest = await idea(forester, "VMD", FOREST);
  const version = (await prisma.idea.findUniqueOrThrow({ where: { id: forest } })).version;
  const taken = await acceptIdea(facilitator, { ideaId: forest, version, stage: "discover" });
  expect(taken.ok).toBe(true);
  farm = await idea(farmer, "LAD", {
    title: "Pieraksts uz konsultācijām lauku atbalsta centrā",
    summary: "Lauksaimnieki tiešsaistē piesakās konsultācijām, nevis zvana.",
    problem: "Lai pierakstītos uz konsultāciju, lauksaimniekiem jāzvana vairākas reizes.",
    usersAffected: "Lauksaimnieki un meža īpašnieki reģionos.",
  });
  water = await idea(farmer, "LAD", {
    title: "Skaidrāki ūdens rēķini ģimenēm",
    summary: "Rēķinā viena rinda paskaidro, kāpēc maksa mainījusies.",
    problem: "Ģimenes nesaprot, kāpēc ūdens maksa pieaugusi.",
    usersAffected: "Ģimenes ar bērniem.",
  });
  ownLike = await idea(writer, "UR", {
    title: "Konsultāciju pieraksts klientu centrā",
    summary: "Klienti tiešsaistē pierakstās uz konsultāciju.",
    problem: "Klientiem jāzvana, lai pierakstītos uz konsultāciju.",
    usersAffected: "Uzņēmēji un meža īpašnieki.",
  });
  // Another person's draft, with the very words the writer types: only its author sees it.
  const started = await postNew({ ...TYPED, institutionId: String(await institution("VMD")) }, forester);
  expect(started.status).toBe(302);
  draft = ideaIdIn(started.location);
});

describe("GET /ideas/similar", () => {
  test("finds the idea phrased differently (no diacritics, other word forms), best first, with its stage, institution and supporters", async () => {
    const data = await found({ title: TYPED.title, need: NEED });
    expect(data.items[0]).toMatchObject({
      id: forest,
      title: FOREST.title,
      language: "lv",
      status: "ACTIVE",
      stage: { key: "discover" },
      institution: "Valsts meža dienests",
      supports: 0,
      supportedByMe: false,
      canSupport: true,
    });
    const ids = data.items.map((i) => i.id);
    expect(ids).toContain(farm);
    expect(ids).not.toContain(water);
    expect(data.items.length).toBeLessThanOrEqual(5);
    // The forest, the farm and the writer's own: three institutions have raised the need.
    const rows = await prisma.idea.findMany({ where: { id: { in: ids } }, select: { institutionId: true } });
    expect(data.institutions).toBe(new Set(rows.map((r) => r.institutionId)).size);
    expect(data.institutions).toBeGreaterThanOrEqual(2);
  });

  test("never lists drafts (not even the very words typed) and offers no support for the person's own idea", async () => {
    const data = await found({ title: TYPED.title, need: NEED });
    expect(data.items.map((i) => i.id)).not.toContain(draft);
    const own = data.items.find((i) => i.id === ownLike);
    expect(own, "the writer's own submitted idea is listed").toBeDefined();
    expect(own!.canSupport).toBe(false);
    // Its author sees their own draft nowhere in the panel either.
    const theirs = await found({ title: TYPED.title, need: NEED }, forester);
    expect(theirs.items.map((i) => i.id)).not.toContain(draft);
    expect(theirs.items.find((i) => i.id === forest)?.canSupport).toBe(false);
  });

  test("leaves out the idea being edited, and finds nothing in words it does not know", async () => {
    const data = await found({ title: TYPED.title, need: NEED, exclude: String(forest) });
    expect(data.items.map((i) => i.id)).not.toContain(forest);
    expect(await found({ title: "Zzzyx qqqwv", need: "" })).toEqual({ items: [], institutions: 0 });
    expect(await found({})).toEqual({ items: [], institutions: 0 });
  });

  test("signed out, it sends the person to sign in", async () => {
    const result = await similar({ title: TYPED.title }, null);
    expect(result.status).toBe(302);
    expect(result.location).toMatch(/^\/login\?redirectTo=/);
  });

  test("text longer than a query takes, or a bad id, is a 400 (never a 500)", async () => {
    const refused: Record<string, string>[] = [
      { title: "a".repeat(121) },
      { need: "ā".repeat(2001) },
      { title: "Mežs", exclude: "abc" },
      { exclude: "0" },
      { exclude: "99999999999" },
    ];
    for (const query of refused) {
      const result = await similar(query);
      expect(result.status, JSON.stringify(query)).toBe(400);
    }
    expect((await similar({ title: "a".repeat(120), need: "ā".repeat(2000) })).status).toBe(200);
  });
});

/** The first step of a new idea sent by the panel's buttons, with what the writer typed. */
function postNewStep(fields: Record<string, string>, who: SignedIn = writer) {
  return run(newIdeaAction, {
    request: formRequest("/ideas/new", { formId: "brief-need-form", institutionId: String(institutionId), ...fields }, { cookie: who.cookie }),
  });
}

const stepReply = (result: { data: unknown }) => result.data as SimilarStepReply;

describe("without JavaScript: the first step's Find similar ideas", () => {
  test("answers with the panel filled and everything typed kept, saving and checking nothing", async () => {
    const before = await prisma.idea.count();
    // A title too short to save, and a summary too long: Find similar ideas checks neither.
    const typed = {
      ...TYPED,
      title: "Meza",
      summary: `${TYPED.summary} ${"x".repeat(300)}`,
      createToken: "5d7d1f5e-8a3b-4f00-9c7e-3c2f4a1b2c3d",
      language: "lv",
    };
    const result = await postNewStep({ intent: "similar", ...typed });
    expect(result.status).toBe(200);
    const reply = stepReply(result);
    expect(reply.similar.items.map((i) => i.id)).toContain(forest);
    expect(reply.typed).toEqual({ ...typed, institutionId: String(institutionId) });
    expect(reply.support).toBeUndefined();
    expect(await prisma.idea.count()).toBe(before);
  });

  test("on a draft's first step, nothing is saved and the draft itself is not listed", async () => {
    const started = await postNew({ ...TYPED, institutionId: String(institutionId) }, writer);
    const id = ideaIdIn(started.location);
    const stored = await prisma.idea.findUniqueOrThrow({ where: { id } });
    const result = await run(stepAction, {
      request: formRequest(
        `/ideas/${id}/edit/need`,
        {
          intent: "similar",
          id: String(id),
          version: await currentVersion(id),
          ...TYPED,
          title: "Pavisam cits nosaukums par mežu",
          institutionId: String(institutionId),
        },
        { cookie: writer.cookie },
      ),
      params: { id: String(id), step: "need" },
    });
    expect(result.status).toBe(200);
    const reply = stepReply(result);
    expect(reply.typed.title).toBe("Pavisam cits nosaukums par mežu");
    expect(reply.typed.version).toBe(String(stored.version));
    expect(reply.typed.id).toBeUndefined();
    expect(reply.similar.items.map((i) => i.id)).not.toContain(id);
    expect(await prisma.idea.findUniqueOrThrow({ where: { id } })).toMatchObject({ title: stored.title, version: stored.version });
    // The step opened again starts with the ideas like its saved text.
    const page = await run(stepLoader, { request: getRequest(`/ideas/${id}/edit/need`, writer.cookie), params: { id: String(id), step: "need" } });
    const similarAtStart = (page.data as { similar: SimilarPanelData | null }).similar;
    expect(similarAtStart?.items.map((i) => i.id)).toContain(forest);
    const later = await run(stepLoader, { request: getRequest(`/ideas/${id}/edit/evidence`, writer.cookie), params: { id: String(id), step: "evidence" } });
    expect((later.data as { similar: unknown }).similar).toBeNull();
  });
});

describe("supporting from the panel", () => {
  test("supports the idea through the idea page's command, keeps what was typed, and says so; sent twice, it stays supported", async () => {
    const typed = { ...TYPED, createToken: "0b9f2d52-1c1e-4c55-9d7a-6a8e3f0e1a11" };
    const before = await prisma.idea.count();
    for (let i = 0; i < 2; i++) {
      const result = await postNewStep({ support: String(forest), ...typed });
      expect(result.status).toBe(200);
      const reply = stepReply(result);
      expect(reply.support).toEqual({ id: forest, title: FOREST.title, language: "lv", supported: true });
      expect(reply.typed).toMatchObject(typed);
      expect(reply.similar.items.find((item) => item.id === forest)).toMatchObject({ supportedByMe: true, supports: 1 });
    }
    expect(await prisma.support.count({ where: { ideaId: forest, userId: writer.id } })).toBe(1);
    expect(await prisma.idea.count()).toBe(before);
    // The idea page shows it supported, as its own button would.
    const page = await run(ideaLoader, { request: getRequest(`/ideas/${forest}`, writer.cookie), params: { id: String(forest) } });
    expect((page.data as { idea: { supportedByMe: boolean; supports: number } }).idea).toMatchObject({ supportedByMe: true, supports: 1 });

    const taken = await postNewStep({ unsupport: String(forest), ...typed });
    expect(stepReply(taken).support).toMatchObject({ id: forest, supported: false });
    expect(await prisma.support.count({ where: { ideaId: forest, userId: writer.id } })).toBe(0);
  });

  test("from a draft's first step the draft stays as it was", async () => {
    const started = await postNew({ ...TYPED, institutionId: String(institutionId) }, writer);
    const id = ideaIdIn(started.location);
    const stored = await prisma.idea.findUniqueOrThrow({ where: { id } });
    const result = await run(stepAction, {
      request: formRequest(
        `/ideas/${id}/edit/need`,
        { support: String(farm), id: String(id), version: String(stored.version), ...TYPED, institutionId: String(institutionId) },
        { cookie: writer.cookie },
      ),
      params: { id: String(id), step: "need" },
    });
    expect(result.status).toBe(200);
    expect(stepReply(result).support).toMatchObject({ id: farm, supported: true });
    expect(await prisma.idea.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "DRAFT", version: stored.version, title: stored.title });
  });

  test("one's own idea, a draft and a bad id are refused beside the panel, with what was typed kept", async () => {
    const own = await postNewStep({ support: String(ownLike), ...TYPED });
    expect(own.status).toBe(403);
    expect(stepReply(own)).toMatchObject({ support: { error: "ideas:similar.supportFailed" }, typed: TYPED });
    const hidden = await postNewStep({ support: String(draft), ...TYPED });
    expect(hidden.status).toBe(404);
    expect(stepReply(hidden).typed).toMatchObject(TYPED);
    const refused: Record<string, string>[] = [{ support: "abc" }, { support: "1", unsupport: "1" }, { intent: "similar", support: "" }];
    for (const bad of refused) {
      const result = await postNewStep({ ...bad, ...TYPED });
      expect(result.status, JSON.stringify(bad)).toBe(400);
      expect(stepReply(result)).toMatchObject({ support: { error: "common:errors.tampered" }, typed: TYPED });
    }
    expect(await prisma.support.count({ where: { userId: writer.id, ideaId: { in: [ownLike, draft] } } })).toBe(0);
  });

  test("a form sent to be saved still saves, whatever the panel did before", async () => {
    const result = await postNewStep({ ...TYPED, title: "Meža īpašnieku pieraksts" });
    expect(result.status).toBe(302);
    expect(result.location).toMatch(/\/ideas\/\d+\/edit\/evidence$/);
  });
});

describe("the idea page's similar ideas", () => {
  const page = (id: number, who: SignedIn) => run(ideaLoader, { request: getRequest(`/ideas/${id}`, who.cookie), params: { id: String(id) } });

  test("facilitators see up to five like ideas, never the idea itself nor drafts", async () => {
    const result = await page(forest, facilitator);
    expect(result.status).toBe(200);
    const section = (result.data as { similar: SimilarPanelData | null }).similar!;
    const ids = section.items.map((i) => i.id);
    expect(ids).toContain(farm);
    expect(ids).not.toContain(forest);
    expect(ids).not.toContain(draft);
    expect(ids.length).toBeLessThanOrEqual(5);
    expect(section.institutions).toBeGreaterThanOrEqual(1);
    const admin = await signedIn({ role: "ADMIN" });
    expect((await page(forest, admin)).data).toMatchObject({ similar: { items: expect.arrayContaining([expect.objectContaining({ id: farm })]) } });
  });

  test("others do not get it", async () => {
    const manager = await signedIn({ role: "MANAGER" });
    for (const who of [writer, farmer, manager]) {
      const result = await page(forest, who);
      expect(result.status).toBe(200);
      expect((result.data as { similar: unknown }).similar).toBeNull();
    }
  });
});
