// The lessons library: completed experiments and closed ideas, failures as plainly as successes.
import { Prisma } from "~/generated/prisma/client";
import { ideaConditions } from "~/modules/idea/idea-queries.server";
import { experimentTextQuery, ideaTextQuery, rankedPage, type TextQuery } from "~/modules/idea/search.server";
import { requirePermission, type SessionUser } from "~/utils/auth.server";
import { prisma } from "~/utils/db.server";
import { type Locale, localName } from "~/utils/i18n";
import { searchStems } from "~/utils/text";
import { dropUnknown, pages, parseFilters } from "~/utils/query";
import { LessonFiltersSchema, type LessonFilters } from "./lesson.schema";

export const LESSONS_PAGE = 25;

export function parseLessonFilters(params: URLSearchParams, known: { institutions: { id: number }[] }) {
  const { filters, invalid } = parseFilters(LessonFiltersSchema, params);
  dropUnknown(filters, invalid, "institution", (id: number) => known.institutions.some((i) => i.id === id));
  return { filters: filters as LessonFilters, invalid };
}

/** Newest first; on the same date, by key (experiments before ideas, then by id as text). */
const newestFirst = (a: { date: string; key: string }, b: { date: string; key: string }) =>
  a.date < b.date ? 1 : a.date > b.date ? -1 : a.key.localeCompare(b.key);

export async function listLessons(user: SessionUser, filters: LessonFilters, locale: Locale) {
  requirePermission(user, "lessons:view");
  const page = filters.page ?? 1;
  const depth = page * LESSONS_PAGE;
  const ideaScope: Prisma.IdeaWhereInput = { status: "ACTIVE" };
  if (filters.institution) ideaScope.institutionId = filters.institution;
  if (filters.principle) ideaScope.principles = { some: { principle: { key: filters.principle } } };

  const experimentWhere: Prisma.ExperimentWhereInput = {
    status: "COMPLETED",
    idea: ideaScope,
    ...(filters.method ? { methodType: filters.method } : {}),
    ...(filters.result ? { result: filters.result } : {}),
    ...(filters.decision ? { decision: filters.decision } : {}),
  };
  // Experiment-only filters leave closed ideas out.
  const withIdeas = !filters.method && !filters.result && !filters.decision;
  const ideaWhere: Prisma.IdeaWhereInput = {
    ...ideaScope,
    stage: { kind: { in: ["CLOSED_SUCCESS", "CLOSED_STOPPED"] } },
    closedAt: { not: null },
  };
  const name = (r: { nameLv: string; nameEn: string }) => localName(locale, r);
  const principleKeys = (rows: { principle: { key: string; position: number } }[]) =>
    rows
      .map((r) => r.principle)
      .sort((a, b) => a.position - b.position)
      .map((p) => p.key);
  const ideaSelect = {
    id: true,
    title: true,
    language: true,
    institution: { select: { nameLv: true, nameEn: true } },
    principles: { select: { principle: { select: { key: true, position: true } } } },
  } satisfies Prisma.IdeaSelect;

  // The page is found from ids and dates (or relevance) alone (the two lists merge by them); only
  // its 25 entries are then read in full.
  const found =
    filters.q && searchStems(filters.q).length ? await rankedKeys(filters, depth, withIdeas) : await datedKeys(experimentWhere, ideaWhere, depth, withIdeas);
  const { experimentCount, ideaCount, more } = found;
  const onPage = found.keys.slice(depth - LESSONS_PAGE, depth);
  const order = new Map(onPage.map((k, n) => [k.key, n]));
  const idsOf = (prefix: string) => onPage.filter((k) => k.key.startsWith(prefix)).map((k) => Number(k.key.slice(1)));
  const [experiments, ideas] = await Promise.all([
    prisma.experiment.findMany({
      where: { id: { in: idsOf("e") } },
      select: {
        id: true,
        hypothesis: true,
        observed: true,
        learned: true,
        methodType: true,
        result: true,
        decision: true,
        evidenceStrength: true,
        participants: true,
        completedAt: true,
        updatedAt: true,
        idea: { select: ideaSelect },
      },
    }),
    prisma.idea.findMany({
      where: { id: { in: idsOf("i") } },
      select: { ...ideaSelect, closingNote: true, closedAt: true, stage: { select: { kind: true, nameLv: true, nameEn: true } } },
    }),
  ]);
  const entries = [
    ...experiments.map((e) => ({
      kind: "experiment" as const,
      key: `e${e.id}`,
      date: (e.completedAt ?? e.updatedAt).toISOString(),
      ideaId: e.idea.id,
      ideaTitle: e.idea.title,
      ideaLanguage: e.idea.language,
      institution: name(e.idea.institution),
      principles: principleKeys(e.idea.principles),
      hypothesis: e.hypothesis,
      observed: e.observed,
      learned: e.learned,
      methodType: e.methodType,
      result: e.result,
      decision: e.decision,
      evidenceStrength: e.evidenceStrength,
      participants: e.participants,
    })),
    ...ideas.map((i) => ({
      kind: "idea" as const,
      key: `i${i.id}`,
      date: i.closedAt!.toISOString(),
      ideaId: i.id,
      ideaTitle: i.title,
      ideaLanguage: i.language,
      institution: name(i.institution),
      principles: principleKeys(i.principles),
      closingNote: i.closingNote,
      outcome: i.stage!.kind === "CLOSED_SUCCESS" ? ("implemented" as const) : ("stopped" as const),
      stage: name(i.stage!),
    })),
  ].sort((a, b) => order.get(a.key)! - order.get(b.key)!);
  const total = experimentCount + ideaCount;
  return { entries, total, page, pages: pages(total, LESSONS_PAGE), more, stems: searchStems(filters.q) };
}

