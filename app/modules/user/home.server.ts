// The home page: what waits for the person, by what their role lets them do. A submitter sees their
// drafts, their ideas returned with a question and the news about their ideas since they last
// marked it seen; a facilitator the ideas waiting for triage, those assigned to them and the stale
// ones; a manager the headline figures and the week's changes; an administrator the last two.
// Every list is at most HOME_LIST long, with its total, and the page links to the full list.
// All the lists are read in one round (Promise.all); the stages (a few rows) are read in it too, and
// the lists that need their ids are chained on that read alone.
import { command } from "~/core/command.server";
import { ok } from "~/core/result";
import { Prisma } from "~/generated/prisma/client";
import type { EventType } from "~/generated/prisma/enums";
import { getHeadline } from "~/modules/dashboard/dashboard.server";
import { dashboardFigures } from "~/modules/dashboard/figures.server";
import type { SessionUser } from "~/utils/auth.server";
import { prisma } from "~/utils/db.server";
import { type Locale, localName } from "~/utils/i18n";
import { can } from "~/utils/permissions";

export { HomeSeenSchema } from "./home.schema";

/** The longest a list on the home page gets; its total and a link to the full list say the rest. */
export const HOME_LIST = 10;
/** Days without an event after which an idea in a work stage is stale (as on the dashboard). */
export const STALE_DAYS = 30;
/** "What changed this week": the last seven days. */
export const WEEK_DAYS = 7;
const DAY_MS = 86_400_000;

/** What changed on a submitter's ideas that they hear about: moves, decisions, merges, comments, finished experiments (never their own doing). */
export const NEWS_TYPES = ["MOVED", "RETURNED", "DECLINED", "MERGED", "COMMENTED", "EXPERIMENT_COMPLETED"] as const satisfies EventType[];
/** The week's changes a manager sees: the ideas' way through the lab, not every comment. */
export const WEEK_TYPES = [
  "SUBMITTED",
  "RESUBMITTED",
  "MOVED",
  "RETURNED",
  "DECLINED",
  "WITHDRAWN",
  "MERGED",
  "EXPERIMENT_COMPLETED",
] as const satisfies EventType[];
/** The week's figures, each a count of one kind of event. */
export const WEEK_COUNTS = ["SUBMITTED", "MOVED", "DECLINED", "EXPERIMENT_COMPLETED"] as const satisfies EventType[];

/** Which parts of the home page the person sees, by what their role lets them do. */
export function homeSectionsFor(user: Pick<SessionUser, "role">) {
  const work = can(user, "idea:triage");
  return {
    // Their own ideas: a submitter's work (facilitators and administrators may write ideas too, but their home is the lab's work).
    mine: can(user, "idea:create") && !work,
    work,
    // The figures: managers and administrators (facilitators have the dashboard one click away, and their lists here).
    figures: can(user, "dashboard:view") && (!work || can(user, "admin:users")),
  };
}

const daysSince = (now: Date, then: Date | string | null) => (then ? Math.max(0, Math.floor((now.getTime() - new Date(then).getTime()) / DAY_MS)) : 0);

type StageRow = { id: number; key: string; nameLv: string; nameEn: string; kind: string; archivedAt: Date | null };

const changeSelect = {
  id: true,
  type: true,
  createdAt: true,
  idea: { select: { id: true, title: true, language: true } },
  actor: { select: { name: true } },
  fromStageId: true,
  toStageId: true,
} as const;
/** An event as a line of news: what happened to which idea, by whom, when. */
type ChangeRow = {
  id: number | bigint;
  type: EventType;
  createdAt: Date | string;
  ideaId: number | bigint;
  title: string;
  language: string;
  actor: string | null;
  fromStageId: number | bigint | null;
  toStageId: number | bigint | null;
};

function toChange(row: ChangeRow, stageName: (id: number | null) => string, now: Date) {
  const id = (v: number | bigint | null) => (v === null ? null : Number(v));
  return {
    id: Number(row.id),
    type: row.type,
    ideaId: Number(row.ideaId),
    title: row.title,
    language: row.language,
    actor: row.actor,
    from: stageName(id(row.fromStageId)),
    to: stageName(id(row.toStageId)),
    at: new Date(row.createdAt).toISOString(),
    days: daysSince(now, row.createdAt),
  };
}
export type HomeChange = ReturnType<typeof toChange>;

