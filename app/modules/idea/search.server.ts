// The ranked text index, behind one interface for SQLite and PostgreSQL
// (docs/decisions/0013-search-index.md). The migrations create it and triggers keep it current in
// the same transaction as the idea's change; `rebuildSearchIndex` rebuilds it.
//   Search boxes: every stem of the query begins a word of the idea; the newest 500 matches ranked.
//   Similar ideas: any stem of a text begins a word, ranked by BM25 (FTS5's, or computed on PostgreSQL).
import { Prisma } from "~/generated/prisma/client";
import type { IdeaStatus, StageKind } from "~/generated/prisma/enums";
import { experimentSearchText } from "~/modules/experiment/cards";
import { requirePermission, type SessionUser } from "~/utils/auth.server";
import { prisma, type Db, type Tx } from "~/utils/db.server";
import { onPostgres } from "~/utils/engine.server";
import { type Locale, localName } from "~/utils/i18n";
import { searchStems, similarityStems } from "~/utils/text";
import { searchTextOf } from "./brief";

/** Stems of this many letters or more are found through the index; shorter ones are looked for in the folded text. */
const INDEXED = 3;

/**
 * A ranked search looks at the newest this-many matches (by id) and puts the best of them first: a
 * word that is in a third of all ideas would otherwise make every search score tens of thousands
 * of rows. More matches than this are counted no further, and the list asks for more words.
 */
export const RANKED_WINDOW = 500;

/** A stem the index can find: letters and digits only (the tokenizers split at anything else), three or more. */
const indexable = (stem: string) => stem.length >= INDEXED && /^[\p{L}\p{N}]+$/u.test(stem);

/** An FTS5 phrase: the text in double quotes (a quote inside doubled). */
const phrase = (text: string) => `"${text.replace(/"/g, '""')}"`;
const likePattern = (word: string) => `%${word.replace(/[\\%_]/g, "\\$&")}%`;
const containsSql = (column: Prisma.Sql, word: string) => Prisma.sql`${column} LIKE ${likePattern(word)} ESCAPE '\\'`;
/** PostgreSQL: every stem as a word prefix, for to_tsquery. */
const prefixQuery = (stems: string[]) => stems.map((s) => `${s}:*`).join(" & ");

/**
 * A search box's query over one table (alias `i` for ideas, `e` for experiments): the FROM clause
 * with the index, the condition that every stem begins a word of the row (a short one: is in its
 * text), each row's relevance (higher is better), and the column that orders rows newest first
 * along the index.
 */
export type TextQuery = { from: Prisma.Sql; where: Prisma.Sql; score: Prisma.Sql; newest: Prisma.Sql };

type IndexedTable = { name: "Idea" | "Experiment"; alias: "i" | "e"; index: "IdeaWords" | "ExperimentWords"; weights: string };
const IDEAS: IndexedTable = { name: "Idea", alias: "i", index: "IdeaWords", weights: ", 4.0, 1.0" };
const EXPERIMENTS: IndexedTable = { name: "Experiment", alias: "e", index: "ExperimentWords", weights: "" };

/**
 * FTS5: a stem that begins this many of the index's words or fewer is asked for as those words;
 * one that begins more, as a prefix.
 */
const MAX_EXPANSION = 16;

/** The first string after every string that begins with `stem` (its last letter moved one on). */
const afterPrefix = (stem: string) => {
  const last = stem.codePointAt(stem.length - 1)!;
  return stem.slice(0, stem.length - String.fromCodePoint(last).length) + String.fromCodePoint(last + 1);
};

/**
 * The words each stem begins, as last looked up, per index; valid while the index's structure record
 * (row 10 of `<index>_data`, which FTS5 rewrites whenever a change reaches the index) is the one they
 * were read with. Any process's write changes that record, so every process sees a new word at once.
 */
const expansions = new Map<IndexedTable["index"], { structure: Buffer; words: Map<string, string[]> }>();
const EXPANSIONS_KEPT = 1000;

