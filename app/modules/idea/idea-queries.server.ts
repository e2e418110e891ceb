// Read models for the idea pages: one query per page section, never a whole table.
import type { Prisma } from "~/generated/prisma/client";
import type { SessionUser } from "~/utils/auth.server";
import { prisma } from "~/utils/db.server";
import { httpError } from "~/utils/http.server";
import { type Locale, localName } from "~/utils/i18n";
import { can } from "~/utils/permissions";
import { foldForSearch } from "~/utils/text";
import type { IdeaFilters } from "./idea.schema";
import { PAGE_SIZE, visibleTo } from "./idea.server";
import { mayRecordExperiments } from "~/modules/experiment/experiment.server";
import { mayEdit, maySupport, mayWithdraw } from "./rights";


const listSelect = {
  id: true,
  title: true,
  summary: true,
  status: true,
  lastActivityAt: true,
  returnQuestion: true,
  institution: { select: { nameLv: true, nameEn: true } },
  stage: { select: { key: true, nameLv: true, nameEn: true, kind: true } },
  principles: { select: { principle: { select: { key: true, position: true } } } },
  _count: { select: { supports: true } },
} satisfies Prisma.IdeaSelect;

type ListRow = Prisma.IdeaGetPayload<{ select: typeof listSelect }>;

function toListItem(row: ListRow, locale: Locale) {
  return {
    id: row.id,
    title: row.title,
    summary: row.summary,
    status: row.status,
    lastActivityAt: row.lastActivityAt.toISOString(),
    institution: localName(locale, row.institution),
    stage: row.stage ? { key: row.stage.key, name: localName(locale, row.stage), kind: row.stage.kind } : null,
    principles: row.principles.map((p) => p.principle).sort((a, b) => a.position - b.position).map((p) => p.key),
    supports: row._count.supports,
    waitingOnAuthor: row.status === "NEEDS_INFO" ? row.returnQuestion : null,
  };
}
export type IdeaListItem = ReturnType<typeof toListItem>;

function pageOf(page: number | undefined) {
  const current = page ?? 1;
  return { skip: (current - 1) * PAGE_SIZE, take: PAGE_SIZE, current };
}

/** The ideas /ideas shows for these filters: never drafts. */
export function ideaListWhere(filters: IdeaFilters): Prisma.IdeaWhereInput {
  const where: Prisma.IdeaWhereInput = { status: filters.status ?? { not: "DRAFT" } };
  if (filters.stage) where.stage = { key: filters.stage };
  if (filters.institution) where.institutionId = filters.institution;
  if (filters.principle) where.principles = { some: { principle: { key: filters.principle } } };
  const q = filters.q ? foldForSearch(filters.q) : "";
  if (q) where.AND = q.split(/\s+/).filter(Boolean).slice(0, 8).map((word) => ({ searchText: { contains: word } }));
  return where;
}

/** /ideas: every non-draft idea, filtered, newest activity first, 25 a page. */
export async function listIdeas(user: SessionUser, filters: IdeaFilters, locale: Locale) {
  if (!can(user, "idea:read")) httpError(403);
  const where = ideaListWhere(filters);
  const { skip, take, current } = pageOf(filters.page);
  const [rows, total] = await Promise.all([
    prisma.idea.findMany({ where, select: listSelect, orderBy: [{ lastActivityAt: "desc" }, { id: "desc" }], skip, take }),
    prisma.idea.count({ where }),
  ]);
  return { items: rows.map((r) => toListItem(r, locale)), total, page: current, pages: Math.max(1, Math.ceil(total / PAGE_SIZE)) };
}

/** /ideas/mine: the author's own ideas in every status, with what is waiting on them. */
export async function listMyIdeas(user: SessionUser, page: number | undefined, locale: Locale) {
  if (!can(user, "idea:create")) httpError(403);
  const where: Prisma.IdeaWhereInput = { authorId: user.id };
  const { skip, take, current } = pageOf(page);
  const [rows, total, waiting] = await Promise.all([
    prisma.idea.findMany({
      where,
      select: listSelect,
      // Newest activity first: an idea returned with a question has just had some (the page also counts them above the list).
      orderBy: [{ lastActivityAt: "desc" }, { id: "desc" }],
      skip,
      take,
    }),
    prisma.idea.count({ where }),
    prisma.idea.count({ where: { authorId: user.id, status: "NEEDS_INFO" } }),
  ]);
  return { items: rows.map((r) => toListItem(r, locale)), total, waiting, page: current, pages: Math.max(1, Math.ceil(total / PAGE_SIZE)) };
}

