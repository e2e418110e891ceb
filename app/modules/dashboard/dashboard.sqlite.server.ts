// The dashboard's figures, each computed by SQLite in one grouped query (no rows loaded into
// JavaScript to count them). The only raw SQL of the app lives here; a PostgreSQL twin would
// take the same parameters.
import { prisma } from "~/utils/db.server";
import { dayAfter } from "~/utils/iso-day";

export type FigureFilters = { from: string; to: string; institutionId?: number; principle?: string };

/** Timestamps as Prisma stores them in SQLite, so text comparison is time comparison. */
const stamp = (day: string) => `${day}T00:00:00.000+00:00`;

/** The ideas tagged with a principle: SQLite builds this set once per query, not once per row. */
const IDEAS_WITH_PRINCIPLE = `SELECT ip."ideaId" FROM "IdeaPrinciple" ip WHERE ip."principleId" = (SELECT p."id" FROM "Principle" p WHERE p."key" = ?)`;

/** The idea filter (institution, principle) as SQL on alias `i`, with its parameters. */
function ideaFilter(f: FigureFilters): [string, unknown[]] {
  const parts: string[] = [];
  const params: unknown[] = [];
  if (f.institutionId) {
    parts.push(`i."institutionId" = ?`);
    params.push(f.institutionId);
  }
  if (f.principle) {
    parts.push(`i."id" IN (${IDEAS_WITH_PRINCIPLE})`);
    params.push(f.principle);
  }
  return [parts.length ? ` AND ${parts.join(" AND ")}` : "", params];
}

const n = (v: unknown) => (typeof v === "bigint" ? Number(v) : typeof v === "number" ? v : Number(v ?? 0));

async function rows<T = Record<string, unknown>>(sql: string, params: unknown[]): Promise<T[]> {
  return (await prisma.$queryRawUnsafe(sql, ...params)) as T[];
}

/** Ideas submitted in the period (each idea once: its first submission). */
async function submittedCount(f: FigureFilters) {
  const [where, params] = ideaFilter(f);
  const [row] = await rows<{ count: unknown }>(`SELECT COUNT(*) AS count FROM "Idea" i WHERE i."submittedAt" >= ? AND i."submittedAt" < ?${where}`, [
    stamp(f.from),
    stamp(dayAfter(f.to)),
    ...params,
  ]);
  return n(row.count);
}

