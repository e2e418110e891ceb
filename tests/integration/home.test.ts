// The home page as a to-do list: each role sees what waits for them, every list at most ten long with
// its total, and a submitter the news about their ideas since they last marked it seen (a POST:
// reading the page never hides news).
import { beforeAll, describe, expect, test } from "vitest";
import { assignIdea, moveIdea, returnIdea } from "~/modules/board/board.server";
import { getDashboard, parseDashboardFilters } from "~/modules/dashboard/dashboard.server";
import { addComment } from "~/modules/idea/idea.server";
import { getHomeData, HOME_LIST, homeSectionsFor } from "~/modules/user/home.server";
import { action as homeAction, loader as homeLoader } from "~/routes/_index";
import { prisma } from "~/utils/db.server";
import { draftIdea, facilitator as labFacilitator, ideaInStage, submittedIdea } from "../factories/idea";
import { formRequest, getRequest } from "../factories/request";
import { reply, run } from "../factories/route";
import { createUser, signedIn } from "../factories/user";

const DAY = 86_400_000;
const daysAgo = (days: number) => new Date(Date.now() - days * DAY - 60_000);
const version = async (id: number) => (await prisma.idea.findUniqueOrThrow({ where: { id } })).version;

test("each role sees its own parts of the page", () => {
  expect(homeSectionsFor({ role: "SUBMITTER" })).toEqual({ mine: true, work: false, figures: false });
  expect(homeSectionsFor({ role: "FACILITATOR" })).toEqual({ mine: false, work: true, figures: false });
  expect(homeSectionsFor({ role: "MANAGER" })).toEqual({ mine: false, work: false, figures: true });
  expect(homeSectionsFor({ role: "ADMIN" })).toEqual({ mine: false, work: true, figures: true });
});