/** Everything the home page shows the person, read in one round. */
export async function getHomeData(user: SessionUser, locale: Locale, now = new Date()) {
  const show = homeSectionsFor(user);
  const stagesRead = prisma.stage.findMany({
    orderBy: { position: "asc" },
    select: { id: true, key: true, nameLv: true, nameEn: true, kind: true, archivedAt: true },
  });
  const [stages, me, mine, work, figures] = await Promise.all([
    stagesRead,
    prisma.user.findUniqueOrThrow({ where: { id: user.id }, select: { homeSeenAt: true, institution: { select: { nameLv: true, nameEn: true } } } }),
    show.mine ? mineLists(user) : null,
    show.work ? stagesRead.then((s) => workLists(user, s, now)) : null,
    show.figures ? stagesRead.then((s) => figureLists(user, s, now)) : null,
  ]);
  const names = new Map(stages.map((s) => [s.id, localName(locale, s)]));
  const stageName = (id: number | null) => (id === null ? "" : (names.get(id) ?? ""));
  const intake = stages.find((s) => s.kind === "INTAKE" && !s.archivedAt);
  return {
    institution: localName(locale, me.institution),
    loadedAt: now.getTime(),
    mine: mine && {
      drafts: {
        total: mine.drafts[1],
        items: mine.drafts[0].map((i) => ({ id: i.id, title: i.title, language: i.language, days: daysSince(now, i.updatedAt) })),
      },
      returned: {
        total: mine.returned[1],
        items: mine.returned[0].map((i) => ({
          id: i.id,
          title: i.title,
          language: i.language,
          question: i.returnQuestion ?? "",
          days: daysSince(now, i.lastActivityAt),
        })),
      },
      news: {
        since: me.homeSeenAt?.toISOString() ?? null,
        total: mine.news[1],
        items: mine.news[0].map((row) => toChange(row, stageName, now)),
      },
    },
    work: work && {
      intakeKey: intake?.key ?? null,
      triage: {
        total: work.triage[1],
        items: work.triage[0].map((i) => ({
          id: i.id,
          title: i.title,
          language: i.language,
          institution: localName(locale, i.institution),
          days: daysSince(now, i.stageEnteredAt),
        })),
      },
      assigned: {
        total: work.assigned[1],
        items: work.assigned[0].map((i) => ({
          id: i.id,
          title: i.title,
          language: i.language,
          stage: stageName(i.stageId),
          days: daysSince(now, i.stageEnteredAt),
        })),
      },
      stale: {
        total: work.stale.total,
        items: work.stale.ideas.map((i) => ({ id: i.id, title: i.title, language: i.language, stage: stageName(i.stageId), days: i.days })),
      },
    },
    figures: figures && {
      headline: figures.headline,
      week: {
        counts: Object.fromEntries(WEEK_COUNTS.map((type) => [type, figures.counts.find((c) => c.type === type)?._count._all ?? 0])) as Record<
          (typeof WEEK_COUNTS)[number],
          number
        >,
        total: figures.counts.reduce((sum, c) => sum + c._count._all, 0),
        items: figures.changes.map((row) =>
          toChange({ ...row, ideaId: row.idea.id, title: row.idea.title, language: row.idea.language, actor: row.actor?.name ?? null }, stageName, now),
        ),
      },
    },
  };
}
export type HomeData = Awaited<ReturnType<typeof getHomeData>>;