export async function headline(f: FigureFilters, stages: { id: number; kind: string }[], entries: Map<number, number>) {
  const [where, params] = ideaFilter(f);
  const sumKind = (kind: string) => stages.filter((s) => s.kind === kind).reduce((sum, s) => sum + (entries.get(s.id) ?? 0), 0);
  const [row] = await rows(
    `SELECT
      (SELECT COUNT(*) FROM "Idea" i JOIN "Stage" s ON s."id" = i."stageId"
        WHERE i."status" = 'ACTIVE' AND s."kind" IN ('INTAKE', 'WORK')${where}) AS inPipeline,
      (SELECT COUNT(DISTINCT e."ideaId") FROM "Event" e JOIN "Idea" i ON i."id" = e."ideaId"
        WHERE e."type" = 'DECLINED' AND e."createdAt" >= ? AND e."createdAt" < ?${where}) AS declined`,
    [...params, stamp(f.from), stamp(dayAfter(f.to)), ...params],
  );
  return {
    submitted: await submittedCount(f),
    inPipeline: n(row.inPipeline),
    implemented: sumKind("CLOSED_SUCCESS"),
    stopped: sumKind("CLOSED_STOPPED"),
    declined: n(row.declined),
  };
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

/**
 * Entries into each stage during the period (an idea that comes back counts again). Read from the
 * daily counts; with a principle filter, from the stays.
 */
export async function stageEntries(f: FigureFilters) {
  if (f.principle) {
    const [where, params] = ideaFilter(f);
    const result = await rows<{ stageId: unknown; count: unknown }>(
      `SELECT st."stageId" AS stageId, COUNT(*) AS count FROM "Stay" st JOIN "Idea" i ON i."id" = st."ideaId"
        WHERE st."enteredAt" >= ? AND st."enteredAt" < ?${where} GROUP BY st."stageId"`,
      [stamp(f.from), stamp(dayAfter(f.to)), ...params],
    );
    return new Map(result.map((r) => [n(r.stageId), n(r.count)]));
  }
  const result = await rows<{ stageId: unknown; count: unknown }>(
    `SELECT f."stageId" AS stageId, SUM(f."entries") AS count FROM "FlowDay" f
      WHERE f."day" >= ? AND f."day" <= ?${f.institutionId ? ` AND f."institutionId" = ?` : ""} GROUP BY f."stageId"`,
    [f.from, f.to, ...(f.institutionId ? [f.institutionId] : [])],
  );
  return new Map(result.map((r) => [n(r.stageId), n(r.count)]));
}

/**
 * For each stage, the stays that ended in the period and how many of them went on to `next`
 * (the stage after it in the flow).
 */
export async function conversions(f: FigureFilters, pairs: { stageId: number; nextId: number }[]) {
  const [scope, scopeParams] = stayScope(f);
  const out = new Map<number, { left: number; forward: number }>();
  for (const { stageId, nextId } of pairs) {
    const [row] = await rows<{ left: unknown; forward: unknown }>(
      `SELECT COUNT(*) AS left, COUNT(CASE WHEN st."nextStageId" = ? THEN 1 END) AS forward
        FROM "Stay" st WHERE st."stageId" = ?${scope} AND st."leftAt" >= ? AND st."leftAt" < ?`,
      [nextId, stageId, ...scopeParams, stamp(f.from), stamp(dayAfter(f.to))],
    );
    out.set(stageId, { left: n(row.left), forward: n(row.forward) });
  }
  return out;
}

/** The institution and principle filter on a stay (alias `st`). */
function stayScope(f: FigureFilters): [string, unknown[]] {
  const scope: string[] = [];
  const params: unknown[] = [];
  if (f.institutionId) {
    scope.push(`st."institutionId" = ?`);
    params.push(f.institutionId);
  }
  if (f.principle) {
    scope.push(`st."ideaId" IN (${IDEAS_WITH_PRINCIPLE})`);
    params.push(f.principle);
  }
  return [scope.length ? ` AND ${scope.join(" AND ")}` : "", params];
}

/**
 * Days spent in each stage by the stays that ended in the period: median and 90th percentile by
 * nearest rank, each read by walking the stays of one stage in order of length.
 */
export async function timeInStage(f: FigureFilters, stageIds: number[]) {
  const period = [stamp(f.from), stamp(dayAfter(f.to))];
  const [extra, scopeParams] = stayScope(f);
  const out = new Map<number, { stays: number; median: number; p90: number }>();
  // Walk the stays of a stage in order of length: the index must be the one sorted by days.
  const index = f.institutionId ? "Stay_institutionId_stageId_days_leftAt_idx" : "Stay_stageId_days_leftAt_idx";
  for (const stageId of stageIds) {
    const base = `FROM "Stay" st INDEXED BY "${index}" WHERE st."stageId" = ?${extra} AND st."leftAt" >= ? AND st."leftAt" < ?`;
    const params = [stageId, ...scopeParams, ...period];
    // Without a principle filter the daily counts already know how many stays ended.
    const [{ count }] = f.principle
      ? await rows<{ count: unknown }>(`SELECT COUNT(*) AS count ${base}`, params)
      : await rows<{ count: unknown }>(
          `SELECT COALESCE(SUM(fd."exits"), 0) AS count FROM "FlowDay" fd WHERE fd."stageId" = ? AND fd."day" >= ? AND fd."day" <= ?${f.institutionId ? ` AND fd."institutionId" = ?` : ""}`,
          [stageId, f.from, f.to, ...(f.institutionId ? [f.institutionId] : [])],
        );
    const stays = n(count);
    if (!stays) continue;
    // Nearest rank r = ceil(p·n), walking the index from the nearer end.
    const at = async (p: number) => {
      const rank = Math.ceil(p * stays);
      const fromTop = rank > stays / 2;
      const [row] = await rows<{ days: number }>(`SELECT st."days" AS days ${base} ORDER BY st."days" ${fromTop ? "DESC" : "ASC"} LIMIT 1 OFFSET ?`, [
        ...params,
        fromTop ? stays - rank : rank - 1,
      ]);
      // The daily counts and the stays agree (a test rebuilds one from the other); should they not, no 500.
      return Number(row?.days ?? 0);
    };
    out.set(stageId, { stays, median: await at(0.5), p90: await at(0.9) });
  }
  return out;
}

/** Per month of the period: ideas submitted, and entries into the implemented and stopped stages. */
export async function throughput(f: FigureFilters) {
  const [where, params] = ideaFilter(f);
  const period = [stamp(f.from), stamp(dayAfter(f.to))];
  const submitted = await rows<{ month: string; count: unknown }>(
    `SELECT substr(i."submittedAt", 1, 7) AS month, COUNT(*) AS count FROM "Idea" i
      WHERE i."submittedAt" >= ? AND i."submittedAt" < ?${where} GROUP BY month`,
    [...period, ...params],
  );
  const closed = f.principle
    ? await rows<{ month: string; kind: string; count: unknown }>(
        `SELECT substr(st."enteredAt", 1, 7) AS month, s."kind" AS kind, COUNT(*) AS count
          FROM "Stay" st JOIN "Stage" s ON s."id" = st."stageId" JOIN "Idea" i ON i."id" = st."ideaId"
          WHERE s."kind" IN ('CLOSED_SUCCESS', 'CLOSED_STOPPED') AND st."enteredAt" >= ? AND st."enteredAt" < ?${where}
          GROUP BY month, kind`,
        [...period, ...params],
      )
    : await rows<{ month: string; kind: string; count: unknown }>(
        `SELECT substr(fd."day", 1, 7) AS month, s."kind" AS kind, SUM(fd."entries") AS count
          FROM "FlowDay" fd JOIN "Stage" s ON s."id" = fd."stageId"
          WHERE s."kind" IN ('CLOSED_SUCCESS', 'CLOSED_STOPPED') AND fd."day" >= ? AND fd."day" <= ?${f.institutionId ? ` AND fd."institutionId" = ?` : ""}
          GROUP BY month, kind`,
        [f.from, f.to, ...(f.institutionId ? [f.institutionId] : [])],
      );
  const months = new Map<string, { entered: number; implemented: number; stopped: number }>();
  const get = (month: string) => months.get(month) ?? months.set(month, { entered: 0, implemented: 0, stopped: 0 }).get(month)!;
  for (const r of submitted) get(r.month).entered = n(r.count);
  for (const r of closed) get(r.month)[r.kind === "CLOSED_SUCCESS" ? "implemented" : "stopped"] = n(r.count);
  return months;
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
    `SELECT i."institutionId" AS institutionId, COUNT(*) AS count FROM "Idea" i
      WHERE i."submittedAt" >= ? AND i."submittedAt" < ?${where} GROUP BY i."institutionId"`,
    [stamp(f.from), stamp(dayAfter(f.to)), ...params],
  );
  return new Map(result.map((r) => [n(r.institutionId), n(r.count)]));
}

