// The dashboard's figures on PostgreSQL, each one grouped query over the same indexes as on SQLite
// (dashboard.sqlite.server.ts): numbered parameters with their types, COUNT cast to int (it is a
// bigint), months with to_char, the percentiles with window functions. The plans are in
// docs/decisions/0005-dashboard-figures.md.
import { prisma } from "~/utils/db.server";
import { dayAfter } from "~/utils/iso-day";
import { MEDIAN, P90, REBUILD_TIMEOUT, filterBit, nearestRank, type DashboardFigures, type FigureFilters, type StaleIdea } from "./dashboard.figures";

/** A statement's parameters, numbered as they are written into its text. */
class Params {
  readonly values: unknown[] = [];
  /** `$n` with a cast, for a value PostgreSQL cannot type from its place alone. */
  add(value: unknown, cast: "int" | "timestamp" | "text") {
    this.values.push(value);
    return `$${this.values.length}::${cast}`;
  }
  ints(list: number[]) {
    return list.map((v) => this.add(v, "int")).join(", ");
  }
}

/** The period's bounds as timestamps: its first day's midnight and the next day's after its last. */
const since = (f: FigureFilters, p: Params) => p.add(`${f.from}T00:00:00.000`, "timestamp");
const until = (f: FigureFilters, p: Params) => p.add(`${dayAfter(f.to)}T00:00:00.000`, "timestamp");

/** The idea filter on alias `i`. */
function ideaFilter(f: FigureFilters, p: Params) {
  let sql = "";
  if (f.institutionId) sql += ` AND i."institutionId" = ${p.add(f.institutionId, "int")}`;
  if (f.principleId !== undefined) sql += ` AND i."id" IN (SELECT ip."ideaId" FROM "IdeaPrinciple" ip WHERE ip."principleId" = ${p.add(f.principleId, "int")})`;
  return sql;
}

/** The same filter on a row that names its idea in `column`. */
function ideaIdFilter(column: string, f: FigureFilters, p: Params) {
  let sql = "";
  if (f.institutionId) sql += ` AND ${column} IN (SELECT i."id" FROM "Idea" i WHERE i."institutionId" = ${p.add(f.institutionId, "int")})`;
  if (f.principleId !== undefined)
    sql += ` AND ${column} IN (SELECT ip."ideaId" FROM "IdeaPrinciple" ip WHERE ip."principleId" = ${p.add(f.principleId, "int")})`;
  return sql;
}

/** The filter on a stay (alias `st`): the institution it entered with, its idea's principles now. */
function stayFilter(f: FigureFilters, p: Params) {
  let sql = "";
  if (f.institutionId) sql += ` AND st."institutionId" = ${p.add(f.institutionId, "int")}`;
  if (f.principleId !== undefined) sql += ` AND (st."principleBits" & ${p.add(filterBit(f.principleId), "int")}) <> 0`;
  return sql;
}

async function rows<T>(sql: string, p: Params | unknown[]): Promise<T[]> {
  return (await prisma.$queryRawUnsafe(sql, ...(Array.isArray(p) ? p : p.values))) as T[];
}

