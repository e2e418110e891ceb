import Database from "better-sqlite3";
import { expect, test, type Page } from "@playwright/test";
import { signIn } from "./helpers";

// Moving cards on the board with the mouse and the keyboard: where a drop lands, closing an idea
// from the board, and what a refused move says.
const column = (page: Page, key: string) => page.locator(`#col-${key}`);
const cardTitles = (page: Page, key: string) => column(page, key).locator("article h3").allInnerTexts();
const handleOf = (page: Page, title: string) => page.getByRole("button", { name: `Pārvietot kartīti: ${title}`, exact: true });
const NAMES: Record<string, string> = {
  submitted: "Iesniegtas",
  discover: "Izpēte",
  define: "Problēmas definēšana",
  develop: "Risinājumu izstrāde",
  test: "Prototipēšana un testēšana",
  scale: "Ieviešana",
  stopped: "Apturētas",
};

function sql<T>(run: (db: Database.Database) => T): T {
  const db = new Database("tests/.tmp/e2e.db");
  try {
    return run(db);
  } finally {
    db.close();
  }
}

/** Drags the card by its handle with the mouse and lets go at (x, y), in small steps as a hand does. */
async function drag(page: Page, title: string, x: number, y: number) {
  const handle = handleOf(page, title);
  await handle.scrollIntoViewIfNeeded();
  const from = (await handle.boundingBox())!;
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await page.mouse.down();
  await page.mouse.move(from.x + from.width / 2 + 10, from.y + from.height / 2 + 10, { steps: 3 });
  await page.mouse.move(x, y, { steps: 12 });
  await page.mouse.move(x, y + 2, { steps: 2 });
  await page.mouse.up();
}

const THIRDS = [
  ["left", 1 / 6],
  ["middle", 1 / 2],
  ["right", 5 / 6],
] as const;

// Each pair of neighbouring columns: three cards go right into the next column, dropped with the
// pointer in its left, middle and right third, then come back left the same way. So every open
// column is reached from both sides.
const PAIRS = [
  ["submitted", "discover"],
  ["discover", "define"],
  ["define", "develop"],
  ["develop", "test"],
  ["test", "scale"],
] as const;

test.describe("mouse drops land in the column under the pointer", () => {
  // The gates have their own tests; here every drop must be allowed.
  test.beforeAll(() => sql((db) => db.prepare(`UPDATE "Stage" SET "gateEnabled" = 0`).run()));
  test.afterAll(() => sql((db) => db.prepare(`UPDATE "Stage" SET "gateEnabled" = 1`).run()));

  for (const [left, right] of PAIRS) {
    test(`between “${NAMES[left]}” and “${NAMES[right]}”, from both sides, in each third`, async ({ page }) => {
      test.setTimeout(90_000);
      await page.setViewportSize({ width: 2400, height: 1000 });
      await signIn(page, "facilitator@example.lv");
      await page.goto("/board");
      const titles = (await cardTitles(page, left)).slice(0, 3);
      expect(titles).toHaveLength(3);
      for (const [from, to] of [
        [left, right],
        [right, left],
      ]) {
        for (const [i, [, third]] of THIRDS.entries()) {
          const box = (await column(page, to).boundingBox())!;
          await drag(page, titles[i], box.x + box.width * third, box.y + 140);
          // Said only once the server has kept the move.
          await expect(page.getByTestId("board-saved")).toContainText(`Kartīte „${titles[i]}” pārvietota: posms „${NAMES[to]}”`);
          expect(await cardTitles(page, from)).not.toContain(titles[i]);
        }
        await page.reload();
        const now = await cardTitles(page, to);
        for (const title of titles) expect(now, `${title} in ${to}`).toContain(title);
      }
    });
  }

  test("dragging near the board's edge scrolls it", async ({ page }) => {
    await page.setViewportSize({ width: 1000, height: 800 });
    await signIn(page, "facilitator@example.lv");
    await page.goto("/board");
    const board = page.getByRole("region", { name: "Tāfeles posmi" });
    expect(await board.evaluate((el) => el.scrollLeft)).toBe(0);
    const title = (await cardTitles(page, "discover"))[0];
    const handle = handleOf(page, title);
    const from = (await handle.boundingBox())!;
    const edge = (await board.boundingBox())!;
    await page.mouse.move(from.x + 5, from.y + 5);
    await page.mouse.down();
    await page.mouse.move(from.x + 20, from.y + 20, { steps: 3 });
    await page.mouse.move(edge.x + edge.width - 5, from.y + 40, { steps: 10 });
    await expect.poll(() => board.evaluate((el) => el.scrollLeft)).toBeGreaterThan(100);
    await page.keyboard.press("Escape");
    await page.mouse.up();
  });
});