describe("a submitter", () => {
  test("sees their own drafts, newest first, ten at most with the total; never another person's", async () => {
    const author = await createUser();
    const other = await createUser();
    await draftIdea(other.id, "Cita autora melnraksts");
    const ids: number[] = [];
    for (let i = 1; i <= 12; i++) ids.push(await draftIdea(author.id, `Melnraksts ${i}`));
    // Drafts 1–12 edited 12 days ago to 1 day ago: the last is the newest.
    for (const [i, id] of ids.entries()) await prisma.idea.update({ where: { id }, data: { updatedAt: daysAgo(12 - i) } });

    const home = await getHomeData(author, "lv");
    expect(home.work).toBeNull();
    expect(home.figures).toBeNull();
    expect(home.mine!.drafts.total).toBe(12);
    expect(home.mine!.drafts.items).toHaveLength(HOME_LIST);
    expect(home.mine!.drafts.items.map((d) => d.title)).toEqual(Array.from({ length: 10 }, (_, i) => `Melnraksts ${12 - i}`));
    expect(home.mine!.drafts.items[0].days).toBe(1);
    expect(home.mine!.returned).toEqual({ total: 0, items: [] });
  });

  test("sees their ideas returned with a question, with the question's text", async () => {
    const author = await createUser();
    const lab = await labFacilitator();
    const id = await submittedIdea(author.id, { title: "Ideja ar jautājumu" });
    expect((await returnIdea(lab, { ideaId: id, version: await version(id), text: "Cik cilvēku jūs aptaujājāt?" })).ok).toBe(true);
    await submittedIdea(author.id, { title: "Ideja bez jautājuma" });

    const home = await getHomeData(author, "lv");
    expect(home.mine!.returned.total).toBe(1);
    expect(home.mine!.returned.items).toMatchObject([{ id, title: "Ideja ar jautājumu", question: "Cik cilvēku jūs aptaujājāt?" }]);
  });

  test("sees what others changed on their ideas since they last marked it seen; reading the page changes nothing", async () => {
    const author = await signedIn("SUBMITTER");
    const colleague = await createUser();
    const lab = await labFacilitator();
    const idea = await ideaInStage("discover", author.id, { title: "Ideja ar jaunumiem" });
    await addComment(colleague, { ideaId: idea.id, body: "Arī mums tas noderētu.", internal: false });
    await addComment(lab, { ideaId: idea.id, body: "Iekšēja piezīme.", internal: true });
    await addComment(author, { ideaId: idea.id, body: "Paldies!", internal: false });

    const load = async () => (await run(homeLoader, { request: getRequest("/", author.cookie) })).data as Awaited<ReturnType<typeof getHomeData>>;
    const first = await load();
    // Taken in by the lab (a move) and the colleague's comment, newest first; not the internal note, not the author's own comment.
    expect(first.mine!.news.since).toBeNull();
    expect(first.mine!.news.items.map((c) => [c.type, c.title])).toEqual([
      ["COMMENTED", "Ideja ar jaunumiem"],
      ["MOVED", "Ideja ar jaunumiem"],
    ]);
    expect(first.mine!.news.items[1]).toMatchObject({ from: "Iesniegtas", to: "Izpēte", actor: "Fabrikas Fasilitatore" });
    expect(first.mine!.news.total).toBe(2);
    // Reading the page again shows the same news: a GET marks nothing.
    expect((await load()).mine!.news.items).toHaveLength(2);
    expect((await prisma.user.findUniqueOrThrow({ where: { id: author.id } })).homeSeenAt).toBeNull();

    // "Mark as seen" with the moment the page was read.
    const seen = await run(homeAction, { request: formRequest("/", { intent: "seen", until: String(first.loadedAt) }, { cookie: author.cookie }) });
    expect(seen.status).toBe(302);
    expect(seen.location).toBe("/#news");
    const afterSeen = await load();
    expect(afterSeen.mine!.news).toMatchObject({ total: 0, items: [], since: new Date(first.loadedAt).toISOString() });

    // What happens next is news again, alone.
    expect((await moveIdea(lab, { ideaId: idea.id, version: await version(idea.id), stage: "define" })).ok).toBe(true);
    const next = await load();
    expect(next.mine!.news.items.map((c) => [c.type, c.from, c.to])).toEqual([["MOVED", "Izpēte", "Problēmas definēšana"]]);

    // Marking seen with an older page's moment neither hides the newer move nor moves the mark back.
    const stale = await run(homeAction, {
      request: formRequest("/", { intent: "seen", until: String(first.loadedAt - 1000) }, { cookie: author.cookie }),
    });
    expect(stale.status).toBe(302);
    expect((await load()).mine!.news.items).toHaveLength(1);
    expect((await prisma.user.findUniqueOrThrow({ where: { id: author.id } })).homeSeenAt!.getTime()).toBe(first.loadedAt);
  });

  test("a made-up 'seen' time is a 400 for the form, and changes nothing", async () => {
    const author = await signedIn("SUBMITTER");
    const refused = await run(homeAction, { request: formRequest("/", { intent: "seen", until: "yesterday" }, { cookie: author.cookie }) });
    expect(refused.status).toBe(400);
    expect(reply(refused).error[""]).toBeTruthy();
    expect((await prisma.user.findUniqueOrThrow({ where: { id: author.id } })).homeSeenAt).toBeNull();
  });

  test("the news list stops at ten and counts the rest", async () => {
    const author = await createUser();
    const colleague = await createUser();
    const idea = await ideaInStage("discover", author.id);
    for (let i = 0; i < 12; i++) await addComment(colleague, { ideaId: idea.id, body: `Komentārs ${i}`, internal: false });
    const home = await getHomeData(author, "lv");
    expect(home.mine!.news.items).toHaveLength(HOME_LIST);
    expect(home.mine!.news.total).toBe(13);
  });
});

