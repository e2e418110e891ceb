// The dashboard's figures, each computed by SQLite in one grouped query (no rows loaded into
// JavaScript to count them). The only raw SQL of the app lives here; a PostgreSQL twin would
// take the same parameters.
import { prisma } from "~/utils/db.server";

export type FigureFilters = { from: string; to: string; institutionId?: number; principle?: string };

/** Timestamps as Prisma stores them in SQLite, so text comparison is time comparison. */
const stamp = (day: string) => `${day}T00:00:00.000+00:00`;
const dayAfter = (day: string) => {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
};

/** The idea filter (institution, principle) as SQL on alias `i`, with its parameters. */
function ideaFilter(f: FigureFilters): [string, unknown[]] {
  const parts: string[] = [];
  const params: unknown[] = [];
  if (f.institutionId) {
    parts.push(`i."institutionId" = ?`);
    params.push(f.institutionId);
  }
  if (f.principle) {
    parts.push(`EXISTS (SELECT 1 FROM "IdeaPrinciple" ip JOIN "Principle" p ON p."id" = ip."principleId" WHERE ip."ideaId" = i."id" AND p."key" = ?)`);
    params.push(f.principle);
  }
  return [parts.length ? ` AND ${parts.join(" AND ")}` : "", params];
}

const n = (v: unknown) => (typeof v === "bigint" ? Number(v) : typeof v === "number" ? v : Number(v ?? 0));

async function rows<T = Record<string, unknown>>(sql: string, params: unknown[]): Promise<T[]> {
  return (await prisma.$queryRawUnsafe(sql, ...params)) as T[];
}

export async function headline(f: FigureFilters) {
  const [where, params] = ideaFilter(f);
  const period = [stamp(f.from), stamp(dayAfter(f.to))];
  const [row] = await rows(
    `SELECT
      (SELECT COUNT(DISTINCT e."ideaId") FROM "Event" e JOIN "Idea" i ON i."id" = e."ideaId"
        WHERE e."type" = 'SUBMITTED' AND e."createdAt" >= ? AND e."createdAt" < ?${where}) AS submitted,
      (SELECT COUNT(*) FROM "Idea" i JOIN "Stage" s ON s."id" = i."stageId"
        WHERE i."status" = 'ACTIVE' AND s."kind" IN ('INTAKE', 'WORK')${where}) AS inPipeline,
      (SELECT COUNT(DISTINCT e."ideaId") FROM "Event" e JOIN "Idea" i ON i."id" = e."ideaId" JOIN "Stage" s ON s."id" = e."toStageId"
        WHERE e."type" = 'MOVED' AND s."kind" = 'CLOSED_SUCCESS' AND e."createdAt" >= ? AND e."createdAt" < ?${where}) AS implemented,
      (SELECT COUNT(DISTINCT e."ideaId") FROM "Event" e JOIN "Idea" i ON i."id" = e."ideaId" JOIN "Stage" s ON s."id" = e."toStageId"
        WHERE e."type" = 'MOVED' AND s."kind" = 'CLOSED_STOPPED' AND e."createdAt" >= ? AND e."createdAt" < ?${where}) AS stopped,
      (SELECT COUNT(DISTINCT e."ideaId") FROM "Event" e JOIN "Idea" i ON i."id" = e."ideaId"
        WHERE e."type" = 'DECLINED' AND e."createdAt" >= ? AND e."createdAt" < ?${where}) AS declined`,
    [...period, ...params, ...params, ...period, ...params, ...period, ...params, ...period, ...params],
  );
  return { submitted: n(row.submitted), inPipeline: n(row.inPipeline), implemented: n(row.implemented), stopped: n(row.stopped), declined: n(row.declined) };
}

export async function experimentResults(f: FigureFilters) {
  const [where, params] = ideaFilter(f);
  const result = await rows<{ result: string | null; count: unknown }>(
    `SELECT x."result" AS result, COUNT(*) AS count FROM "Experiment" x JOIN "Idea" i ON i."id" = x."ideaId"
      WHERE x."status" = 'COMPLETED' AND x."completedAt" >= ? AND x."completedAt" < ?${where}
      GROUP BY x."result"`,
    [stamp(f.from), stamp(dayAfter(f.to)), ...params],
  );
  return result.map((r) => ({ result: r.result ?? "NONE", count: n(r.count) }));
}

