// How well "similar ideas" finds an existing idea about the same need while a brief is being
// written. The labelled set (tests/fixtures/similar-ideas.json) is written by hand: each similar
// pair states one need twice, as two people would (other words, no diacritics, other word forms,
// a short and a long text, or all of these); each unrelated pair shares words but not the need.
// Every `b` is stored as a submitted idea; every `a` is a brief being written, and the ranking
// must put its own `b` among the first five. The figures are printed for each engine.
import { beforeAll, describe, expect, test } from "vitest";
import { rankSimilar } from "~/modules/idea/search.server";
import { prisma } from "~/utils/db.server";
import { onPostgres } from "~/utils/engine.server";
import fixture from "../fixtures/similar-ideas.json";
import { submittedIdea } from "../factories/idea";
import { createUser } from "../factories/user";

type Text = { title: string; need: string };
type Pair = { kind?: string; a: Text; b: Text };

const KINDS = ["rephrased", "no-diacritics", "word-forms", "short-long", "mixed"];
const LIMIT = 5;
const RECALL_AT_5 = 0.85;

const similar: Pair[] = fixture.similar;
const unrelated: Pair[] = fixture.unrelated;

// The answers a submission needs besides the title and the need, the same in every idea and
// without a word of their own, so only the title and the need tell the ideas apart.
const BLANK = "—";
const briefOf = (text: Text) => ({
  summary: BLANK,
  usersAffected: BLANK,
  problem: text.need,
  evidence: BLANK,
  solution: BLANK,
  expectedValue: "",
  firstTest: "",
  partners: "",
});

/** The idea stored for each pair's `b`, by pair. */
const stored = new Map<Pair, number>();

beforeAll(async () => {
  const author = await createUser({ name: "Līdzīgo ideju autore" });
  for (const pair of [...similar, ...unrelated]) stored.set(pair, await submittedIdea(author.id, { title: pair.b.title, brief: briefOf(pair.b) }));
}, 180_000);

describe("the labelled set", () => {
  test("has enough pairs of each list, of the known kinds, and every stored text is distinct", () => {
    expect(similar.length).toBeGreaterThanOrEqual(60);
    expect(unrelated.length).toBeGreaterThanOrEqual(40);
    for (const pair of similar) expect(KINDS).toContain(pair.kind);
    const bs = [...similar, ...unrelated].map((pair) => pair.b);
    expect(new Set(bs.map((b) => b.title)).size).toBe(bs.length);
    expect(new Set(bs.map((b) => b.need)).size).toBe(bs.length);
    for (const text of [...bs, ...similar.map((p) => p.a), ...unrelated.map((p) => p.a)]) {
      expect(text.title.length).toBeGreaterThanOrEqual(5);
      expect(text.title.length).toBeLessThanOrEqual(120);
      expect(text.need.trim()).not.toBe("");
    }
  });

  test("is stored as active ideas, one for each pair and nothing else", async () => {
    expect(await prisma.idea.count()).toBe(stored.size);
    expect(await prisma.idea.count({ where: { status: "ACTIVE" } })).toBe(stored.size);
  });
});

test(`similar ideas: the need's own idea is among the first ${LIMIT} for at least ${RECALL_AT_5 * 100} % of the pairs`, async () => {
  const engine = onPostgres() ? "postgresql" : "sqlite";
  const titles = new Map([...stored].map(([pair, id]) => [id, pair.b.title]));
  const rank = async (pair: Pair) => (await rankSimilar(prisma, pair.a, { limit: LIMIT })).map((r) => r.id);

  const misses: string[] = [];
  let found = 0;
  let first = 0;
  const byKind = new Map(KINDS.map((kind) => [kind, { found: 0, of: 0 }]));
  for (const pair of similar) {
    const ids = await rank(pair);
    expect(ids.length).toBeLessThanOrEqual(LIMIT);
    const position = ids.indexOf(stored.get(pair)!);
    const kind = byKind.get(pair.kind!)!;
    kind.of++;
    if (position >= 0) kind.found++;
    if (position >= 0) found++;
    if (position === 0) first++;
    if (position < 0) misses.push(`[${pair.kind}] "${pair.a.title}" → "${pair.b.title}"; first: ${ids.length ? `"${titles.get(ids[0])}"` : "nothing"}`);
  }
  let apart = 0;
  const confused: string[] = [];
  for (const pair of unrelated) {
    const ids = await rank(pair);
    if (ids[0] !== stored.get(pair)) apart++;
    else confused.push(`"${pair.a.title}" → "${pair.b.title}"`);
  }

  const share = (n: number, of: number) => `${(n / of).toFixed(3)} (${n}/${of})`;
  const recall = found / similar.length;
  console.log(`similar ideas on ${engine}: recall@${LIMIT} ${share(found, similar.length)}`);
  console.log(`similar ideas on ${engine}: precision@1 ${share(first, similar.length)}`);
  console.log(`similar ideas on ${engine}: unrelated not first ${share(apart, unrelated.length)}`);
  console.log(`similar ideas on ${engine}: recall@${LIMIT} by kind: ${[...byKind].map(([kind, k]) => `${kind} ${k.found}/${k.of}`).join(", ")}`);
  for (const miss of misses) console.log(`similar ideas on ${engine}: not in the first ${LIMIT}: ${miss}`);
  for (const pair of confused) console.log(`similar ideas on ${engine}: unrelated ranked first: ${pair}`);

  expect(recall, `recall@${LIMIT} on ${engine}`).toBeGreaterThanOrEqual(RECALL_AT_5);
}, 120_000);
