// Read models for the idea pages: one query per page section, never a whole table.
import { Prisma } from "~/generated/prisma/client";
import type { IdeaStatus, StageKind } from "~/generated/prisma/enums";
import { cardsOf } from "~/modules/experiment/cards";
import { mayRecordExperiments } from "~/modules/experiment/rights";
import { requirePermission, type SessionUser } from "~/utils/auth.server";
import { prisma } from "~/utils/db.server";
import { invariantResponse } from "~/utils/http.server";
import { type Locale, localName } from "~/utils/i18n";
import { compareNames } from "~/utils/format";
import { can } from "~/utils/permissions";
import { dropUnknown, formValues, pageOf, pages, parseFilters } from "~/utils/query";
import { searchStems } from "~/utils/text";
import { briefOf, isBriefStep, type BriefStep } from "./brief";
import { mergePartner, undoableDecline, undoableMerges } from "./events";
import { IdeaFiltersSchema, type IdeaFilters } from "./idea.schema";
import { PAGE_SIZE, visibleTo } from "./idea.server";
import { ideaTextQuery, rankedPage } from "./search.server";
import { mayComment, mayEdit, maySupport, mayWithdraw } from "./rights";

type ListRow = {
  id: number;
  title: string;
  language: string;
  summary: string;
  status: string;
  lastActivityAt: Date | string;
  returnQuestion: string | null;
  institutionLv: string;
  institutionEn: string;
  stageKey: string | null;
  stageLv: string | null;
  stageEn: string | null;
  stageKind: string | null;
  supports: number | bigint;
};

/**
 * The list items of these ideas, in the order of `ids`: two statements, whatever the page's size.
 * The rows come with their institution and stage joined on their keys and their support count as
 * one index search each (SQL that both engines read: Prisma's query API sent six statements here,
 * and its cost per statement was most of the list's time; a `_count` in its select counted every
 * support of the table); the principle keys come in the second.
 */
export async function listItems(ids: number[], locale: Locale) {
  if (ids.length === 0) return [];
  const [rows, principles] = await Promise.all([
    prisma.$queryRaw<ListRow[]>`
      SELECT i."id", i."title", i."language", i."summary", i."status", i."lastActivityAt", i."returnQuestion",
        inst."nameLv" AS "institutionLv", inst."nameEn" AS "institutionEn",
        st."key" AS "stageKey", st."nameLv" AS "stageLv", st."nameEn" AS "stageEn", st."kind" AS "stageKind",
        (SELECT COUNT(*) FROM "Support" s WHERE s."ideaId" = i."id") AS "supports"
      FROM "Idea" i JOIN "Institution" inst ON inst."id" = i."institutionId" LEFT JOIN "Stage" st ON st."id" = i."stageId"
      WHERE i."id" IN (${Prisma.join(ids)})`,
    principleKeys(ids),
  ]);
  const byId = new Map(rows.map((row) => [Number(row.id), row]));
  return ids.flatMap((id) => {
    const row = byId.get(id);
    return row ? [toListItem(row, principles.get(id) ?? [], locale)] : [];
  });
}

export const principlesQuery = (ids: number[]) =>
  Prisma.sql`SELECT ip."ideaId", p."key" FROM "IdeaPrinciple" ip JOIN "Principle" p ON p."id" = ip."principleId" WHERE ip."ideaId" IN (${Prisma.join(ids)}) ORDER BY p."position"`;

/** The principle keys of these ideas, in the principles' order (one statement; the list and the board). */
export async function principleKeys(ids: number[]): Promise<Map<number, string[]>> {
  const keys = new Map<number, string[]>();
  if (ids.length === 0) return keys;
  const rows = await prisma.$queryRaw<{ ideaId: number; key: string }[]>(principlesQuery(ids));
  for (const row of rows) {
    const list = keys.get(Number(row.ideaId));
    if (list) list.push(row.key);
    else keys.set(Number(row.ideaId), [row.key]);
  }
  return keys;
}

