// The ranked text index (docs/decisions/0013-search-index.md), on SQLite and PostgreSQL: kept current
// in the idea's own transaction, word forms and diacritics found, the best match first, rebuilt by
// its command, and searched through the index rather than a scan of the table.
import { beforeAll, describe, expect, test } from "vitest";
import { loader as boardLoader } from "~/routes/board";
import { loader as listLoader } from "~/routes/ideas._index";
import { loader as lessonsLoader } from "~/routes/lessons";
import { matchingIdeaIds } from "~/modules/idea/idea-queries.server";
import { RANKED_WINDOW, ideaTextQuery, rankSimilar, rebuildSearchIndex } from "~/modules/idea/search.server";
import { prisma } from "~/utils/db.server";
import { onPostgres } from "~/utils/engine.server";
import { ideaIdIn, postNew, postStep, stepPart, walkBrief } from "../factories/brief";
import { fullBrief, ideaInStage, recordExperiment, submittedIdea } from "../factories/idea";
import { getRequest } from "../factories/request";
import { run } from "../factories/route";
import { createUser, signedIn, type SignedIn } from "../factories/user";

let author: SignedIn;
let reader: SignedIn;
let institutionId: number;

beforeAll(async () => {
  institutionId = (await prisma.institution.findUniqueOrThrow({ where: { code: "UR" } })).id;
  author = await signedIn({ role: "SUBMITTER", institutionCode: "UR" });
  reader = await signedIn({ role: "FACILITATOR", institutionCode: "UR" });
});

type List = { items: { id: number; title: string }[]; total: number; stems: string[] };
const list = async (query: string) => (await run(listLoader, { request: getRequest(`/ideas?${query}`, reader.cookie) })).data as List;
const ids = async (query: string) => (await list(query)).items.map((i) => i.id);

/** A unique word for each test, so tests on one database do not see each other's ideas. */
let n = 0;
const word = () => `zvaigzn${"abcdefghij"[n++ % 10]}${"klmnoprstu"[Math.floor(n / 10) % 10]}`;

