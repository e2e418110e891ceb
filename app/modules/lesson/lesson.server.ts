// The lessons library: completed experiments and closed ideas, failures as plainly as successes.
import type { Prisma } from "~/generated/prisma/client";
import { requirePermission, type SessionUser } from "~/utils/auth.server";
import { prisma } from "~/utils/db.server";
import { type Locale, localName } from "~/utils/i18n";
import { matchesWords } from "~/utils/text";
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
    AND: matchesWords(filters.q),
  };
  // Experiment-only filters leave closed ideas out.
  const withIdeas = !filters.method && !filters.result && !filters.decision;
  const ideaWhere: Prisma.IdeaWhereInput = {
    ...ideaScope,
    stage: { kind: { in: ["CLOSED_SUCCESS", "CLOSED_STOPPED"] } },
    closedAt: { not: null },
    AND: matchesWords(filters.q),
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

  // The page is found from ids and dates alone (the two lists merge by date); only its 25 entries
  // are then read in full.
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
  const onPage = [
    ...experimentKeys.map((e) => ({ key: `e${e.id}`, date: (e.completedAt ?? e.updatedAt).toISOString() })),
    ...ideaKeys.map((i) => ({ key: `i${i.id}`, date: i.closedAt!.toISOString() })),
  ]
    .sort(newestFirst)
    .slice(depth - LESSONS_PAGE, depth);
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
  ].sort(newestFirst);
  const total = experimentCount + ideaCount;
  return { entries, total, page, pages: pages(total, LESSONS_PAGE) };
}
export type LessonEntry = Awaited<ReturnType<typeof listLessons>>["entries"][number];