export const postgresqlFigures: DashboardFigures = {
  async submissions(f) {
    const p = new Params();
    return rows(
      `SELECT i."institutionId", to_char(date_trunc('month', i."submittedAt"), 'YYYY-MM') AS month, COUNT(*)::int AS count
        FROM "Idea" i WHERE i."submittedAt" >= ${since(f, p)} AND i."submittedAt" < ${until(f, p)}${ideaFilter(f, p)}
        GROUP BY i."institutionId", date_trunc('month', i."submittedAt")`,
      p,
    );
  },

  async onBoard(f, stageIds, principleIds) {
    if (!stageIds.length) return [];
    const p = new Params();
    const counts = principleIds.map((id, k) => `, COUNT(*) FILTER (WHERE (st."principleBits" & ${p.add(filterBit(id), "int")}) <> 0)::int AS p${k}`);
    const result = await rows<Record<string, number>>(
      `SELECT st."stageId", COUNT(*)::int AS count${counts.join("")} FROM "Stay" st
        WHERE st."stageId" IN (${p.ints(stageIds)}) AND st."leftAt" IS NULL${stayFilter(f, p)}
        GROUP BY st."stageId"`,
      p,
    );
    return result.map((r) => ({ stageId: r.stageId, count: r.count, byPrinciple: principleIds.map((_, k) => r[`p${k}`]) }));
  },

  async declined(f) {
    const p = new Params();
    const [row] = await rows<{ count: number }>(
      `SELECT COUNT(DISTINCT e."ideaId")::int AS count FROM "Event" e
        WHERE e."type" = 'DECLINED' AND e."createdAt" >= ${since(f, p)} AND e."createdAt" < ${until(f, p)}${ideaIdFilter(`e."ideaId"`, f, p)}`,
      p,
    );
    return row.count;
  },

  async experimentResults(f) {
    const p = new Params();
    const result = await rows<{ result: string | null; count: number }>(
      `SELECT x."result"::text AS result, COUNT(*)::int AS count FROM "Experiment" x
        WHERE x."status" = 'COMPLETED' AND x."completedAt" >= ${since(f, p)} AND x."completedAt" < ${until(f, p)}${ideaIdFilter(`x."ideaId"`, f, p)}
        GROUP BY x."result"`,
      p,
    );
    return result.map((r) => ({ result: r.result ?? "NONE", count: r.count }));
  },

  async entries(f, stageIds) {
    if (!stageIds.length) return [];
    const p = new Params();
    // The daily counts know the entries by institution; by principle, the stays do.
    const result =
      f.principleId !== undefined
        ? await rows<{ stageId: number; month: string; count: number }>(
            `SELECT st."stageId", to_char(date_trunc('month', st."enteredAt"), 'YYYY-MM') AS month, COUNT(*)::int AS count FROM "Stay" st
            WHERE st."stageId" IN (${p.ints(stageIds)}) AND st."enteredAt" >= ${since(f, p)} AND st."enteredAt" < ${until(f, p)}${stayFilter(f, p)}
            GROUP BY st."stageId", date_trunc('month', st."enteredAt")`,
            p,
          )
        : await rows<{ stageId: number; month: string; count: number }>(
            `SELECT fd."stageId", substr(fd."day", 1, 7) AS month, SUM(fd."entries")::int AS count FROM "FlowDay" fd
            WHERE fd."day" >= ${p.add(f.from, "text")} AND fd."day" <= ${p.add(f.to, "text")} AND fd."stageId" IN (${p.ints(stageIds)})${
              f.institutionId ? ` AND fd."institutionId" = ${p.add(f.institutionId, "int")}` : ""
            }
            GROUP BY fd."stageId", month`,
            p,
          );
    return result.filter((r) => r.count > 0);
  },

  async exits(f, stages) {
    if (!stages.length) return [];
    const p = new Params();
    const pairs = stages.filter((s) => s.nextId !== null);
    const next = pairs.length
      ? `CASE st."stageId" ${pairs.map((s) => `WHEN ${p.add(s.stageId, "int")} THEN ${p.add(s.nextId, "int")}`).join(" ")} END`
      : "NULL::int";
    return rows(
      `SELECT st."stageId", COUNT(*)::int AS left, COUNT(*) FILTER (WHERE st."nextStageId" = ${next})::int AS forward
        FROM "Stay" st
        WHERE st."stageId" IN (${p.ints(stages.map((s) => s.stageId))}) AND st."leftAt" >= ${since(f, p)} AND st."leftAt" < ${until(f, p)}${stayFilter(f, p)}
        GROUP BY st."stageId"`,
      p,
    );
  },

  async timeInStage(f, stages) {
    const counted = stages.filter((s) => s.stays > 0);
    if (!counted.length) return [];
    const p = new Params();
    // The stay at a rank, walking the stage's stays in order of length from the nearer end (an
    // index-only scan that stops there; numbering every stay with a window function sorts them all).
    const at = (stageId: number, stays: number, [num, den]: readonly [number, number]) => {
      const rank = nearestRank(stays, num, den);
      const fromTop = rank > stays / 2;
      return `(SELECT st."days" FROM "Stay" st
          WHERE st."stageId" = ${p.add(stageId, "int")} AND st."leftAt" >= ${since(f, p)} AND st."leftAt" < ${until(f, p)}${stayFilter(f, p)}
          ORDER BY st."days" ${fromTop ? "DESC" : "ASC"} LIMIT 1 OFFSET ${p.add(fromTop ? stays - rank : rank - 1, "int")})`;
    };
    const parts = counted.map(
      ({ stageId, stays }) => `SELECT ${p.add(stageId, "int")} AS "stageId", ${at(stageId, stays, MEDIAN)} AS median, ${at(stageId, stays, P90)} AS p90`,
    );
    const result = await rows<{ stageId: number; median: number | null; p90: number | null }>(parts.join("\nUNION ALL "), p);
    // The counts come from the same stays (exits); should a stay end between the two, no 500.
    return result.map((r) => ({ stageId: r.stageId, median: r.median ?? 0, p90: r.p90 ?? 0 }));
  },

  async staleIdeas(f, now, workStageIds, days = 30, limit = 50) {
    if (!workStageIds.length) return { total: 0, ideas: [] };
    const p = new Params();
    const cutoff = p.add(new Date(now.getTime() - days * 86_400_000).toISOString().replace("Z", ""), "timestamp");
    // The stale ideas' ids from the index by stage and last activity (materialised: walking the index
    // by last activity alone would read the rows of every idea on the board that waits longer, most
    // of them closed), then the page's few rows.
    const list = await rows<{ total: number; id: number; title: string; language: string; lastActivityAt: Date; stageId: number; institutionId: number }>(
      `WITH stale AS MATERIALIZED (
          SELECT i."id", i."lastActivityAt" FROM "Idea" i
          WHERE i."status" = 'ACTIVE' AND i."stageId" IN (${p.ints(workStageIds)}) AND i."lastActivityAt" < ${cutoff}${ideaFilter(f, p)}
        )
        SELECT (SELECT COUNT(*)::int FROM stale) AS total, i."id", i."title", i."language", i."lastActivityAt", i."stageId", i."institutionId"
        FROM "Idea" i JOIN (SELECT s."id" FROM stale s ORDER BY s."lastActivityAt" ASC, s."id" ASC LIMIT ${p.add(limit, "int")}) first ON first."id" = i."id"
        ORDER BY i."lastActivityAt" ASC, i."id" ASC`,
      p,
    );
    return {
      // No row means no stale idea.
      total: list[0]?.total ?? 0,
      ideas: list.map((r): StaleIdea => ({
        id: r.id,
        title: r.title,
        language: r.language,
        stageId: r.stageId,
        institutionId: r.institutionId,
        lastActivityAt: new Date(r.lastActivityAt).toISOString(),
        days: Math.floor((now.getTime() - new Date(r.lastActivityAt).getTime()) / 86_400_000),
      })),
    };
  },

  async rebuildFlowFigures() {
    await prisma.$transaction(async (tx) => {
      await tx.$executeRawUnsafe(`DELETE FROM "Stay"`);
      await tx.$executeRawUnsafe(`DELETE FROM "FlowDay"`);
      // Days as JavaScript works them out: whole milliseconds over a day's milliseconds.
      await tx.$executeRawUnsafe(
        `INSERT INTO "Stay" ("ideaId", "stageId", "institutionId", "principleBits", "enteredAt", "leftAt", "days", "nextStageId")
          SELECT m."ideaId", m."stageId", i."institutionId",
            (SELECT COALESCE(SUM(1 << (ip."principleId" - 1)), 0)::int FROM "IdeaPrinciple" ip WHERE ip."ideaId" = m."ideaId"),
            m."enteredAt", m."leftAt",
            (EXTRACT(EPOCH FROM (m."leftAt" - m."enteredAt")) * 1000)::float8 / 86400000, m."nextStageId"
          FROM (
            SELECT e."ideaId", e."toStageId" AS "stageId", e."type", e."createdAt" AS "enteredAt",
              LEAD(e."createdAt") OVER (PARTITION BY e."ideaId" ORDER BY e."createdAt", e."id") AS "leftAt",
              LEAD(e."toStageId") OVER (PARTITION BY e."ideaId" ORDER BY e."createdAt", e."id") AS "nextStageId"
            FROM "Event" e
            -- A merge's undo enters a stage only on the idea that was merged (the other idea's event names no stage).
            WHERE e."type" IN ('SUBMITTED', 'RESUBMITTED', 'MOVED', 'DECLINE_UNDONE', 'RETURNED', 'DECLINED', 'WITHDRAWN', 'MERGED')
              OR (e."type" = 'MERGE_UNDONE' AND e."toStageId" IS NOT NULL)
          ) m JOIN "Idea" i ON i."id" = m."ideaId"
          WHERE m."type" IN ('SUBMITTED', 'RESUBMITTED', 'MOVED', 'DECLINE_UNDONE', 'MERGE_UNDONE') AND m."stageId" IS NOT NULL
          ORDER BY m."ideaId", m."enteredAt"`,
      );
      await tx.$executeRawUnsafe(
        `INSERT INTO "FlowDay" ("day", "stageId", "institutionId", "entries", "exits")
          SELECT day, "stageId", "institutionId", SUM(entries), SUM(exits) FROM (
            SELECT to_char("enteredAt", 'YYYY-MM-DD') AS day, "stageId", "institutionId", 1 AS entries, 0 AS exits FROM "Stay"
            UNION ALL
            SELECT to_char("leftAt", 'YYYY-MM-DD'), "stageId", "institutionId", 0, 1 FROM "Stay" WHERE "leftAt" IS NOT NULL
          ) moves GROUP BY day, "stageId", "institutionId"`,
      );
    }, REBUILD_TIMEOUT);
  },
};