/**
 * FTS5's MATCH for stems that must each begin a word. A prefix query (`"nodokl"*`) makes FTS5 merge
 * the whole list of rows of every word with that prefix before it yields the first row (5 ms for a
 * word in a third of 100,000 ideas), while a word's own list is read lazily, newest first, only as
 * far as the page needs (0.2 ms). So each stem is looked up in the index's vocabulary (the
 * fts5vocab table `<index>_terms`) and asked for as the words it begins, `("nodoklis" OR "nodoklu")`:
 * the same rows. A stem that begins more than MAX_EXPANSION words stays a prefix. A look-up reads
 * the lists of the words it finds to count them (0.5 ms for a word in a third of 100,000 ideas), so
 * its answer is kept until the index changes (`expansions`).
 */
async function sqliteMatch(index: IndexedTable["index"], stems: string[]): Promise<string> {
  const kept = expansions.get(index);
  const lookup = (wanted: string[]) =>
    wanted.map(
      (stem) =>
        Prisma.sql`SELECT * FROM (SELECT ${stem} AS "stem", "term", NULL AS "structure" FROM ${Prisma.raw(`"${index}_terms"`)} WHERE "term" >= ${stem} AND "term" < ${afterPrefix(stem)} LIMIT ${MAX_EXPANSION + 1})`,
    );
  type Row = { stem: string | null; term: string | null; structure: Uint8Array | null };
  const read = (wanted: string[]) =>
    prisma.$queryRaw<Row[]>`${Prisma.join(
      [Prisma.sql`SELECT NULL AS "stem", NULL AS "term", "block" AS "structure" FROM ${Prisma.raw(`"${index}_data"`)} WHERE "id" = 10`, ...lookup(wanted)],
      " UNION ALL ",
    )}`;
  let rows = await read(stems.filter((stem) => !kept?.words.has(stem)));
  const structure = Buffer.from(rows.find((r) => r.structure)?.structure ?? []);
  let words = kept?.words;
  if (!kept || !kept.structure.equals(structure)) {
    // The index has changed since (or nothing is kept yet): what was kept is dropped and read again.
    const stale = stems.filter((stem) => kept?.words.has(stem));
    if (stale.length) rows = [...rows, ...(await read(stale))];
    words = new Map();
    expansions.set(index, { structure, words });
  }
  for (const stem of stems) if (!words!.has(stem)) words!.set(stem, []);
  for (const row of rows) if (row.stem !== null && row.term !== null) words!.get(row.stem)!.push(row.term);
  const match = stems
    .map((stem) => {
      const found = words!.get(stem)!;
      // No word begins with it: the prefix finds nothing, at once.
      if (found.length === 0 || found.length > MAX_EXPANSION) return `${phrase(stem)}*`;
      return found.length === 1 ? phrase(found[0]) : `(${found.map(phrase).join(" OR ")})`;
    })
    .join(" AND ");
  if (words!.size > EXPANSIONS_KEPT) expansions.delete(index);
  return match;
}

async function textQuery(query: string | undefined | null, table: IndexedTable): Promise<TextQuery | null> {
  const stems = searchStems(query);
  if (stems.length === 0) return null;
  const alias = Prisma.raw(table.alias);
  const long = stems.filter(indexable);
  const short = stems.filter((s) => !indexable(s));
  const contains = short.map((s) => containsSql(Prisma.sql`${alias}."searchText"`, s));
  const plain = { from: Prisma.sql`${Prisma.raw(`"${table.name}"`)} ${alias}`, newest: Prisma.sql`${alias}."id"` };
  if (long.length === 0) return { ...plain, where: Prisma.join(contains, " AND "), score: Prisma.sql`CAST(0 AS REAL)` };
  if (onPostgres()) {
    // The tsvector's GIN index finds the stems as word prefixes; ts_rank orders them (the title weighs more).
    const match = prefixQuery(long);
    const where = Prisma.join([Prisma.sql`${alias}."searchVector" @@ to_tsquery('simple', ${match})`, ...contains], " AND ");
    return { ...plain, where, score: Prisma.sql`ts_rank(${alias}."searchVector", to_tsquery('simple', ${match}))` };
  }
  // FTS5: the stems as the words they begin; bm25 (lower is better) with the title weighing more.
  const index = Prisma.raw(`"${table.index}"`);
  return {
    from: Prisma.sql`${index} JOIN ${Prisma.raw(`"${table.name}"`)} ${alias} ON ${alias}."id" = ${index}."rowid"`,
    where: Prisma.join([Prisma.sql`${index} MATCH ${await sqliteMatch(table.index, long)}`, ...contains], " AND "),
    score: Prisma.sql`-bm25(${index}${Prisma.raw(table.weights)})`,
    newest: Prisma.sql`${index}."rowid"`,
  };
}