function toListItem(row: ListRow, principles: string[], locale: Locale) {
  const stage = row.stageKey
    ? { key: row.stageKey, name: localName(locale, { nameLv: row.stageLv!, nameEn: row.stageEn! }), kind: row.stageKind as StageKind }
    : null;
  return {
    id: Number(row.id),
    title: row.title,
    language: row.language as Locale,
    summary: row.summary,
    status: row.status as IdeaStatus,
    lastActivityAt: new Date(row.lastActivityAt).toISOString(),
    institution: localName(locale, { nameLv: row.institutionLv, nameEn: row.institutionEn }),
    stage,
    principles,
    supports: Number(row.supports),
    waitingOnAuthor: row.status === "NEEDS_INFO" ? row.returnQuestion : null,
  };
}
export type IdeaListItem = ReturnType<typeof toListItem>;

/** Reads /ideas filters from the URL; unknown values are named in `invalid` and ignored. */
export function parseIdeaFilters(params: URLSearchParams, known: { stages: { key: string }[]; institutions: { id: number }[] }) {
  const { filters, invalid } = parseFilters(IdeaFiltersSchema, params);
  dropUnknown(filters, invalid, "stage", (key: string) => known.stages.some((s) => s.key === key));
  dropUnknown(filters, invalid, "institution", (id: number) => known.institutions.some((i) => i.id === id));
  const { page: _page, ...shown } = filters;
  return { filters: filters as IdeaFilters, values: formValues(shown), invalid };
}

/**
 * The ideas /ideas shows for these filters, as one SQL condition over "Idea" i (never drafts); the
 * list, its exports and the board read their filters this way. Values are bound, never spliced.
 */
export function ideaListFilter(filters: Omit<IdeaFilters, "q" | "page">): Prisma.Sql {
  const parts = [filters.status ? Prisma.sql`i."status" = ${filters.status}` : Prisma.sql`i."status" <> 'DRAFT'`];
  if (filters.stage) parts.push(Prisma.sql`i."stageId" = (SELECT s."id" FROM "Stage" s WHERE s."key" = ${filters.stage})`);
  parts.push(...ideaConditions(filters));
  return Prisma.join(parts, " AND ");
}

/** The conditions the idea list and the board share: institution and principle. */
export function ideaConditions(filters: { institution?: number; principle?: string }): Prisma.Sql[] {
  const parts: Prisma.Sql[] = [];
  if (filters.institution) parts.push(Prisma.sql`i."institutionId" = ${filters.institution}`);
  if (filters.principle)
    parts.push(
      // The principle's id is looked up once (a constant subquery), then each idea is one primary-key search.
      Prisma.sql`EXISTS (SELECT 1 FROM "IdeaPrinciple" ip WHERE ip."ideaId" = i."id" AND ip."principleId" = (SELECT p."id" FROM "Principle" p WHERE p."key" = ${filters.principle}))`,
    );
  return parts;
}

/**
 * The ids of the ideas under the filters, in the list's order: with a query, the best matches first
 * (of the newest RANKED_WINDOW that match: search.server.ts; `more` says there were more); without
 * one, the newest activity first; and how many there are. `afterId` pages by id instead (the exports).
 */
export async function matchingIdeaIds(filters: IdeaFilters, page: { skip: number; take: number; afterId?: number; count?: boolean }) {
  const text = await ideaTextQuery(filters.q);
  const conditions = [ideaListFilter(filters), ...(text ? [text.where] : [])];
  if (page.afterId !== undefined) conditions.push(Prisma.sql`i."id" > ${page.afterId}`);
  const where = Prisma.join(conditions, " AND ");
  const from = text?.from ?? Prisma.sql`"Idea" i`;
  if (text && page.afterId === undefined) {
    const ranked = await rankedPage<{ id: number }>(text, where, {
      ...page,
      select: Prisma.sql`i."id", i."lastActivityAt"`,
      tiebreak: Prisma.sql`w."lastActivityAt" DESC, w."id" DESC`,
    });
    return { ids: ranked.rows.map((r) => Number(r.id)), total: ranked.total, more: ranked.more };
  }
  const order = page.afterId !== undefined ? Prisma.sql`i."id"` : Prisma.sql`i."lastActivityAt" DESC, i."id" DESC`;
  const [rows, counted] = await Promise.all([
    prisma.$queryRaw<{ id: number }[]>`SELECT i."id" FROM ${from} WHERE ${where} ORDER BY ${order} LIMIT ${page.take} OFFSET ${page.skip}`,
    page.count === false ? Promise.resolve(null) : prisma.$queryRaw<{ n: number | bigint }[]>`SELECT COUNT(*) AS "n" FROM ${from} WHERE ${where}`,
  ]);
  return { ids: rows.map((r) => Number(r.id)), total: counted ? Number(counted[0].n) : 0, more: false };
}

