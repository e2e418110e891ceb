import { describe, expect, test } from "vitest";
import { MIN_GAP, STEP, placeAt, positionBetween, renumbered } from "~/modules/board/ordering";

/** Simulates a column: inserts a card at an index, renumbering when placeAt asks to. */
function insert(column: { id: number; position: number }[], id: number, index: number) {
  const placement = placeAt(
    column.map((c) => c.id),
    column.map((c) => c.position),
    index,
    id,
  );
  if (placement.kind === "insert") {
    column.push({ id, position: placement.position });
  } else {
    column.push({ id, position: placement.position });
    for (const card of column) card.position = placement.positions.get(card.id)!;
  }
  column.sort((a, b) => a.position - b.position);
  return placement.kind;
}

describe("positionBetween", () => {
  test("an empty column starts at one step", () => expect(positionBetween(null, null)).toBe(STEP));
  test("at the end: one step after the last", () => expect(positionBetween(3 * STEP, null)).toBe(4 * STEP));
  test("at the start: one step before the first, or half of it when that would reach zero", () => {
    expect(positionBetween(null, 3 * STEP)).toBe(2 * STEP);
    expect(positionBetween(null, STEP)).toBe(STEP / 2);
  });
  test("between two cards: the midpoint", () => expect(positionBetween(1024, 2048)).toBe(1536));
  test("no room left: null", () => {
    expect(positionBetween(1, 1 + MIN_GAP)).toBeNull();
    expect(positionBetween(null, MIN_GAP)).toBeNull();
  });
});

describe("placeAt", () => {
  const column = () => [1, 2, 3].map((id, i) => ({ id, position: (i + 1) * STEP }));

  test("insert at the start, the end and between", () => {
    const c = column();
    insert(c, 10, 0);
    insert(c, 11, c.length);
    insert(c, 12, 2);
    expect(c.map((x) => x.id)).toEqual([10, 1, 12, 2, 3, 11]);
  });

  test("renumbering keeps the order and puts the card where it was dropped", () => {
    const placement = placeAt([1, 2], [1, 1 + MIN_GAP], 1, 9);
    expect(placement.kind).toBe("renumber");
    if (placement.kind !== "renumber") return;
    expect(placement.order).toEqual([1, 9, 2]);
    expect([...placement.positions.values()]).toEqual(renumbered(3));
    expect(placement.position).toBe(2 * STEP);
  });

  test("many inserts at the same spot stay in order, renumbering when the gap runs out", () => {
    const c = column();
    let renumberings = 0;
    const expected = [1];
    for (let i = 0; i < 200; i++) {
      // Always right after card 1: each new card goes before the previous new one.
      if (insert(c, 100 + i, 1) === "renumber") renumberings++;
      expected.splice(1, 0, 100 + i);
    }
    expect(c.map((x) => x.id)).toEqual([...expected, 2, 3]);
    expect(renumberings).toBeGreaterThan(0);
    expect(new Set(c.map((x) => x.position)).size).toBe(c.length);
  });

  test("many inserts at the start never reach zero or below", () => {
    const c = column();
    for (let i = 0; i < 100; i++) insert(c, 200 + i, 0);
    expect(c[0].id).toBe(299);
    expect(Math.min(...c.map((x) => x.position))).toBeGreaterThan(0);
  });
});