/** A search box's query over ideas (alias `i`). Null without words. */
export const ideaTextQuery = (query: string | undefined | null) => textQuery(query, IDEAS);

/** A search box's query over experiments (alias `e`): the lessons library. Null without words. */
export const experimentTextQuery = (query: string | undefined | null) => textQuery(query, EXPERIMENTS);

/** A search box's condition over ideas (alias `i`) alone, for lists in their own order (the board). Null without words. */
export async function ideaTextCondition(query: string | undefined | null): Promise<Prisma.Sql | null> {
  if (onPostgres()) return (await ideaTextQuery(query))?.where ?? null;
  const stems = searchStems(query);
  if (stems.length === 0) return null;
  const long = stems.filter(indexable);
  const parts = stems.filter((s) => !indexable(s)).map((s) => containsSql(Prisma.sql`i."searchText"`, s));
  if (long.length) parts.unshift(Prisma.sql`i."id" IN (SELECT "rowid" FROM "IdeaWords" WHERE "IdeaWords" MATCH ${await sqliteMatch("IdeaWords", long)})`);
  return Prisma.join(parts, " AND ");
}

/**
 * The ranked page of a search: of the newest RANKED_WINDOW rows that match (`text` and `where`),
 * the best first; and how many match, counted up to one more than the window (`more` says so).
 * `select` names the columns the page needs from the alias, "id" among them; `tiebreak` orders equal scores.
 */
export async function rankedPage<Row>(
  text: TextQuery,
  where: Prisma.Sql,
  page: { skip: number; take: number; select: Prisma.Sql; tiebreak: Prisma.Sql },
): Promise<{ rows: (Row & { score: number })[]; total: number; more: boolean }> {
  // One pass over the index: the newest matches, one more than the window (so the count knows
  // whether there were more; that oldest one is not ranked), read once (a CTE used more than once
  // is materialised on both engines). The index's order is the ideas' and experiments' id order.
  const rows = await prisma.$queryRaw<(Row & { score: number; n: number | bigint })[]>`
    WITH w AS (SELECT ${page.select}, ${text.score} AS "score" FROM ${text.from} WHERE ${where} ORDER BY ${text.newest} DESC LIMIT ${RANKED_WINDOW + 1})
    SELECT w.*, (SELECT COUNT(*) FROM w) AS "n" FROM w
    WHERE (SELECT COUNT(*) FROM w) <= ${RANKED_WINDOW} OR w."id" <> (SELECT MIN(o."id") FROM w o)
    ORDER BY w."score" DESC, ${page.tiebreak} LIMIT ${page.take} OFFSET ${page.skip}`;
  const counted = rows.length
    ? [{ n: rows[0].n }]
    : await prisma.$queryRaw<{ n: number | bigint }[]>`SELECT COUNT(*) AS "n" FROM (SELECT 1 FROM ${text.from} WHERE ${where} LIMIT ${RANKED_WINDOW + 1}) c`;
  const n = Number(counted[0].n);
  return {
    rows: rows.map(({ n: _n, ...r }) => ({ ...(r as unknown as Row), score: Number(r.score) })),
    total: Math.min(n, RANKED_WINDOW),
    more: n > RANKED_WINDOW,
  };
}

/** The statuses a similar idea may have: what exists and was not merged away (drafts are their author's alone). */
const SIMILAR_STATUSES: IdeaStatus[] = ["ACTIVE", "NEEDS_INFO", "DECLINED", "WITHDRAWN"];

/** What a similarity query compares: an idea's title and its need (summary, problem, users affected). */
export type SimilarText = { title: string; need: string };

/** PostgreSQL: at most this many ideas are scored (those with one of the text's rarer stems). */
const CANDIDATES = 500;
/** PostgreSQL: a stem's ideas are counted up to this many (a stem in more says little anyway). */
const DF_CAP = 2000;
/** PostgreSQL: the ideas scored are those with one of this many of the text's rarest stems. */
const RARE_STEMS = 12;