/** Ideas in a work stage with no event for `days` days or more, oldest first. */
export async function staleIdeas(f: FigureFilters, now: Date, workStageIds: number[], days = 30, limit = 50) {
  const [where, params] = ideaFilter(f);
  if (!workStageIds.length) return { total: 0, ideas: [] };
  const inStages = `i."stageId" IN (${workStageIds.map(() => "?").join(", ")})`;
  const cutoff = new Date(now.getTime() - days * 86_400_000).toISOString().replace("Z", "+00:00");
  const [list, [total]] = await Promise.all([
    rows<{ id: unknown; title: string; lastActivityAt: string; stageId: unknown; institutionId: unknown }>(
      `SELECT i."id" AS id, i."title" AS title, i."lastActivityAt" AS lastActivityAt, i."stageId" AS stageId, i."institutionId" AS institutionId
        FROM "Idea" i
        WHERE i."status" = 'ACTIVE' AND ${inStages} AND i."lastActivityAt" < ?${where}
        ORDER BY i."lastActivityAt" ASC, i."id" ASC LIMIT ?`,
      [...workStageIds, cutoff, ...params, limit],
    ),
    rows<{ count: unknown }>(`SELECT COUNT(*) AS count FROM "Idea" i WHERE i."status" = 'ACTIVE' AND ${inStages} AND i."lastActivityAt" < ?${where}`, [
      ...workStageIds,
      cutoff,
      ...params,
    ]),
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

/** Rebuilds the stays and the daily counts from the events (after bulk imports, or to check them). */
export async function rebuildFlowFigures() {
  await prisma.$transaction(async (tx) => {
    await tx.$executeRawUnsafe(`DELETE FROM "Stay"`);
    await tx.$executeRawUnsafe(`DELETE FROM "FlowDay"`);
    await tx.$executeRawUnsafe(
      `INSERT INTO "Stay" ("ideaId", "stageId", "institutionId", "enteredAt", "leftAt", "days", "nextStageId")
        SELECT m.ideaId, m.stageId, i."institutionId", m.enteredAt, m.leftAt,
          CASE WHEN m.leftAt IS NULL THEN NULL ELSE julianday(m.leftAt) - julianday(m.enteredAt) END, m.nextStageId
        FROM (
          SELECT e."ideaId" AS ideaId, e."toStageId" AS stageId, e."type" AS type, e."createdAt" AS enteredAt,
            LEAD(e."createdAt") OVER (PARTITION BY e."ideaId" ORDER BY e."createdAt", e."id") AS leftAt,
            LEAD(e."toStageId") OVER (PARTITION BY e."ideaId" ORDER BY e."createdAt", e."id") AS nextStageId
          FROM "Event" e
          WHERE e."type" IN ('SUBMITTED', 'RESUBMITTED', 'MOVED', 'RETURNED', 'DECLINED', 'WITHDRAWN')
        ) m JOIN "Idea" i ON i."id" = m.ideaId
        WHERE m.type IN ('SUBMITTED', 'RESUBMITTED', 'MOVED') AND m.stageId IS NOT NULL
        ORDER BY m.ideaId, m.enteredAt`,
    );
    await tx.$executeRawUnsafe(
      `INSERT INTO "FlowDay" ("day", "stageId", "institutionId", "entries", "exits")
        SELECT day, stageId, institutionId, SUM(entries), SUM(exits) FROM (
          SELECT substr("enteredAt", 1, 10) AS day, "stageId" AS stageId, "institutionId" AS institutionId, 1 AS entries, 0 AS exits FROM "Stay"
          UNION ALL
          SELECT substr("leftAt", 1, 10), "stageId", "institutionId", 0, 1 FROM "Stay" WHERE "leftAt" IS NOT NULL
        ) GROUP BY day, stageId, institutionId`,
    );
  });
}