/** A submitter's drafts, their ideas returned with a question, and the news since they last marked it seen. */
async function mineLists(user: SessionUser) {
  const draft = { authorId: user.id, status: "DRAFT" } as const;
  const returned = { authorId: user.id, status: "NEEDS_INFO" } as const;
  const [drafts, draftCount, returnedRows, returnedCount, news] = await Promise.all([
    prisma.idea.findMany({
      where: draft,
      orderBy: [{ updatedAt: "desc" }, { id: "desc" }],
      take: HOME_LIST,
      select: { id: true, title: true, language: true, updatedAt: true },
    }),
    prisma.idea.count({ where: draft }),
    prisma.idea.findMany({
      where: returned,
      orderBy: [{ lastActivityAt: "asc" }, { id: "asc" }],
      take: HOME_LIST,
      select: { id: true, title: true, language: true, returnQuestion: true, lastActivityAt: true },
    }),
    prisma.idea.count({ where: returned }),
    // The ids of the person's ideas first (a list from Idea_authorId_status_idx), then their events from
    // Event_ideaId_type_createdAt_idx: a relation filter would join, and walk every event of the period instead.
    // The "seen" time is read in the statement, so the list needs no round of its own.
    prisma.$queryRaw<(ChangeRow & { total: number | bigint })[]>`
      SELECT e."id", e."type", e."createdAt", e."ideaId", i."title", i."language", a."name" AS "actor", e."fromStageId", e."toStageId", COUNT(*) OVER () AS "total"
      FROM "Event" e
      JOIN "Idea" i ON i."id" = e."ideaId"
      LEFT JOIN "User" a ON a."id" = e."actorId"
      WHERE e."ideaId" IN (SELECT x."id" FROM "Idea" x WHERE x."authorId" = ${user.id})
        AND e."type" IN (${Prisma.raw(NEWS_TYPES.map((type) => `'${type}'`).join(", "))})
        AND e."internal" = false
        AND (e."actorId" IS NULL OR e."actorId" <> ${user.id})
        AND (e."createdAt" > (SELECT u."homeSeenAt" FROM "User" u WHERE u."id" = ${user.id}) OR (SELECT u."homeSeenAt" FROM "User" u WHERE u."id" = ${user.id}) IS NULL)
      ORDER BY e."createdAt" DESC, e."id" DESC
      LIMIT ${HOME_LIST}`,
  ]);
  return { drafts: [drafts, draftCount] as const, returned: [returnedRows, returnedCount] as const, news: [news, Number(news[0]?.total ?? 0)] as const };
}

/** A facilitator's lists: waiting for triage (oldest first), assigned to them (longest in their stage first), stale. */
async function workLists(user: SessionUser, stages: StageRow[], now: Date) {
  const active = stages.filter((s) => !s.archivedAt);
  const intakeIds = active.filter((s) => s.kind === "INTAKE").map((s) => s.id);
  const workIds = active.filter((s) => s.kind === "WORK").map((s) => s.id);
  const triage = { status: "ACTIVE", stageId: { in: intakeIds } } as const;
  const assigned = { status: "ACTIVE", assigneeId: user.id } as const;
  const [triageRows, triageCount, assignedRows, assignedCount, stale] = await Promise.all([
    prisma.idea.findMany({
      where: triage,
      orderBy: [{ stageEnteredAt: "asc" }, { id: "asc" }],
      take: HOME_LIST,
      select: { id: true, title: true, language: true, stageEnteredAt: true, institution: { select: { nameLv: true, nameEn: true } } },
    }),
    prisma.idea.count({ where: triage }),
    prisma.idea.findMany({
      where: assigned,
      orderBy: [{ stageEnteredAt: "asc" }, { id: "asc" }],
      take: HOME_LIST,
      select: { id: true, title: true, language: true, stageId: true, stageEnteredAt: true },
    }),
    prisma.idea.count({ where: assigned }),
    dashboardFigures().staleIdeas({ from: "", to: "" }, now, workIds, STALE_DAYS, HOME_LIST),
  ]);
  return { triage: [triageRows, triageCount] as const, assigned: [assignedRows, assignedCount] as const, stale };
}

/** A manager's figures: the dashboard's headline for this year, and the last seven days' changes. */
async function figureLists(user: SessionUser, stages: StageRow[], now: Date) {
  const where = { type: { in: [...WEEK_TYPES] }, createdAt: { gt: new Date(now.getTime() - WEEK_DAYS * DAY_MS), lte: now } };
  const [headline, counts, changes] = await Promise.all([
    getHeadline(
      user,
      stages.filter((s) => !s.archivedAt),
      now,
    ),
    prisma.event.groupBy({ by: ["type"], where, _count: { _all: true } }),
    prisma.event.findMany({ where, orderBy: [{ createdAt: "desc" }, { id: "desc" }], take: HOME_LIST, select: changeSelect }),
  ]);
  return { headline, counts, changes };
}

/** "Mark as seen": the news up to the moment the page was read is no longer news (never moved back). */
export const markHomeSeen = command<{ until: number }, undefined, SessionUser>({
  permission: null,
  async run({ tx, actor, now }, { until }) {
    const seen = new Date(Math.min(until, now.getTime()));
    await tx.user.updateMany({ where: { id: actor.id, OR: [{ homeSeenAt: null }, { homeSeenAt: { lt: seen } }] }, data: { homeSeenAt: seen } });
    return ok();
  },
});