/**
 * Existing ideas most like a text, best first, with their scores (higher is more alike): any of the
 * text's stems as a word prefix, the title's stems counted twice. Drafts and merged-away ideas are
 * never returned; `excludeIds` leaves out others (the idea itself).
 */
export async function rankSimilar(
  db: Db | Tx,
  text: SimilarText,
  options: { limit?: number; excludeIds?: number[]; statuses?: IdeaStatus[] } = {},
): Promise<{ id: number; score: number }[]> {
  const limit = options.limit ?? 5;
  const titleStems = similarityStems(text.title);
  const stems = [...new Set([...titleStems, ...similarityStems(text.need)])];
  if (stems.length === 0) return [];
  const statuses = options.statuses ?? SIMILAR_STATUSES;
  const exclude = options.excludeIds?.length ? Prisma.sql`AND i."id" NOT IN (${Prisma.join(options.excludeIds)})` : Prisma.empty;
  let rows: { id: number; score: number }[];
  if (onPostgres()) {
    // ts_rank counts how often words occur but not how rare they are, so a need's common words
    // outweighed its telling ones. The score is BM25's: each stem weighs by its rarity (the ideas it
    // is in, counted up to a cap through the GIN index), twice when it is in the title. The ideas
    // scored are those with one of the rarer stems (at most CANDIDATES).
    rows = await db.$queryRaw<{ id: number; score: number }[]>`
      WITH "n" AS (
        -- The planner's estimate of the ideas, counted when it is small or unknown (a table never analysed).
        SELECT (CASE WHEN c.reltuples < 10000 THEN (SELECT count(*) FROM "Idea") ELSE c.reltuples END)::float8 AS "n" FROM pg_class c WHERE c.oid = '"Idea"'::regclass
      ),
      "terms" AS (
        SELECT s."stem", to_tsquery('simple', s."stem" || ':*') AS "q",
          (SELECT count(*) FROM (SELECT 1 FROM "Idea" x WHERE x."searchVector" @@ to_tsquery('simple', s."stem" || ':*') LIMIT ${DF_CAP}) d)::float8 AS "df"
        FROM unnest(${stems}::text[]) AS s("stem")
      ),
      "weighted" AS (SELECT t."q", ln(1 + ((SELECT "n" FROM "n") - t."df" + 0.5) / (t."df" + 0.5)) AS "idf", t."df" FROM "terms" t WHERE t."df" > 0),
      "rare" AS (SELECT w."q" FROM "weighted" w ORDER BY w."df" LIMIT ${RARE_STEMS}),
      "candidates" AS (
        SELECT i."id", i."searchVector" AS "v" FROM "Idea" i
        WHERE i."searchVector" @@ (SELECT string_agg(r."q"::text, ' | ')::tsquery FROM "rare" r) AND i."status"::text IN (${Prisma.join(statuses)}) ${exclude}
        LIMIT ${CANDIDATES}
      )
      SELECT c."id", SUM(w."idf" * (CASE WHEN ts_filter(c."v", '{a}') @@ w."q" THEN 2 ELSE 1 END))::float8 AS "score"
      FROM "candidates" c JOIN "weighted" w ON c."v" @@ w."q"
      GROUP BY c."id" ORDER BY "score" DESC, c."id" DESC LIMIT ${limit}`;
  } else {
    const match = stems.map((s) => `${phrase(s)}*`).join(" OR ");
    rows = await db.$queryRaw<{ id: number; score: number }[]>`
      SELECT i."id", -bm25("IdeaWords", 3.0, 1.0) AS "score"
      FROM "IdeaWords" JOIN "Idea" i ON i."id" = "IdeaWords"."rowid"
      WHERE "IdeaWords" MATCH ${match} AND i."status" IN (${Prisma.join(statuses)}) ${exclude}
      ORDER BY "score" DESC, i."id" DESC LIMIT ${limit}`;
  }
  return rows.map((r) => ({ id: Number(r.id), score: Number(r.score) }));
}