/** Ideas in each stage now. */
export async function stageCounts(f: FigureFilters) {
  const [where, params] = ideaFilter(f);
  const result = await rows<{ stageId: unknown; count: unknown }>(
    `SELECT i."stageId" AS stageId, COUNT(*) AS count FROM "Idea" i
      WHERE i."status" = 'ACTIVE' AND i."stageId" IS NOT NULL${where} GROUP BY i."stageId"`,
    params,
  );
  return new Map(result.map((r) => [n(r.stageId), n(r.count)]));
}

/** Distinct ideas that entered each stage during the period. */
export async function stageEntries(f: FigureFilters) {
  const [where, params] = ideaFilter(f);
  const result = await rows<{ stageId: unknown; count: unknown }>(
    `SELECT e."toStageId" AS stageId, COUNT(DISTINCT e."ideaId") AS count FROM "Event" e JOIN "Idea" i ON i."id" = e."ideaId"
      WHERE e."toStageId" IS NOT NULL AND e."type" IN ('SUBMITTED', 'RESUBMITTED', 'MOVED')
        AND e."createdAt" >= ? AND e."createdAt" < ?${where}
      GROUP BY e."toStageId"`,
    [stamp(f.from), stamp(dayAfter(f.to)), ...params],
  );
  return new Map(result.map((r) => [n(r.stageId), n(r.count)]));
}

/**
 * Days spent in each stage by the stays that ended in the period: median and 90th percentile
 * (nearest rank), from consecutive stage events of each idea.
 */
export async function timeInStage(f: FigureFilters) {
  const [where, params] = ideaFilter(f);
  const result = await rows<{ stageId: unknown; stays: unknown; median: number; p90: number }>(
    `WITH moves AS (
        SELECT e."ideaId" AS ideaId, e."toStageId" AS stageId, e."createdAt" AS enteredAt,
          LEAD(e."createdAt") OVER (PARTITION BY e."ideaId" ORDER BY e."createdAt", e."id") AS leftAt
        FROM "Event" e
        WHERE e."type" IN ('SUBMITTED', 'RESUBMITTED', 'MOVED', 'RETURNED', 'DECLINED', 'WITHDRAWN')
      ),
      stays AS (
        SELECT m.stageId AS stageId, julianday(m.leftAt) - julianday(m.enteredAt) AS days
        FROM moves m JOIN "Idea" i ON i."id" = m.ideaId
        WHERE m.stageId IS NOT NULL AND m.leftAt IS NOT NULL AND m.leftAt >= ? AND m.leftAt < ?${where}
      ),
      ranked AS (
        SELECT stageId, days,
          ROW_NUMBER() OVER (PARTITION BY stageId ORDER BY days) AS rn,
          COUNT(*) OVER (PARTITION BY stageId) AS total
        FROM stays
      )
      SELECT stageId, MAX(total) AS stays,
        MIN(CASE WHEN rn >= total * 0.5 THEN days END) AS median,
        MIN(CASE WHEN rn >= total * 0.9 THEN days END) AS p90
      FROM ranked GROUP BY stageId`,
    [stamp(f.from), stamp(dayAfter(f.to)), ...params],
  );
  return new Map(result.map((r) => [n(r.stageId), { stays: n(r.stays), median: Number(r.median), p90: Number(r.p90) }]));
}

