// The order of cards within a column: each card holds a number between its neighbours' numbers.
// Inserting between two cards takes the midpoint; when the gap gets too small to split, the
// column is renumbered (in the same transaction as the move). See docs/decisions/0004-card-order.md.

export const STEP = 1024;
export const MIN_GAP = 1e-6;

/** The number for a card placed between `before` and `after` (null: the column's start or end), or null when no room is left. */
export function positionBetween(before: number | null, after: number | null): number | null {
  if (before === null && after === null) return STEP;
  if (before === null) return after! - STEP > 0 ? after! - STEP : after! / 2 > MIN_GAP ? after! / 2 : null;
  if (after === null) return before + STEP;
  if (after - before <= MIN_GAP * 2) return null;
  const middle = before + (after - before) / 2;
  return middle > before && middle < after ? middle : null;
}

/** Evenly spaced numbers for a column of `count` cards. */
export function renumbered(count: number): number[] {
  return Array.from({ length: count }, (_, i) => (i + 1) * STEP);
}

export type Placement = { kind: "insert"; position: number } | { kind: "renumber"; order: number[]; position: number; positions: Map<number, number> };

/**
 * Where a card goes when dropped at `index` (0-based) of a column whose other cards are `ids` in
 * order with `positions`. Returns the new number, or a renumbering of the whole column with the card in it.
 */
export function placeAt(ids: number[], positions: number[], index: number, cardId: number): Placement {
  const before = index > 0 ? positions[index - 1] : null;
  const after = index < positions.length ? positions[index] : null;
  const position = positionBetween(before, after);
  if (position !== null) return { kind: "insert", position };
  const order = [...ids.slice(0, index), cardId, ...ids.slice(index)];
  const numbers = renumbered(order.length);
  return { kind: "renumber", order, position: numbers[index], positions: new Map(order.map((id, i) => [id, numbers[i]])) };
}
