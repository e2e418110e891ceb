// The dashboard's figures on SQLite, each one grouped query (no rows loaded into JavaScript to
// count them), over indexes that answer it alone: the plans are in
// docs/decisions/0005-dashboard-figures.md. The PostgreSQL twin is dashboard.postgresql.server.ts.
import { prisma } from "~/utils/db.server";
import { dayAfter } from "~/utils/iso-day";
import { MEDIAN, P90, REBUILD_TIMEOUT, filterBit, nearestRank, type DashboardFigures, type FigureFilters, type StaleIdea } from "./dashboard.figures";

/** Timestamps as Prisma stores them in SQLite, so text comparison is time comparison. */
const stamp = (day: string) => `${day}T00:00:00.000+00:00`;
const period = (f: FigureFilters) => [stamp(f.from), stamp(dayAfter(f.to))];

/** The ideas with a principle: a set SQLite builds once per query, from the index alone. */
const WITH_PRINCIPLE = `SELECT ip."ideaId" FROM "IdeaPrinciple" ip WHERE ip."principleId" = ?`;

/**
 * The idea filter as SQL on alias `i`, with its parameters. `+i."id"` keeps SQLite from walking the
 * principle's set and reading each idea's row: the query's own index leads, the set is probed.
 */
function ideaFilter(f: FigureFilters): [string, unknown[]] {
  const parts: string[] = [];
  const params: unknown[] = [];
  if (f.institutionId) {
    parts.push(`i."institutionId" = ?`);
    params.push(f.institutionId);
  }
  if (f.principleId !== undefined) {
    parts.push(`+i."id" IN (${WITH_PRINCIPLE})`);
    params.push(f.principleId);
  }
  return [parts.length ? ` AND ${parts.join(" AND ")}` : "", params];
}

/** The same filter on a row that names its idea in `column`: sets of ids, so no idea's row is read. */
function ideaIdFilter(column: string, f: FigureFilters): [string, unknown[]] {
  const parts: string[] = [];
  const params: unknown[] = [];
  if (f.institutionId) {
    parts.push(`${column} IN (SELECT i."id" FROM "Idea" i WHERE i."institutionId" = ?)`);
    params.push(f.institutionId);
  }
  if (f.principleId !== undefined) {
    parts.push(`${column} IN (${WITH_PRINCIPLE})`);
    params.push(f.principleId);
  }
  return [parts.length ? ` AND ${parts.join(" AND ")}` : "", params];
}

/** The filter on a stay (alias `st`): the institution it entered with, its idea's principles now. */
function stayFilter(f: FigureFilters): [string, unknown[]] {
  const parts: string[] = [];
  const params: unknown[] = [];
  if (f.institutionId) {
    parts.push(`st."institutionId" = ?`);
    params.push(f.institutionId);
  }
  if (f.principleId !== undefined) {
    parts.push(`(st."principleBits" & ?) <> 0`);
    params.push(filterBit(f.principleId));
  }
  return [parts.length ? ` AND ${parts.join(" AND ")}` : "", params];
}

/** The index a stay query walks: by institution when there is one, else by stage. */
const stayIndex = (f: FigureFilters, byStage: string, byInstitution: string) => (f.institutionId ? byInstitution : byStage);

const marks = (list: unknown[]) => list.map(() => "?").join(", ");
const n = (v: unknown) => (typeof v === "bigint" ? Number(v) : typeof v === "number" ? v : Number(v ?? 0));

async function rows<T = Record<string, unknown>>(sql: string, params: unknown[]): Promise<T[]> {
  return (await prisma.$queryRawUnsafe(sql, ...params)) as T[];
}