test("an idea closes from the board: a drop on a closed column asks for the closing note, and cancelling keeps the card", async ({ page }) => {
  await page.setViewportSize({ width: 2400, height: 1000 });
  await signIn(page, "facilitator@example.lv");
  await page.goto("/board");
  // An idea with no experiments: stopping asks for what its experiments taught, and it has none.
  const { title } = sql(
    (db) =>
      db
        .prepare(
          `SELECT i.title FROM "Idea" i JOIN "Stage" s ON s.id = i.stageId WHERE s.key = 'discover' AND i.status = 'ACTIVE'
           AND NOT EXISTS (SELECT 1 FROM "Experiment" e WHERE e.ideaId = i.id) ORDER BY i.position LIMIT 1`,
        )
        .get() as { title: string },
  );
  const dialog = page.getByRole("dialog");

  // With the mouse, onto the collapsed "Stopped" column; then cancel.
  const stopped = (await column(page, "stopped").boundingBox())!;
  await drag(page, title, stopped.x + stopped.width / 2, stopped.y + 30);
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole("heading")).toHaveText(`Aizvērt ideju „${title}” kā „Apturētas”`);
  await expect(dialog.getByLabel("Noslēguma piezīme")).toBeFocused();
  await dialog.getByRole("button", { name: "Atcelt" }).click();
  await expect(dialog).toBeHidden();
  await expect(handleOf(page, title)).toBeFocused();
  await page.reload();
  expect(await cardTitles(page, "discover")).toContain(title);

  // With the keyboard: right arrow by right arrow, through the collapsed "Implemented" to "Stopped".
  await handleOf(page, title).focus();
  await page.keyboard.press("Space");
  const live = page.locator("[id^=DndLiveRegion]");
  await expect(live).toContainText("Paņemta kartīte");
  for (const key of ["define", "develop", "test", "scale"]) {
    await page.keyboard.press("ArrowRight");
    await expect(live).toContainText(`Posms „${NAMES[key]}”`);
  }
  await page.keyboard.press("ArrowRight");
  await expect(live).toContainText("Posms „Ieviestas”: noliekot prasīs noslēguma piezīmi.");
  await page.keyboard.press("ArrowRight");
  await expect(live).toContainText("Posms „Apturētas”: noliekot prasīs noslēguma piezīmi.");
  await page.keyboard.press("Space");
  await expect(dialog).toBeVisible();
  // Saving without a note is refused beside the field (and in the error summary above it); the dialog stays.
  const save = dialog.getByRole("button", { name: "Saglabāt piezīmi un pārvietot" });
  await save.click();
  await expect(dialog.getByText("Uzrakstiet noslēguma piezīmi: kas sasniegts vai kāpēc ideja apturēta.")).toHaveCount(2);
  await expect(save).toBeEnabled();
  expect(await cardTitles(page, "discover")).toContain(title);
  await dialog.getByLabel("Noslēguma piezīme").fill("Apturēta: intervijās lietotāji šo problēmu neapstiprināja.");
  await save.click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId("board-saved")).toHaveText(`Ideja „${title}” pārvietota uz posmu „Apturētas”.`);
  // The answer comes before the board's data is read again: the card leaves as soon as it is.
  await expect.poll(() => cardTitles(page, "discover")).not.toContain(title);
  await column(page, "stopped").getByRole("link", { name: "Rādīt kartītes" }).click();
  await expect.poll(() => cardTitles(page, "stopped")).toContain(title);
});

test("a refused keyboard move is announced as refused, with the reason, and the focus stays on the card", async ({ page }) => {
  await page.setViewportSize({ width: 2400, height: 1000 });
  // An idea in "Develop" without a Test Card: the gate of "Prototype and test" refuses it.
  const idea = sql(
    (db) =>
      db
        .prepare(
          `SELECT i.title FROM "Idea" i JOIN "Stage" s ON s.id = i.stageId WHERE s.key = 'develop' AND i.status = 'ACTIVE'
           AND NOT EXISTS (SELECT 1 FROM "Experiment" e WHERE e.ideaId = i.id) ORDER BY i.position LIMIT 1`,
        )
        .get() as { title: string },
  );
  await signIn(page, "facilitator@example.lv");
  await page.goto("/board");
  await handleOf(page, idea.title).focus();
  await page.keyboard.press("Space");
  await page.keyboard.press("ArrowRight");
  await expect(page.locator("[id^=DndLiveRegion]")).toContainText("Posms „Prototipēšana un testēšana”");
  await page.keyboard.press("Space");
  const alert = page.getByRole("alert");
  await expect(alert).toContainText(`Kartīte „${idea.title}” netika pārvietota un palika vietā.`);
  await expect(alert).toContainText("vajag vismaz vienu eksperimentu");
  await expect(page.locator("[id^=DndLiveRegion]")).not.toContainText("nolikta");
  await expect(handleOf(page, idea.title)).toBeFocused();
  expect(await cardTitles(page, "develop")).toContain(idea.title);
  expect(await cardTitles(page, "test")).not.toContain(idea.title);
});