describe("search boxes through the index", () => {
  test("every word form and spelling finds the idea: endings, capitals, diacritics", async () => {
    const tag = word();
    const id = await submittedIdea(author.id, {
      title: `Pakalpojumu pieteikšana ${tag} vienuviet`,
      brief: { problem: "Iedzīvotājiem nodokļu deklarācijas jāiesniedz vairākās vietās." },
    });
    for (const q of ["pakalpojums", "PAKALPOJUMIEM", "pakalpojumi", "pieteiksanas", "nodoklis", "deklarāciju", "NODOKĻU"])
      expect(await ids(`q=${encodeURIComponent(`${q} ${tag}`)}`), q).toEqual([id]);
    // Every word must be there: a word the idea lacks finds nothing.
    expect(await ids(`q=${tag}+kosmoss`)).toEqual([]);
  });

  test("the best match comes first: the word in the title before the word deep in the text, whatever the dates", async () => {
    const tag = word();
    const inTitle = await submittedIdea(author.id, { title: `Rindas ${tag} poliklīnikā` });
    const inText = await submittedIdea(author.id, { title: "Cita ideja par pierakstu", brief: { problem: `Rindas ir garas, ${tag} minēts vienreiz.` } });
    // The one with the word only in its text has the newer activity: by date it would come first.
    await prisma.idea.update({ where: { id: inText }, data: { lastActivityAt: new Date(Date.now() + 60_000) } });
    expect(await ids(`q=${tag}`)).toEqual([inTitle, inText]);
    // Without a query the list is by activity again.
    const byDate = await ids(`q=`);
    expect(byDate.indexOf(inText)).toBeLessThan(byDate.indexOf(inTitle));
    // The list says which stems were searched for, so the page can mark them.
    expect((await list(`q=${tag}+Rindām`)).stems).toEqual([tag, "rind"]);
  });

  test("a stem finds every word it begins, whether it begins a few words or very many", async () => {
    // On SQLite a stem is asked for as the words it begins (looked up in the index's vocabulary),
    // and as a prefix when it begins more than sixteen: both must find exactly the ideas that have one.
    const tag = word();
    const made: { word: string; id: number }[] = [];
    for (let k = 0; k < 20; k++) made.push({ word: `${tag}${k}`, id: await submittedIdea(author.id, { title: `Reģistrs ${tag}${k} datiem` }) });
    const having = (prefix: string) => made.filter((m) => m.word.startsWith(prefix)).map((m) => m.id);
    const sorted = (list: number[]) => [...list].sort((a, b) => a - b);
    // Twenty words: a prefix.
    expect(sorted(await ids(`q=${tag}`))).toEqual(sorted(having(tag)));
    // Eleven words (…1 and …10 to …19): the words themselves; with another word of the ideas too.
    expect(sorted(await ids(`q=${tag}1`))).toEqual(sorted(having(`${tag}1`)));
    expect(sorted(await ids(`q=${tag}1+datiem`))).toEqual(sorted(having(`${tag}1`)));
    // One word, and a stem no word begins.
    expect(await ids(`q=${tag}7`)).toEqual(having(`${tag}7`));
    expect(await ids(`q=${tag}7x`)).toEqual([]);
    // The board finds them the same way.
    const board = (await run(boardLoader, { request: getRequest(`/board?q=${tag}1`, reader.cookie) })).data as { columns: { cards: { id: number }[] }[] };
    expect(sorted(board.columns.flatMap((c) => c.cards.map((card) => card.id)))).toEqual(sorted(having(`${tag}1`)));
    // The words a stem begins are kept between searches until the index changes: a new word that
    // the stem begins is found by the very next search.
    made.push({ word: `${tag}1x`, id: await submittedIdea(author.id, { title: `Jauns vārds ${tag}1x` }) });
    expect(sorted(await ids(`q=${tag}1`))).toEqual(sorted(having(`${tag}1`)));
    await prisma.idea.delete({ where: { id: made.pop()!.id } });
    expect(sorted(await ids(`q=${tag}1`))).toEqual(sorted(having(`${tag}1`)));
  });

  test("the index follows every change in the change's own transaction: an edit, a new title, a deletion", async () => {
    const before = word();
    const after = word();
    const id = await walkBrief({ ...fullBrief(), title: `Vecais nosaukums ${before}`, institutionId: String(institutionId) }, author);
    expect(await ids(`q=${before}`)).toEqual([id]);
    // A returned idea is edited by its author; here the title is changed directly, as any writer would.
    await prisma.idea.update({ where: { id }, data: { title: `Jaunais nosaukums ${after}`, searchText: `jaunais nosaukums ${after}` } });
    expect(await ids(`q=${before}`)).toEqual([]);
    expect(await ids(`q=${after}`)).toEqual([id]);
    const similar = await rankSimilar(prisma, { title: `nosaukums ${after}`, need: "" }, { limit: 5 });
    expect(similar.map((s) => s.id)).toContain(id);
    await prisma.idea.delete({ where: { id } });
    expect(await ids(`q=${after}`)).toEqual([]);
    expect((await rankSimilar(prisma, { title: `nosaukums ${after}`, need: "" }, { limit: 5 })).map((s) => s.id)).not.toContain(id);
  });

  test("a draft's step saves its words into the index at once (the author's own save)", async () => {
    const tag = word();
    const started = await postNew(stepPart("need", { ...fullBrief(), title: `Ideja ${tag}`, institutionId: String(institutionId) }), author);
    const id = ideaIdIn(started.location);
    const saved = await postStep(
      id,
      "need",
      stepPart("need", { ...fullBrief(), title: `Ideja ${tag}`, usersAffected: `Lauku bibliotēku ${tag}lasītāji`, institutionId: String(institutionId) }),
      author,
    );
    expect(saved.status, JSON.stringify(saved.data)).toBe(302);
    expect(await ids(`q=${tag}lasitaji`)).toEqual([]); // a draft is its author's alone, never in the list
    const row = await prisma.idea.findUniqueOrThrow({ where: { id }, select: { searchText: true } });
    expect(row.searchText).toContain(`lauku biblioteku ${tag}lasitaji`);
  });

  test("'%' and '_' are text, not wildcards; a one-letter word is looked for too", async () => {
    expect((await list("q=%25")).total).toBe(0);
    expect((await list("q=_")).total).toBe(0);
    const tag = word();
    const id = await submittedIdea(author.id, { title: `Ideja ${tag} par 5 minūtēm` });
    expect(await ids(`q=${tag}+5`)).toEqual([id]);
  });

  test("the board filters through the index, in its own column order", async () => {
    const tag = word();
    const { id: one } = await ideaInStage("develop", author.id, { title: `Tāfeles ${tag} pirmā` });
    const { id: two } = await ideaInStage("develop", author.id, { title: `Tāfeles ${tag}u otrā` });
    const board = (await run(boardLoader, { request: getRequest(`/board?q=${tag}`, reader.cookie) })).data as {
      columns: { cards: { id: number }[] }[];
      stems: string[];
    };
    expect(board.columns.flatMap((c) => c.cards.map((x) => x.id))).toEqual([one, two]);
    expect(board.stems).toEqual([tag]);
  });

  test("the lessons library ranks experiments and closed ideas by relevance when there is a query", async () => {
    const tag = word();
    const idea = await submittedIdea(author.id, { title: `Eksperimentu ideja ${tag}` });
    const strong = await recordExperiment(idea, { hypothesis: `Ja ${tag} ${tag} ${tag} būs vienuviet, rindas saruks.` });
    const weak = await recordExperiment(idea, { hypothesis: `Ja pieteikšanās būs vienkāršāka, rindas saruks (${tag}).` });
    for (const id of [strong, weak])
      await prisma.experiment.update({ where: { id }, data: { status: "COMPLETED", completedAt: new Date(id === strong ? "2026-01-01" : "2026-11-01") } });
    await prisma.idea.update({ where: { id: idea }, data: { status: "ACTIVE" } });
    const data = (await run(lessonsLoader, { request: getRequest(`/lessons?q=${tag}`, reader.cookie) })).data as { entries: { key: string }[]; total: number };
    expect(data.entries.map((e) => e.key)).toEqual([`e${strong}`, `e${weak}`]);
    expect(data.total).toBe(2);
  });
});