describe("the lab", () => {
  let lab: Awaited<ReturnType<typeof createUser>>;
  let author: Awaited<ReturnType<typeof createUser>>;
  beforeAll(async () => {
    lab = await createUser({ role: "FACILITATOR", name: "Mājas Fasilitatore" });
    author = await createUser();
  });

  test("a facilitator sees the ideas waiting for triage, oldest first with their age, ten at most with the total", async () => {
    const ids: number[] = [];
    for (let i = 0; i < 12; i++) ids.push(await submittedIdea(author.id, { title: `Gaida ${i}` }));
    // "Gaida 0" came in 40 days ago, "Gaida 1" 39 days ago, …: older than any other idea of this file.
    for (const [i, id] of ids.entries()) await prisma.idea.update({ where: { id }, data: { stageEnteredAt: daysAgo(40 - i) } });
    const waiting = await prisma.idea.count({ where: { status: "ACTIVE", stage: { kind: "INTAKE" } } });

    const home = await getHomeData(lab, "lv");
    expect(home.mine).toBeNull();
    expect(home.figures).toBeNull();
    expect(home.work!.intakeKey).toBe("submitted");
    expect(home.work!.triage.total).toBe(waiting);
    expect(home.work!.triage.items).toHaveLength(HOME_LIST);
    expect(home.work!.triage.items.map((i) => [i.title, i.days])).toEqual(Array.from({ length: 10 }, (_, i) => [`Gaida ${i}`, 40 - i]));
    expect(home.work!.triage.items[0].institution).toBe("Uzņēmumu reģistrs");
  });

  test("a facilitator sees the ideas assigned to them with their days in stage, and the stale ideas", async () => {
    const mine = await ideaInStage("define", author.id, { title: "Piešķirta man" });
    const theirs = await ideaInStage("define", author.id, { title: "Piešķirta citam" });
    const other = await createUser({ role: "FACILITATOR" });
    expect((await assignIdea(lab, { ideaId: mine.id, version: await version(mine.id), assigneeId: lab.id })).ok).toBe(true);
    expect((await assignIdea(lab, { ideaId: theirs.id, version: await version(theirs.id), assigneeId: other.id })).ok).toBe(true);
    await prisma.idea.update({ where: { id: mine.id }, data: { stageEnteredAt: daysAgo(5) } });
    const quiet = await ideaInStage("discover", author.id, { title: "Klusa ideja" });
    await prisma.idea.update({ where: { id: quiet.id }, data: { lastActivityAt: daysAgo(45) } });

    const home = await getHomeData(lab, "lv");
    expect(home.work!.assigned).toEqual({ total: 1, items: [{ id: mine.id, title: "Piešķirta man", language: "lv", stage: "Problēmas definēšana", days: 5 }] });
    expect(home.work!.stale.items[0]).toMatchObject({ id: quiet.id, title: "Klusa ideja", stage: "Izpēte", days: 45 });
    expect(home.work!.stale.items.map((i) => i.id)).not.toContain(mine.id);
  });

  test("a manager sees the dashboard's headline figures and the last seven days' changes", async () => {
    const manager = await createUser({ role: "MANAGER" });
    const recent = await submittedIdea(author.id, { title: "Šonedēļ iesniegta" });
    const home = await getHomeData(manager, "en");
    expect(home.mine).toBeNull();
    expect(home.work).toBeNull();
    const { filters } = parseDashboardFilters(new URLSearchParams(), { institutionIds: [] });
    const dashboard = await getDashboard(manager, filters, "en");
    expect(home.figures!.headline).toMatchObject({ ...dashboard.headline, experimentsCompleted: dashboard.experiments.completed, period: dashboard.period });
    const submittedThisWeek = await prisma.event.count({ where: { type: "SUBMITTED", createdAt: { gt: daysAgo(7) } } });
    expect(home.figures!.week.counts.SUBMITTED).toBe(submittedThisWeek);
    expect(home.figures!.week.items).toHaveLength(HOME_LIST);
    expect(home.figures!.week.total).toBeGreaterThan(HOME_LIST);
    // Newest first: the last thing this file did is a submission.
    expect(home.figures!.week.items[0]).toMatchObject({ type: "SUBMITTED", ideaId: recent, to: "Submitted" });
  });

  test("an administrator sees the lab's lists and the figures", async () => {
    const admin = await createUser({ role: "ADMIN" });
    const home = await getHomeData(admin, "lv");
    expect(home.mine).toBeNull();
    expect(home.work!.triage.total).toBeGreaterThan(0);
    expect(home.figures!.headline.submitted).toBeGreaterThan(0);
  });
});

test("each idea's title is given with the language it is written in, so the page can mark it (lang)", async () => {
  const author = await createUser();
  const english = await draftIdea(author.id, "A draft written in English");
  const latvian = await draftIdea(author.id, "Latviski rakstīts melnraksts");
  await prisma.idea.update({ where: { id: english }, data: { language: "en" } });
  const home = await getHomeData(author, "lv");
  const items = home.mine!.drafts.items;
  expect(items.find((i) => i.id === english)?.language).toBe("en");
  expect(items.find((i) => i.id === latvian)?.language).toBe("lv");
});