export const sqliteFigures: DashboardFigures = {
  async submissions(f) {
    const [where, params] = ideaFilter(f);
    const result = await rows<{ institutionId: unknown; month: string; count: unknown }>(
      `SELECT i."institutionId" AS institutionId, substr(i."submittedAt", 1, 7) AS month, COUNT(*) AS count
        FROM "Idea" i INDEXED BY "Idea_submittedAt_institutionId_id_idx"
        WHERE i."submittedAt" >= ? AND i."submittedAt" < ?${where}
        GROUP BY i."institutionId", month`,
      [...period(f), ...params],
    );
    return result.map((r) => ({ institutionId: n(r.institutionId), month: r.month, count: n(r.count) }));
  },

  async onBoard(f, stageIds, principleIds) {
    if (!stageIds.length) return [];
    const [where, params] = stayFilter(f);
    // Grouped by stage alone, in the index's order, with a count per principle (no sorting).
    const index = stayIndex(f, "Stay_stageId_leftAt_nextStageId_principleBits_idx", "Stay_institutionId_stageId_leftAt_nextStageId_idx");
    const result = await rows<Record<string, unknown>>(
      `SELECT st."stageId" AS stageId, COUNT(*) AS count${principleIds.map((_, k) => `, SUM((st."principleBits" & ?) <> 0) AS p${k}`).join("")}
        FROM "Stay" st INDEXED BY "${index}"
        WHERE st."stageId" IN (${marks(stageIds)}) AND st."leftAt" IS NULL${where}
        GROUP BY st."stageId"`,
      [...principleIds.map(filterBit), ...stageIds, ...params],
    );
    return result.map((r) => ({ stageId: n(r.stageId), count: n(r.count), byPrinciple: principleIds.map((_, k) => n(r[`p${k}`])) }));
  },

  async declined(f) {
    const [where, params] = ideaIdFilter(`e."ideaId"`, f);
    const [row] = await rows<{ count: unknown }>(
      `SELECT COUNT(DISTINCT e."ideaId") AS count FROM "Event" e INDEXED BY "Event_type_createdAt_idx"
        WHERE e."type" = 'DECLINED' AND e."createdAt" >= ? AND e."createdAt" < ?${where}`,
      [...period(f), ...params],
    );
    return n(row.count);
  },

  async experimentResults(f) {
    const [where, params] = ideaIdFilter(`x."ideaId"`, f);
    const result = await rows<{ result: string | null; count: unknown }>(
      `SELECT x."result" AS result, COUNT(*) AS count FROM "Experiment" x INDEXED BY "Experiment_status_completedAt_result_ideaId_idx"
        WHERE x."status" = 'COMPLETED' AND x."completedAt" >= ? AND x."completedAt" < ?${where}
        GROUP BY x."result"`,
      [...period(f), ...params],
    );
    return result.map((r) => ({ result: r.result ?? "NONE", count: n(r.count) }));
  },

  async entries(f, stageIds) {
    if (!stageIds.length) return [];
    // The daily counts know the entries by institution; by principle, the stays do.
    const result =
      f.principleId !== undefined
        ? await (() => {
            const [where, params] = stayFilter(f);
            return rows<{ stageId: unknown; month: string; count: unknown }>(
              `SELECT st."stageId" AS stageId, substr(st."enteredAt", 1, 7) AS month, COUNT(*) AS count
              FROM "Stay" st INDEXED BY "Stay_stageId_enteredAt_principleBits_idx"
              WHERE st."stageId" IN (${marks(stageIds)}) AND st."enteredAt" >= ? AND st."enteredAt" < ?${where}
              GROUP BY st."stageId", month`,
              [...stageIds, ...period(f), ...params],
            );
          })()
        : await rows<{ stageId: unknown; month: string; count: unknown }>(
            `SELECT fd."stageId" AS stageId, substr(fd."day", 1, 7) AS month, SUM(fd."entries") AS count
            FROM "FlowDay" fd
            WHERE fd."day" >= ? AND fd."day" <= ? AND fd."stageId" IN (${marks(stageIds)})${f.institutionId ? ` AND fd."institutionId" = ?` : ""}
            GROUP BY fd."stageId", month`,
            [f.from, f.to, ...stageIds, ...(f.institutionId ? [f.institutionId] : [])],
          );
    return result.map((r) => ({ stageId: n(r.stageId), month: r.month, count: n(r.count) })).filter((r) => r.count > 0);
  },

  async exits(f, stages) {
    if (!stages.length) return [];
    const [where, params] = stayFilter(f);
    const pairs = stages.filter((s) => s.nextId !== null);
    // Grouped by stage alone, in the index's order (no sorting); the next stage is looked up per stay.
    const forward = pairs.length ? `COUNT(CASE WHEN st."nextStageId" = CASE st."stageId" ${pairs.map(() => "WHEN ? THEN ?").join(" ")} END THEN 1 END)` : "0";
    const index = stayIndex(f, "Stay_stageId_leftAt_nextStageId_principleBits_idx", "Stay_institutionId_stageId_leftAt_nextStageId_idx");
    const result = await rows<{ stageId: unknown; left: unknown; forward: unknown }>(
      `SELECT st."stageId" AS stageId, COUNT(*) AS left, ${forward} AS forward
        FROM "Stay" st INDEXED BY "${index}"
        WHERE st."stageId" IN (${marks(stages)}) AND st."leftAt" >= ? AND st."leftAt" < ?${where}
        GROUP BY st."stageId"`,
      [...pairs.flatMap((p) => [p.stageId, p.nextId]), ...stages.map((s) => s.stageId), ...period(f), ...params],
    );
    return result.map((r) => ({ stageId: n(r.stageId), left: n(r.left), forward: n(r.forward) }));
  },

  async timeInStage(f, stages) {
    const counted = stages.filter((s) => s.stays > 0);
    if (!counted.length) return [];
    const index = stayIndex(f, "Stay_stageId_days_leftAt_principleBits_idx", "Stay_institutionId_stageId_days_leftAt_idx");
    const bits = f.principleId !== undefined ? [filterBit(f.principleId)] : [];
    // The stay at a rank, walking the stage's stays in order of length from the nearer end.
    const at = (stageId: number, stays: number, [num, den]: readonly [number, number]): [string, unknown[]] => {
      const rank = nearestRank(stays, num, den);
      const fromTop = rank > stays / 2;
      return [
        `(SELECT st."days" FROM "Stay" st INDEXED BY "${index}"
          WHERE ${f.institutionId ? `st."institutionId" = ? AND ` : ""}st."stageId" = ? AND st."leftAt" >= ? AND st."leftAt" < ?${bits.length ? ` AND (st."principleBits" & ?) <> 0` : ""}
          ORDER BY st."days" ${fromTop ? "DESC" : "ASC"} LIMIT 1 OFFSET ?)`,
        [...(f.institutionId ? [f.institutionId] : []), stageId, ...period(f), ...bits, fromTop ? stays - rank : rank - 1],
      ];
    };
    // One statement: a row per stage, each with its two walks.
    const parts: string[] = [];
    const values: unknown[] = [];
    for (const { stageId, stays } of counted) {
      const [median, medianParams] = at(stageId, stays, MEDIAN);
      const [p90, p90Params] = at(stageId, stays, P90);
      parts.push(`SELECT ? AS stageId, ${median} AS median, ${p90} AS p90`);
      values.push(stageId, ...medianParams, ...p90Params);
    }
    const result = await rows<{ stageId: unknown; median: unknown; p90: unknown }>(parts.join("\nUNION ALL "), values);
    // The counts come from the same stays (exits); should a stay end between the two, no 500.
    return result.map((r) => ({ stageId: n(r.stageId), median: n(r.median), p90: n(r.p90) }));
  },

  async staleIdeas(f, now, workStageIds, days = 30, limit = 50) {
    if (!workStageIds.length) return { total: 0, ideas: [] };
    const [where, params] = ideaFilter(f);
    const cutoff = new Date(now.getTime() - days * 86_400_000).toISOString().replace("Z", "+00:00");
    // The stale ideas' ids from the index by stage and last activity, then the page's few rows.
    const list = await rows<{ total: unknown; id: unknown; title: string; language: string; lastActivityAt: string; stageId: unknown; institutionId: unknown }>(
      `WITH stale AS MATERIALIZED (
          SELECT i."id" AS id, i."lastActivityAt" AS lastActivityAt FROM "Idea" i INDEXED BY "Idea_status_stageId_lastActivityAt_id_idx"
          WHERE i."status" = 'ACTIVE' AND i."stageId" IN (${marks(workStageIds)}) AND i."lastActivityAt" < ?${where}
        )
        SELECT (SELECT COUNT(*) FROM stale) AS total, i."id" AS id, i."title" AS title, i."language" AS language, i."lastActivityAt" AS lastActivityAt, i."stageId" AS stageId,
          i."institutionId" AS institutionId
        FROM (SELECT s.id FROM stale s ORDER BY s.lastActivityAt ASC, s.id ASC LIMIT ?) first JOIN "Idea" i ON i."id" = first.id
        ORDER BY i."lastActivityAt" ASC, i."id" ASC`,
      [...workStageIds, cutoff, ...params, limit],
    );
    return {
      // No row means no stale idea.
      total: n(list[0]?.total),
      ideas: list.map((r): StaleIdea => ({
        id: n(r.id),
        title: r.title,
        language: r.language,
        stageId: n(r.stageId),
        institutionId: n(r.institutionId),
        lastActivityAt: new Date(r.lastActivityAt).toISOString(),
        days: Math.floor((now.getTime() - new Date(r.lastActivityAt).getTime()) / 86_400_000),
      })),
    };
  },

  async rebuildFlowFigures() {
    await prisma.$transaction(async (tx) => {
      await tx.$executeRawUnsafe(`DELETE FROM "Stay"`);
      await tx.$executeRawUnsafe(`DELETE FROM "FlowDay"`);
      await tx.$executeRawUnsafe(
        `INSERT INTO "Stay" ("ideaId", "stageId", "institutionId", "principleBits", "enteredAt", "leftAt", "days", "nextStageId")
          SELECT m.ideaId, m.stageId, i."institutionId",
            (SELECT COALESCE(SUM(1 << (ip."principleId" - 1)), 0) FROM "IdeaPrinciple" ip WHERE ip."ideaId" = m.ideaId),
            m.enteredAt, m.leftAt,
            CASE WHEN m.leftAt IS NULL THEN NULL ELSE julianday(m.leftAt) - julianday(m.enteredAt) END, m.nextStageId
          FROM (
            SELECT e."ideaId" AS ideaId, e."toStageId" AS stageId, e."type" AS type, e."createdAt" AS enteredAt,
              LEAD(e."createdAt") OVER (PARTITION BY e."ideaId" ORDER BY e."createdAt", e."id") AS leftAt,
              LEAD(e."toStageId") OVER (PARTITION BY e."ideaId" ORDER BY e."createdAt", e."id") AS nextStageId
            FROM "Event" e
            -- A merge's undo enters a stage only on the idea that was merged (the other idea's event names no stage).
            WHERE e."type" IN ('SUBMITTED', 'RESUBMITTED', 'MOVED', 'DECLINE_UNDONE', 'RETURNED', 'DECLINED', 'WITHDRAWN', 'MERGED')
              OR (e."type" = 'MERGE_UNDONE' AND e."toStageId" IS NOT NULL)
          ) m JOIN "Idea" i ON i."id" = m.ideaId
          WHERE m.type IN ('SUBMITTED', 'RESUBMITTED', 'MOVED', 'DECLINE_UNDONE', 'MERGE_UNDONE') AND m.stageId IS NOT NULL
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
    }, REBUILD_TIMEOUT);
  },
};