/** /ideas: every non-draft idea, filtered, the best matches or the newest activity first, 25 a page. */
export async function listIdeas(user: SessionUser, filters: IdeaFilters, locale: Locale) {
  requirePermission(user, "idea:read");
  const { skip, take, current } = pageOf(filters.page, PAGE_SIZE);
  const { ids, total, more } = await matchingIdeaIds(filters, { skip, take });
  return { items: await listItems(ids, locale), total, page: current, pages: pages(total, PAGE_SIZE), more, stems: searchStems(filters.q) };
}

/** /ideas/mine: the author's own ideas in every status, with what is waiting on them. */
export async function listMyIdeas(user: SessionUser, page: number | undefined, locale: Locale) {
  requirePermission(user, "idea:create");
  const where: Prisma.IdeaWhereInput = { authorId: user.id };
  const { skip, take, current } = pageOf(page, PAGE_SIZE);
  const [rows, total, waiting] = await Promise.all([
    prisma.idea.findMany({
      where,
      select: { id: true },
      // Newest activity first: an idea returned with a question has just had some (the page also counts them above the list).
      orderBy: [{ lastActivityAt: "desc" }, { id: "desc" }],
      skip,
      take,
    }),
    prisma.idea.count({ where }),
    prisma.idea.count({ where: { authorId: user.id, status: "NEEDS_INFO" } }),
  ]);
  return {
    items: await listItems(
      rows.map((r) => r.id),
      locale,
    ),
    total,
    waiting,
    page: current,
    pages: pages(total, PAGE_SIZE),
  };
}

type OptionRow = {
  kind: "stage" | "institution" | "principle";
  id: number;
  key: string | null;
  nameLv: string;
  nameEn: string;
  helpLv: string | null;
  helpEn: string | null;
  active: boolean | number | null;
};

/**
 * What the filter controls offer: stages, institutions and principles in the user's language. One
 * statement (most pages read these): the stages and principles in their order, the institutions
 * in the language's alphabetical order.
 */
export async function getFilterOptions(locale: Locale) {
  const rows = await prisma.$queryRaw<OptionRow[]>`
    SELECT 'stage' AS "kind", s."id", s."key", s."nameLv", s."nameEn", NULL AS "helpLv", NULL AS "helpEn", NULL AS "active", s."position"
      FROM "Stage" s WHERE s."archivedAt" IS NULL
    UNION ALL
    SELECT 'institution', inst."id", NULL, inst."nameLv", inst."nameEn", NULL, NULL, inst."active", 0 FROM "Institution" inst
    UNION ALL
    SELECT 'principle', p."id", p."key", p."titleLv", p."titleEn", p."helpLv", p."helpEn", NULL, p."position" FROM "Principle" p
    ORDER BY 1, 9`;
  const of = (kind: OptionRow["kind"]) => rows.filter((r) => r.kind === kind);
  return {
    stages: of("stage").map((s) => ({ key: s.key!, name: localName(locale, s) })),
    institutions: of("institution")
      .map((i) => ({ id: Number(i.id), name: localName(locale, i), active: !!i.active }))
      .sort((a, b) => compareNames(locale, a.name, b.name)),
    principles: of("principle").map((p) => ({ key: p.key!, title: localName(locale, p), help: localName(locale, { nameLv: p.helpLv!, nameEn: p.helpEn! }) })),
  };
}