describe("a word in very many ideas", () => {
  test("the newest RANKED_WINDOW (500) matches are ranked, the count stops there, and the page says to add a word", async () => {
    const tag = word();
    const base = { authorId: author.id, institutionId, status: "ACTIVE" as const };
    // As many ideas as the window with the word in their text, after one older idea with it in the title too.
    const best = await prisma.idea.create({ data: { ...base, title: `${tag} ${tag}`, searchText: `${tag} ${tag}` } });
    await prisma.idea.createMany({
      data: Array.from({ length: RANKED_WINDOW }, (_, k) => ({
        ...base,
        title: `Ideja ${k}`,
        searchText: `ideja ${k}\nteksts ar ${tag} vienreiz un daudziem citiem vardiem`,
      })),
    });
    const found = await list(`q=${tag}`);
    expect(found.total).toBe(RANKED_WINDOW);
    expect((found as List & { more: boolean }).more).toBe(true);
    // The oldest match is outside the window of the newest: not ranked first.
    expect(found.items[0].id).not.toBe(best.id);
    await prisma.idea.deleteMany({ where: { searchText: { contains: tag } } });
    const few = await list(`q=${tag}`);
    expect(few.total).toBe(0);
  });
});

describe("the index itself", () => {
  test("a rebuild refolds every search text and brings back what an index lost", async () => {
    const tag = word();
    const id = await submittedIdea(author.id, { title: "Pārbūvējama ideja", brief: { usersAffected: `Ostas ${tag} strādnieki` } });
    expect(await ids(`q=${tag}`)).toEqual([id]);
    // A search text written by an older version of the app, which did not search the users affected.
    await prisma.idea.update({ where: { id }, data: { searchText: "parbuvejama ideja" } });
    expect(await ids(`q=${tag}`)).toEqual([]);
    const counts = await rebuildSearchIndex();
    expect(counts.ideas).toBeGreaterThan(0);
    expect(await ids(`q=${tag}`)).toEqual([id]);
    expect((await prisma.idea.findUniqueOrThrow({ where: { id } })).searchText).toContain(`ostas ${tag} stradnieki`);
  });

  test("a search reads the index, not the whole table (the query plan)", async () => {
    const text = (await ideaTextQuery("pakalpojumi"))!;
    const { ids: found } = await matchingIdeaIds({ q: "pakalpojumi" }, { skip: 0, take: 25 });
    expect(Array.isArray(found)).toBe(true);
    if (onPostgres()) {
      // Few rows here: the planner must be told not to scan, then it has the tsvector index to use.
      const plan = await prisma.$transaction(async (tx) => {
        await tx.$executeRawUnsafe("SET LOCAL enable_seqscan = off");
        return tx.$queryRaw<{ "QUERY PLAN": string }[]>`EXPLAIN SELECT i."id" FROM ${text.from} WHERE ${text.where}`;
      });
      expect(plan.map((r) => r["QUERY PLAN"]).join("\n")).toMatch(/Idea_searchVector_idx/);
    } else {
      const plan = await prisma.$queryRaw<{ detail: string }[]>`EXPLAIN QUERY PLAN SELECT i."id" FROM ${text.from} WHERE ${text.where}`;
      const lines = plan.map((r) => r.detail).join("\n");
      expect(lines).toMatch(/VIRTUAL TABLE INDEX/);
      expect(lines).not.toMatch(/SCAN i\b/);
    }
  });

  test("similar ideas: another word form and no diacritics find the idea; drafts never", async () => {
    const tag = word();
    const id = await submittedIdea(author.id, {
      title: `Bērnudārza rindas ${tag} pārskatāmība`,
      brief: { problem: "Vecāki nezina, kurā vietā rindā atrodas viņu bērns." },
    });
    const draftAuthor = await createUser({ role: "SUBMITTER" });
    const draft = await prisma.idea.create({
      data: { title: `Bērnudārza rindas ${tag}`, searchText: `bernudarza rindas ${tag}`, authorId: draftAuthor.id, institutionId },
    });
    const ranked = await rankSimilar(prisma, { title: `bernudarzu rinda ${tag}`, need: "vecakiem nav zinams berna vieta rinda" }, { limit: 5 });
    expect(ranked[0]?.id).toBe(id);
    expect(ranked.map((r) => r.id)).not.toContain(draft.id);
  });
});
