// What the dashboard asks of the database: each figure is one grouped query, written once per
// engine (dashboard.sqlite.server.ts, dashboard.postgresql.server.ts) behind this interface, which
// dashboard.server.ts uses. See docs/decisions/0005-dashboard-figures.md.

/** The period (whole UTC days, `to` included) and the idea filters; a principle id that exists nowhere matches nothing. */
export type FigureFilters = { from: string; to: string; institutionId?: number; principleId?: number };

export type StaleIdea = {
  id: number;
  title: string;
  /** The language the idea is written in. */ language: string;
  stageId: number;
  institutionId: number;
  lastActivityAt: string;
  days: number;
};

export interface DashboardFigures {
  /** Ideas first submitted in the period, by institution and month (YYYY-MM). */
  submissions(f: FigureFilters): Promise<{ institutionId: number; month: string; count: number }[]>;
  /**
   * Ideas on the board now, by stage, and how many of them have each of `principleIds` (an idea with
   * two principles counts under both). Read from the open stays: an idea on the board has one, in
   * its stage, with its principles (the flow reactor keeps them with every move and tag).
   */
  onBoard(f: FigureFilters, stageIds: number[], principleIds: number[]): Promise<{ stageId: number; count: number; byPrinciple: number[] }[]>;
  /** Ideas declined in the period, each once. */
  declined(f: FigureFilters): Promise<number>;
  /** Experiments completed in the period, by result ("NONE" for those without one). */
  experimentResults(f: FigureFilters): Promise<{ result: string; count: number }[]>;
  /** Entries into `stageIds` per month of the period; an idea that comes back counts again. */
  entries(f: FigureFilters, stageIds: number[]): Promise<{ stageId: number; month: string; count: number }[]>;
  /**
   * The stays in each stage that ended in the period: how many, and how many of them went on to
   * the stage's `nextId` (the stage after it in the flow; null for none).
   */
  exits(f: FigureFilters, stages: { stageId: number; nextId: number | null }[]): Promise<{ stageId: number; left: number; forward: number }[]>;
  /**
   * Days in each stage by the stays that ended in the period, at the ranks asked for (nearest
   * rank, `stays` being how many ended: `exits`' `left`): median and 90th percentile.
   */
  timeInStage(f: FigureFilters, stages: { stageId: number; stays: number }[]): Promise<{ stageId: number; median: number; p90: number }[]>;
  /** Ideas in a work stage with no event for `days` days or more, oldest first: how many, and the first `limit`. */
  staleIdeas(f: FigureFilters, now: Date, workStageIds: number[], days?: number, limit?: number): Promise<{ total: number; ideas: StaleIdea[] }>;
  /** Rebuilds the stays and the daily counts from the events (after bulk imports, or to check them). */
  rebuildFlowFigures(): Promise<void>;
}

/**
 * A principle's bit in a stay's `principleBits`, the set of its idea's principles. The principles
 * are the OECD's five (their ids 1 to 5); an id past 31 would not fit a 32-bit integer.
 */
export function principleBit(principleId: number) {
  if (!isPrincipleId(principleId)) throw new Error(`Principle id ${principleId} has no bit in a stay's principleBits`);
  return 2 ** (principleId - 1);
}

const isPrincipleId = (id: number) => Number.isInteger(id) && id >= 1 && id <= 31;

/** The bit a filter tests: none (so no stay matches) for a principle that does not exist. */
export const filterBit = (principleId: number) => (isPrincipleId(principleId) ? principleBit(principleId) : 0);

/**
 * The nearest rank of a percentile among `n` values, ⌈n·p⌉ worked out in whole numbers (p as
 * num/den), so both engines and this code agree where floating point would not (0.9 × 70 is 63.000…01).
 */
export const nearestRank = (n: number, num: number, den: number) => Math.floor((n * num + den - 1) / den);
export const MEDIAN = [1, 2] as const;
export const P90 = [9, 10] as const;

/** A rebuild reads every event in one transaction: at 500,000 events that takes seconds, not Prisma's default 5. */
export const REBUILD_TIMEOUT = { maxWait: 10_000, timeout: 10 * 60_000 };