/** Everything the idea page shows; 404 for a draft that is not the user's, or an unknown id. */
export async function getIdeaPage(user: SessionUser, id: number, locale: Locale) {
  const readInternal = can(user, "comment:read-internal");
  // The supporters are counted on their own: a `_count` in the include made Prisma count every
  // support of the table (45 ms at 100,000 ideas) and pick this idea's count from that.
  const [idea, supports] = await Promise.all([
    prisma.idea.findFirst({
      where: { id, ...visibleTo(user) },
      include: {
        institution: { select: { nameLv: true, nameEn: true } },
        author: { select: { id: true, name: true, institution: { select: { nameLv: true, nameEn: true } } } },
        assignee: { select: { id: true, name: true } },
        stage: { select: { key: true, nameLv: true, nameEn: true, kind: true } },
        principles: { include: { principle: true }, orderBy: { principle: { position: "asc" } } },
        experiments: { orderBy: { createdAt: "asc" } },
        supports: { where: { userId: user.id }, select: { userId: true } },
        comments: {
          where: { deletedAt: null, ...(readInternal ? {} : { internal: false }) },
          orderBy: { createdAt: "asc" },
          take: 500,
          include: { author: { select: { id: true, name: true, role: true } } },
        },
        events: {
          // Internal notes leave no trace in the timeline for those who may not read them.
          where: readInternal ? {} : { internal: false },
          orderBy: [{ createdAt: "asc" }, { id: "asc" }],
          take: 500,
          include: {
            actor: { select: { name: true } },
            fromStage: { select: { nameLv: true, nameEn: true } },
            toStage: { select: { nameLv: true, nameEn: true } },
          },
        },
      },
    }),
    prisma.support.count({ where: { ideaId: id } }),
  ]);
  invariantResponse(idea && (idea.status === "DRAFT" || can(user, "idea:read")), 404);
  const undoable = can(user, "idea:triage") ? undoableDecline(idea.status, idea.events) : null;
  const merges = await mergesOf(user, idea, readInternal);
  const undoableMerge = can(user, "idea:triage")
    ? undoableMerges(
        idea.status,
        idea.events,
        merges.mergedIdeas.map((m) => m.id),
      )
    : new Set<number>();
  return {
    id: idea.id,
    version: idea.version,
    title: idea.title,
    language: idea.language,
    brief: briefOf(idea),
    status: idea.status,
    stage: idea.stage ? { key: idea.stage.key, name: localName(locale, idea.stage), kind: idea.stage.kind } : null,
    institution: localName(locale, idea.institution),
    author: { id: idea.author.id, name: idea.author.name, institution: localName(locale, idea.author.institution) },
    assignee: idea.assignee,
    principles: idea.principles.map((p) => ({ key: p.principle.key, title: localName(locale, p.principle, "title"), confirmed: p.confirmed })),
    returnQuestion: idea.status === "NEEDS_INFO" ? idea.returnQuestion : null,
    declineReason: idea.status === "DECLINED" ? idea.declineReason : null,
    closingNote: idea.closingNote,
    // The idea this one was merged into (its page's banner), and the ideas merged into this one.
    mergedInto: idea.status === "MERGED" && idea.mergedIntoId ? (merges.related.get(idea.mergedIntoId) ?? null) : null,
    mergedIdeas: merges.mergedIdeas,
    createdAt: idea.createdAt.toISOString(),
    submittedAt: idea.submittedAt?.toISOString() ?? null,
    supports,
    supportedByMe: idea.supports.length > 0,
    experiments: idea.experiments.map(experimentCards),
    comments: idea.comments.map((c) => ({
      id: c.id,
      body: c.body,
      internal: c.internal,
      createdAt: c.createdAt.toISOString(),
      author: { id: c.author.id, name: c.author.name, role: c.author.role },
      mine: c.author.id === user.id,
    })),
    events: idea.events.map((e) => ({
      // A facilitator may take the decline back from the history while the idea has not moved since,
      // and a merge into this idea while the idea merged is still merged here.
      undoable: e.id === undoable,
      undoableMerge: undoableMerge.has(e.id),
      id: e.id,
      type: e.type,
      // The same event type reads differently on the idea a merge was taken back from.
      text: e.type === "MERGE_UNDONE" && e.toStageId === null ? "MERGE_UNDONE_IN" : e.type,
      // The other idea of a merge event.
      related: MERGE_EVENTS.includes(e.type) ? (merges.related.get(mergePartner(e.data) ?? 0) ?? null) : null,
      at: e.createdAt.toISOString(),
      actor: e.actor?.name ?? null,
      from: e.fromStage ? localName(locale, e.fromStage) : null,
      to: e.toStage ? localName(locale, e.toStage) : null,
      toStatus: e.toStatus,
    })),
    can: {
      edit: mayEdit(user, idea),
      withdraw: mayWithdraw(user, idea),
      support: maySupport(user, idea),
      comment: mayComment(user, idea),
      internalNote: mayComment(user, idea, true),
      manage: idea.status !== "DRAFT" && idea.status !== "WITHDRAWN" && idea.status !== "MERGED" && can(user, "idea:move"),
      experiments: mayRecordExperiments(user, idea),
    },
  };
}
export type IdeaPageData = Awaited<ReturnType<typeof getIdeaPage>>;