/** What the filter controls offer: stages, institutions and principles in the user's language. */
export async function getFilterOptions(locale: Locale) {
  const [stages, institutions, principles] = await Promise.all([
    prisma.stage.findMany({ where: { archivedAt: null }, orderBy: { position: "asc" }, select: { key: true, nameLv: true, nameEn: true } }),
    prisma.institution.findMany({ select: { id: true, nameLv: true, nameEn: true, active: true } }),
    prisma.principle.findMany({ orderBy: { position: "asc" } }),
  ]);
  return {
    stages: stages.map((s) => ({ key: s.key, name: localName(locale, s) })),
    institutions: institutions
      .map((i) => ({ id: i.id, name: localName(locale, i), active: i.active }))
      .sort((a, b) => a.name.localeCompare(b.name, locale)),
    principles: principles.map((p) => ({
      key: p.key,
      title: locale === "en" ? p.titleEn : p.titleLv,
      help: locale === "en" ? p.helpEn : p.helpLv,
    })),
  };
}

/** Everything the idea page shows; 404 for a draft that is not the user's, or an unknown id. */
export async function getIdeaPage(user: SessionUser, id: number, locale: Locale) {
  const readInternal = can(user, "comment:read-internal");
  const idea = await prisma.idea.findFirst({
    where: { id, ...visibleTo(user) },
    include: {
      institution: { select: { nameLv: true, nameEn: true } },
      author: { select: { id: true, name: true, institution: { select: { nameLv: true, nameEn: true } } } },
      assignee: { select: { id: true, name: true } },
      stage: { select: { key: true, nameLv: true, nameEn: true, kind: true } },
      principles: { include: { principle: true }, orderBy: { principle: { position: "asc" } } },
      experiments: { orderBy: { createdAt: "asc" } },
      _count: { select: { supports: true } },
      supports: { where: { userId: user.id }, select: { userId: true } },
      comments: {
        where: { deletedAt: null, ...(readInternal ? {} : { internal: false }) },
        orderBy: { createdAt: "asc" },
        take: 500,
        include: { author: { select: { id: true, name: true, role: true } } },
      },
      events: {
        // Internal notes leave no trace in the timeline for those who may not read them.
        where: readInternal ? {} : { NOT: { type: "COMMENTED", data: { contains: '"internal":true' } } },
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        take: 500,
        include: {
          actor: { select: { name: true } },
          fromStage: { select: { nameLv: true, nameEn: true } },
          toStage: { select: { nameLv: true, nameEn: true } },
        },
      },
    },
  });
  if (!idea) httpError(404);
  if (idea.status !== "DRAFT" && !can(user, "idea:read")) httpError(404);
  return {
    id: idea.id,
    version: idea.version,
    title: idea.title,
    brief: {
      summary: idea.summary,
      usersAffected: idea.usersAffected,
      problem: idea.problem,
      evidence: idea.evidence,
      usersTalkedTo: idea.usersTalkedTo,
      solution: idea.solution,
      expectedValue: idea.expectedValue,
      firstTest: idea.firstTest,
      partners: idea.partners,
    },
    status: idea.status,
    stage: idea.stage ? { key: idea.stage.key, name: localName(locale, idea.stage), kind: idea.stage.kind } : null,
    institution: localName(locale, idea.institution),
    author: { id: idea.author.id, name: idea.author.name, institution: localName(locale, idea.author.institution) },
    assignee: idea.assignee,
    principles: idea.principles.map((p) => ({
      key: p.principle.key,
      title: locale === "en" ? p.principle.titleEn : p.principle.titleLv,
      confirmed: p.confirmed,
    })),
    returnQuestion: idea.status === "NEEDS_INFO" ? idea.returnQuestion : null,
    declineReason: idea.status === "DECLINED" ? idea.declineReason : null,
    closingNote: idea.closingNote,
    createdAt: idea.createdAt.toISOString(),
    submittedAt: idea.submittedAt?.toISOString() ?? null,
    supports: idea._count.supports,
    supportedByMe: idea.supports.length > 0,
    experiments: idea.experiments.map((e) => ({
      id: e.id,
      hypothesis: e.hypothesis,
      method: e.method,
      methodType: e.methodType,
      metric: e.metric,
      successCriterion: e.successCriterion,
      participants: e.participants,
      status: e.status,
      startsOn: e.startsOn?.toISOString() ?? null,
      endsOn: e.endsOn?.toISOString() ?? null,
      observed: e.observed,
      learned: e.learned,
      result: e.result,
      evidenceStrength: e.evidenceStrength,
      decision: e.decision,
    })),
    comments: idea.comments.map((c) => ({
      id: c.id,
      body: c.body,
      internal: c.internal,
      createdAt: c.createdAt.toISOString(),
      author: { id: c.author.id, name: c.author.name, role: c.author.role },
      mine: c.author.id === user.id,
    })),
    events: idea.events.map((e) => ({
      id: e.id,
      type: e.type,
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
      comment: idea.status !== "DRAFT" && can(user, "comment:create"),
      internalNote: idea.status !== "DRAFT" && can(user, "comment:internal"),
      manage: idea.status !== "DRAFT" && idea.status !== "WITHDRAWN" && can(user, "idea:move"),
      experiments: mayRecordExperiments(user, idea),
    },
  };
}
export type IdeaPageData = Awaited<ReturnType<typeof getIdeaPage>>;