export type SimilarIdea = {
  id: number;
  title: string;
  language: Locale;
  status: IdeaStatus;
  stage: { key: string; name: string; kind: StageKind } | null;
  institution: string;
  supports: number;
  supportedByMe: boolean;
};

/**
 * The similar-ideas panel: up to `limit` (5) existing ideas the person may see that are most like
 * the text, with stage, institution and supporters, and how many institutions have raised them.
 */
export async function similarIdeas(
  user: SessionUser,
  text: SimilarText,
  locale: Locale,
  options: { excludeId?: number; limit?: number } = {},
): Promise<{ items: SimilarIdea[]; institutions: number }> {
  requirePermission(user, "idea:read");
  const ranked = await rankSimilar(prisma, text, {
    limit: options.limit ?? 5,
    excludeIds: options.excludeId ? [options.excludeId] : [],
  });
  if (ranked.length === 0) return { items: [], institutions: 0 };
  const ids = ranked.map((r) => r.id);
  const [rows, counts, mine] = await Promise.all([
    prisma.idea.findMany({
      where: { id: { in: ids } },
      select: {
        id: true,
        title: true,
        language: true,
        status: true,
        institutionId: true,
        institution: { select: { nameLv: true, nameEn: true } },
        stage: { select: { key: true, nameLv: true, nameEn: true, kind: true } },
      },
    }),
    prisma.support.groupBy({ by: ["ideaId"], where: { ideaId: { in: ids } }, _count: { _all: true } }),
    prisma.support.findMany({ where: { ideaId: { in: ids }, userId: user.id }, select: { ideaId: true } }),
  ]);
  const byId = new Map(rows.map((r) => [r.id, r]));
  const supports = new Map(counts.map((c) => [c.ideaId, c._count._all]));
  const supported = new Set(mine.map((m) => m.ideaId));
  const items = ids.flatMap((id) => {
    const row = byId.get(id);
    if (!row) return [];
    return [
      {
        id,
        title: row.title,
        language: row.language,
        status: row.status,
        stage: row.stage ? { key: row.stage.key, name: localName(locale, row.stage), kind: row.stage.kind } : null,
        institution: localName(locale, row.institution),
        supports: supports.get(id) ?? 0,
        supportedByMe: supported.has(id),
      },
    ];
  });
  return { items, institutions: new Set(rows.map((r) => r.institutionId)).size };
}

/** How many rows a rebuild refolds at a time. */
const REBUILD_BATCH = 1000;

/**
 * Rebuilds the index from the ideas and experiments: refolds every search text (after a change of
 * the folding or of the fields searched), then rebuilds the indexes themselves. Returns the counts.
 */
export async function rebuildSearchIndex(db: Db = prisma) {
  let ideas = 0;
  for (let cursor = 0; ;) {
    const batch = await db.idea.findMany({
      where: { id: { gt: cursor } },
      orderBy: { id: "asc" },
      take: REBUILD_BATCH,
      select: { id: true, title: true, summary: true, problem: true, solution: true, usersAffected: true },
    });
    if (batch.length === 0) break;
    await db.$transaction(batch.map((idea) => db.idea.update({ where: { id: idea.id }, data: { searchText: searchTextOf(idea) }, select: { id: true } })));
    ideas += batch.length;
    cursor = batch[batch.length - 1].id;
  }
  let experiments = 0;
  for (let cursor = 0; ;) {
    const batch = await db.experiment.findMany({
      where: { id: { gt: cursor } },
      orderBy: { id: "asc" },
      take: REBUILD_BATCH,
      select: { id: true, hypothesis: true, method: true, observed: true, learned: true, idea: { select: { title: true } } },
    });
    if (batch.length === 0) break;
    await db.$transaction(
      batch.map((e) => db.experiment.update({ where: { id: e.id }, data: { searchText: experimentSearchText(e.idea.title, e) }, select: { id: true } })),
    );
    experiments += batch.length;
    cursor = batch[batch.length - 1].id;
  }
  if (!onPostgres()) {
    // The triggers kept the indexes in step with every refolded row; a rebuild also repairs an index that drifted.
    for (const table of ["IdeaWords", "ExperimentWords"]) await db.$executeRawUnsafe(`INSERT INTO "${table}"("${table}") VALUES ('rebuild')`);
  }
  return { ideas, experiments };
}