type Key = { key: string; date: string };

/** Without a query: the newest first, each list by its date index. */
async function datedKeys(experimentWhere: Prisma.ExperimentWhereInput, ideaWhere: Prisma.IdeaWhereInput, depth: number, withIdeas: boolean) {
  const [experimentCount, ideaCount, experimentKeys, ideaKeys] = await Promise.all([
    prisma.experiment.count({ where: experimentWhere }),
    withIdeas ? prisma.idea.count({ where: ideaWhere }) : Promise.resolve(0),
    prisma.experiment.findMany({
      where: experimentWhere,
      orderBy: [{ completedAt: "desc" }, { id: "desc" }],
      take: depth,
      select: { id: true, completedAt: true, updatedAt: true },
    }),
    withIdeas
      ? prisma.idea.findMany({ where: ideaWhere, orderBy: [{ closedAt: "desc" }, { id: "desc" }], take: depth, select: { id: true, closedAt: true } })
      : Promise.resolve([]),
  ]);
  const keys: Key[] = [
    ...experimentKeys.map((e) => ({ key: `e${e.id}`, date: (e.completedAt ?? e.updatedAt).toISOString() })),
    ...ideaKeys.map((i) => ({ key: `i${i.id}`, date: i.closedAt!.toISOString() })),
  ].sort(newestFirst);
  return { experimentCount, ideaCount, keys, more: false };
}

/** With a query: the best matches first (the ranked index, search.server.ts), experiments and closed ideas merged by relevance. */
async function rankedKeys(filters: LessonFilters, depth: number, withIdeas: boolean) {
  const [experimentText, ideaText] = (await Promise.all([experimentTextQuery(filters.q), ideaTextQuery(filters.q)])) as [TextQuery, TextQuery];
  const scope = [Prisma.sql`i."status" = 'ACTIVE'`, ...ideaConditions(filters)];
  const experimentWhere = Prisma.join(
    [
      Prisma.sql`e."status" = 'COMPLETED'`,
      experimentText.where,
      ...scope,
      ...(filters.method ? [Prisma.sql`e."methodType" = ${filters.method}`] : []),
      ...(filters.result ? [Prisma.sql`e."result" = ${filters.result}`] : []),
      ...(filters.decision ? [Prisma.sql`e."decision" = ${filters.decision}`] : []),
    ],
    " AND ",
  );
  const ideaWhere = Prisma.join(
    [
      ...scope,
      ideaText.where,
      Prisma.sql`i."closedAt" IS NOT NULL`,
      Prisma.sql`EXISTS (SELECT 1 FROM "Stage" st WHERE st."id" = i."stageId" AND st."kind" IN ('CLOSED_SUCCESS', 'CLOSED_STOPPED'))`,
    ],
    " AND ",
  );
  type Row = { id: number; date: Date | string };
  const experimentFrom = { ...experimentText, from: Prisma.sql`${experimentText.from} JOIN "Idea" i ON i."id" = e."ideaId"` };
  const none = { rows: [] as (Row & { score: number })[], total: 0, more: false };
  const [experimentPage, ideaPage] = await Promise.all([
    rankedPage<Row>(experimentFrom, experimentWhere, {
      skip: 0,
      take: depth,
      select: Prisma.sql`e."id", COALESCE(e."completedAt", e."updatedAt") AS "date"`,
      tiebreak: Prisma.sql`w."id" DESC`,
    }),
    withIdeas
      ? rankedPage<Row>(ideaText, ideaWhere, { skip: 0, take: depth, select: Prisma.sql`i."id", i."closedAt" AS "date"`, tiebreak: Prisma.sql`w."id" DESC` })
      : none,
  ]);
  const experiments = experimentPage.rows;
  const ideas = ideaPage.rows;
  const more = experimentPage.more || ideaPage.more;
  const keys = [
    ...experiments.map((e) => ({ key: `e${Number(e.id)}`, score: Number(e.score), date: new Date(e.date).toISOString() })),
    ...ideas.map((i) => ({ key: `i${Number(i.id)}`, score: Number(i.score), date: new Date(i.date).toISOString() })),
  ].sort((a, b) => b.score - a.score || newestFirst(a, b));
  return { experimentCount: experimentPage.total, ideaCount: ideaPage.total, keys, more };
}
export type LessonEntry = Awaited<ReturnType<typeof listLessons>>["entries"][number];