const MERGE_EVENTS: readonly string[] = ["MERGED", "MERGED_IN", "MERGE_UNDONE"];

/**
 * The ideas an idea's merges name: the one it was merged into, those its merge events name, and the
 * ideas merged into it now, with their comment counts (as this person may read the comments).
 */
async function mergesOf(
  user: SessionUser,
  idea: { id: number; mergedIntoId: number | null; events: { type: string; data: string | null }[] },
  readInternal: boolean,
) {
  const partners = idea.events.filter((e) => MERGE_EVENTS.includes(e.type)).map((e) => mergePartner(e.data));
  const ids = [...new Set([idea.mergedIntoId, ...partners].filter((id): id is number => id !== null))];
  const [rows, merged] = await Promise.all([
    ids.length ? prisma.idea.findMany({ where: { id: { in: ids }, ...visibleTo(user) }, select: { id: true, title: true, language: true } }) : [],
    prisma.idea.findMany({
      where: { mergedIntoId: idea.id, status: "MERGED" },
      orderBy: { id: "asc" },
      take: 200,
      select: { id: true, title: true, language: true },
    }),
  ]);
  const counts = merged.length
    ? await prisma.comment.groupBy({
        by: ["ideaId"],
        where: { ideaId: { in: merged.map((m) => m.id) }, deletedAt: null, ...(readInternal ? {} : { internal: false }) },
        _count: { _all: true },
      })
    : [];
  const comments = new Map(counts.map((c) => [c.ideaId, c._count._all]));
  return {
    related: new Map(rows.map((r) => [r.id, r])),
    mergedIdeas: merged.map((m) => ({ ...m, comments: comments.get(m.id) ?? 0 })),
  };
}

/** An experiment's two cards as the idea page shows them. */
function experimentCards(e: Prisma.ExperimentGetPayload<object>) {
  return { id: e.id, ...cardsOf(e, (d) => d?.toISOString() ?? null) };
}
export type ExperimentCards = ReturnType<typeof experimentCards>;

/** The edit page: the idea its author may edit now (a draft or one returned with a question), or 404/403. */
export async function getEditableIdea(user: SessionUser, id: number) {
  const idea = await prisma.idea.findFirst({
    where: { id, ...visibleTo(user) },
    include: { principles: { include: { principle: { select: { key: true } } } } },
  });
  invariantResponse(idea, 404);
  invariantResponse(mayEdit(user, idea), 403);
  return {
    title: idea.title,
    status: idea.status,
    language: idea.language,
    returnQuestion: idea.status === "NEEDS_INFO" ? idea.returnQuestion : null,
    defaults: {
      id: idea.id,
      version: idea.version,
      title: idea.title,
      ...briefOf(idea),
      principles: idea.principles.map((p) => p.principle.key),
      institutionId: idea.institutionId,
      language: idea.language,
    },
  };
}

/**
 * The step the brief opens on for editing: for an idea returned with a question, the step the
 * question is about (the latest RETURNED event's data.step, when the facilitator chose one);
 * otherwise the first.
 */
export async function openingStep(user: SessionUser, id: number): Promise<BriefStep> {
  const idea = await getEditableIdea(user, id);
  if (idea.status !== "NEEDS_INFO") return "need";
  const returned = await prisma.event.findFirst({
    where: { ideaId: id, type: "RETURNED" },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: { data: true },
  });
  const step = readStep(returned?.data);
  return step ?? "need";
}

function readStep(data: string | null | undefined): BriefStep | null {
  if (!data) return null;
  try {
    const parsed: unknown = JSON.parse(data);
    const step = parsed && typeof parsed === "object" ? (parsed as { step?: unknown }).step : undefined;
    return isBriefStep(step) ? step : null;
  } catch {
    return null;
  }
}