/** Per month of the period: ideas that entered the pipeline, were implemented, were stopped. */
export async function throughput(f: FigureFilters) {
  const [where, params] = ideaFilter(f);
  const result = await rows<{ month: string; entered: unknown; implemented: unknown; stopped: unknown }>(
    `SELECT substr(e."createdAt", 1, 7) AS month,
        COUNT(DISTINCT CASE WHEN e."type" = 'SUBMITTED' THEN e."ideaId" END) AS entered,
        COUNT(DISTINCT CASE WHEN e."type" = 'MOVED' AND s."kind" = 'CLOSED_SUCCESS' THEN e."ideaId" END) AS implemented,
        COUNT(DISTINCT CASE WHEN e."type" = 'MOVED' AND s."kind" = 'CLOSED_STOPPED' THEN e."ideaId" END) AS stopped
      FROM "Event" e JOIN "Idea" i ON i."id" = e."ideaId" LEFT JOIN "Stage" s ON s."id" = e."toStageId"
      WHERE e."type" IN ('SUBMITTED', 'MOVED') AND e."createdAt" >= ? AND e."createdAt" < ?${where}
      GROUP BY month ORDER BY month`,
    [stamp(f.from), stamp(dayAfter(f.to)), ...params],
  );
  return new Map(result.map((r) => [r.month, { entered: n(r.entered), implemented: n(r.implemented), stopped: n(r.stopped) }]));
}

/** Ideas on the board now by principle and stage; an idea with two principles counts in both rows. */
export async function principleStageMatrix(f: FigureFilters) {
  const [where, params] = ideaFilter(f);
  const result = await rows<{ principle: string; stageId: unknown; count: unknown }>(
    `SELECT p."key" AS principle, i."stageId" AS stageId, COUNT(*) AS count
      FROM "IdeaPrinciple" ip JOIN "Idea" i ON i."id" = ip."ideaId" JOIN "Principle" p ON p."id" = ip."principleId"
      WHERE i."status" = 'ACTIVE' AND i."stageId" IS NOT NULL${where}
      GROUP BY p."key", i."stageId"`,
    params,
  );
  return result.map((r) => ({ principle: r.principle, stageId: n(r.stageId), count: n(r.count) }));
}

/** Ideas submitted in the period, by institution. */
export async function byInstitution(f: FigureFilters) {
  const [where, params] = ideaFilter(f);
  const result = await rows<{ institutionId: unknown; count: unknown }>(
    `SELECT i."institutionId" AS institutionId, COUNT(DISTINCT e."ideaId") AS count
      FROM "Event" e JOIN "Idea" i ON i."id" = e."ideaId"
      WHERE e."type" = 'SUBMITTED' AND e."createdAt" >= ? AND e."createdAt" < ?${where}
      GROUP BY i."institutionId"`,
    [stamp(f.from), stamp(dayAfter(f.to)), ...params],
  );
  return new Map(result.map((r) => [n(r.institutionId), n(r.count)]));
}

/** Ideas in a work stage with no event for `days` days or more, oldest first. */
export async function staleIdeas(f: FigureFilters, now: Date, days = 30, limit = 50) {
  const [where, params] = ideaFilter(f);
  const cutoff = new Date(now.getTime() - days * 86_400_000).toISOString().replace("Z", "+00:00");
  const [list, [total]] = await Promise.all([
    rows<{ id: unknown; title: string; lastActivityAt: string; stageId: unknown; institutionId: unknown }>(
      `SELECT i."id" AS id, i."title" AS title, i."lastActivityAt" AS lastActivityAt, i."stageId" AS stageId, i."institutionId" AS institutionId
        FROM "Idea" i JOIN "Stage" s ON s."id" = i."stageId"
        WHERE i."status" = 'ACTIVE' AND s."kind" = 'WORK' AND i."lastActivityAt" < ?${where}
        ORDER BY i."lastActivityAt" ASC, i."id" ASC LIMIT ?`,
      [cutoff, ...params, limit],
    ),
    rows<{ count: unknown }>(
      `SELECT COUNT(*) AS count FROM "Idea" i JOIN "Stage" s ON s."id" = i."stageId"
        WHERE i."status" = 'ACTIVE' AND s."kind" = 'WORK' AND i."lastActivityAt" < ?${where}`,
      [cutoff, ...params],
    ),
  ]);
  return {
    total: n(total.count),
    ideas: list.map((r) => ({
      id: n(r.id),
      title: r.title,
      stageId: n(r.stageId),
      institutionId: n(r.institutionId),
      lastActivityAt: r.lastActivityAt,
      days: Math.floor((now.getTime() - new Date(r.lastActivityAt).getTime()) / 86_400_000),
    })),
  };
}
