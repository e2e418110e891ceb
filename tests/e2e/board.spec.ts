import { expect, test, type Page } from "@playwright/test";
import { DEMO_USERS } from "../../prisma/seed-data/reference";
import { expectNoAxeViolations, signIn } from "./helpers";

const column = (page: Page, key: string) => page.locator(`#col-${key}`);
const cardTitles = (page: Page, key: string) => column(page, key).locator("article h3").allInnerTexts();

test("a facilitator moves a card with the keyboard only, hearing where it is", async ({ page }) => {
  await signIn(page, "facilitator@example.lv");
  await page.goto("/board");
  await expectNoAxeViolations(page);
  const handle = column(page, "discover")
    .getByRole("button", { name: /^Pārvietot kartīti:/ })
    .first();
  const title = (await handle.getAttribute("aria-label"))!.replace("Pārvietot kartīti: ", "");
  await handle.focus();
  await page.keyboard.press("Space");
  await expect(page.locator("[id^=DndLiveRegion]")).toContainText(`Paņemta kartīte „${title}”. Posms „Izpēte”, pozīcija 1 no`);
  await page.keyboard.press("ArrowDown");
  await expect(page.locator("[id^=DndLiveRegion]")).toContainText("Posms „Izpēte”, pozīcija 2 no");
  await page.keyboard.press("ArrowRight");
  await expect(page.locator("[id^=DndLiveRegion]")).toContainText("Problēmas definēšana");
  await page.keyboard.press("Space");
  await expect(page.locator("[id^=DndLiveRegion]")).toContainText(`Kartīte „${title}” tiek pārvietota: posms „Problēmas definēšana”, pozīcija`);
  await expect(page.getByTestId("board-saved")).toContainText(`Kartīte „${title}” pārvietota: posms „Problēmas definēšana”`);
  await expect.poll(() => cardTitles(page, "define")).toContain(title);
  // The server kept it: a reload shows the card in its new column.
  await page.waitForLoadState("networkidle");
  await page.reload();
  await expect.poll(() => cardTitles(page, "define")).toContain(title);
  expect(await cardTitles(page, "discover")).not.toContain(title);
});

test("Escape cancels a keyboard move and the card stays", async ({ page }) => {
  await signIn(page, "facilitator@example.lv");
  await page.goto("/board");
  const handle = column(page, "develop")
    .getByRole("button", { name: /^Pārvietot kartīti:/ })
    .first();
  const title = (await handle.getAttribute("aria-label"))!.replace("Pārvietot kartīti: ", "");
  await handle.focus();
  await page.keyboard.press("Space");
  await page.keyboard.press("ArrowLeft");
  await page.keyboard.press("Escape");
  await expect(page.locator("[id^=DndLiveRegion]")).toContainText("Pārvietošana atcelta");
  await page.reload();
  expect(await cardTitles(page, "develop")).toContain(title);
});

test("“Move to…” works without JavaScript and without dragging, and a closing move asks for a note", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false, locale: "lv-LV" });
  const page = await context.newPage();
  await signIn(page, "facilitator@example.lv");
  await page.goto("/board");
  const card = column(page, "scale").locator("article").first();
  const title = await card.locator("h3").innerText();
  await card.getByRole("link", { name: "Pārvietot uz…" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Pārvaldīt ideju");
  await page.getByLabel("Posms", { exact: true }).selectOption("implemented");
  await page.getByRole("button", { name: "Pārvietot", exact: true }).click();
  await expect(page.locator("#move-form-closingNote-error")).toHaveText("Uzrakstiet noslēguma piezīmi: kas sasniegts vai kāpēc ideja apturēta.");
  await page.getByLabel("Noslēguma piezīme").fill("Ieviests visā valstī; pieteikumu kļūdu skaits samazinājās uz pusi.");
  await page.getByRole("button", { name: "Pārvietot", exact: true }).click();
  await expect(page).toHaveURL(/\/board/);
  await expect(page.getByRole("status")).toHaveText("Kartīte pārvietota.");
  // Closed columns start collapsed; opening one shows its cards.
  await expect(column(page, "implemented").locator("article")).toHaveCount(0);
  await column(page, "implemented").getByRole("link", { name: "Rādīt kartītes" }).click();
  expect(await cardTitles(page, "implemented")).toContain(title);
  await context.close();
});

test("triage without JavaScript: returning an idea with a question reaches the author", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false, locale: "lv-LV" });
  const page = await context.newPage();
  await signIn(page, "facilitator@example.lv");
  await page.goto("/board");
  const card = column(page, "submitted").locator("article").filter({ hasText: "Uzņēmumu reģistrs" }).first();
  const title = await card.locator("h3").innerText();
  await card.getByRole("link", { name: "Izskatīt" }).click();
  await page.getByLabel("Jautājums autoram").fill("Cik uzņēmēju jūs intervējāt? Lūdzu, pievienojiet skaitļus.");
  await page.getByRole("button", { name: "Atgriezt autoram" }).click();
  await expect(page.getByRole("status")).toHaveText("Ideja atgriezta autoram ar jautājumu.");
  expect(await cardTitles(page, "submitted")).not.toContain(title);
  await context.close();

  const authorContext = await browser.newContext({ locale: "lv-LV" });
  const author = await authorContext.newPage();
  await signIn(author, "submitter@example.lv");
  await author.goto("/ideas/mine");
  const item = author.locator("li").filter({ has: author.getByRole("link", { name: title, exact: true }) });
  await expect(item).toContainText("Cik uzņēmēju jūs intervējāt?");
  await authorContext.close();
});

test("the manage page has no accessibility violations", async ({ page }) => {
  await signIn(page, "facilitator@example.lv");
  await page.goto("/board");
  await column(page, "submitted").getByRole("link", { name: "Izskatīt" }).first().click();
  await expect(page.getByRole("heading", { name: "Triāža" })).toBeVisible();
  await expectNoAxeViolations(page);
});

for (const email of ["manager@example.lv", "submitter@example.lv"]) {
  test(`${email} sees the board read-only: no handles and no move controls`, async ({ page, request }) => {
    await signIn(page, email);
    await page.goto("/board");
    await expect(column(page, "discover").locator("article").first()).toBeVisible();
    await expect(page.getByRole("button", { name: /^Pārvietot kartīti/ })).toHaveCount(0);
    await expect(page.getByRole("link", { name: "Pārvietot uz…" })).toHaveCount(0);
    await expectNoAxeViolations(page);
    // Calling the action anyway is refused.
    const cookies = await page.context().cookies();
    const response = await request.post("/board", {
      form: { intent: "move", ideaId: "1", version: "1", stage: "define" },
      headers: { Cookie: cookies.map((c) => `${c.name}=${c.value}`).join("; "), Origin: "http://127.0.0.1:3100" },
    });
    expect(response.status()).toBe(403);
  });
}

test("two facilitators move the same card: the second is told and sees where it went", async ({ browser }) => {
  const contexts = await Promise.all([browser.newContext({ locale: "lv-LV" }), browser.newContext({ locale: "lv-LV" })]);
  const [first, second] = await Promise.all(contexts.map((c) => c.newPage()));
  await signIn(first, "facilitator@example.lv");
  await signIn(second, "ilze.facilitatore@example.lv");
  await first.goto("/board");
  await second.goto("/board");
  const pick = (page: Page) =>
    column(page, "test")
      .getByRole("button", { name: /^Pārvietot kartīti:/ })
      .first();
  const title = (await pick(first).getAttribute("aria-label"))!.replace("Pārvietot kartīti: ", "");
  // The first facilitator moves it one stage left.
  await pick(first).focus();
  await first.keyboard.press("Space");
  await expect(first.locator("[id^=DndLiveRegion]")).toContainText("Paņemta kartīte");
  await first.keyboard.press("ArrowLeft");
  await expect(first.locator("[id^=DndLiveRegion]")).toContainText("Risinājumu izstrāde");
  await first.keyboard.press("Space");
  await expect.poll(() => cardTitles(first, "develop")).toContain(title);
  await first.waitForLoadState("networkidle");
  // The second, whose board is out of date, moves it one stage right.
  await pick(second).focus();
  await second.keyboard.press("Space");
  await expect(second.locator("[id^=DndLiveRegion]")).toContainText("Paņemta kartīte");
  await second.keyboard.press("ArrowRight");
  await expect(second.locator("[id^=DndLiveRegion]")).toContainText("Ieviešana");
  await second.keyboard.press("Space");
  await expect(second.getByRole("alert")).toContainText(
    "Kāds pa to laiku šo kartīti pārvietoja vai mainīja. Tāfele rāda pašreizējo stāvokli; mēģiniet vēlreiz.",
  );
  await expect.poll(() => cardTitles(second, "develop")).toContain(title);
  expect(await cardTitles(second, "scale")).not.toContain(title);
  await Promise.all(contexts.map((c) => c.close()));
});

test("a column over its WIP limit says so in words", async ({ page }) => {
  const { default: Database } = await import("better-sqlite3");
  const db = new Database("tests/.tmp/e2e.db");
  db.prepare(`UPDATE "Stage" SET "wipLimit" = 1 WHERE "key" = 'define'`).run();
  db.close();
  await signIn(page, "manager@example.lv");
  await page.goto("/board");
  await expect(column(page, "define")).toContainText("Pārsniegts limits 1!");
  await expect(column(page, "discover")).not.toContainText("limits");
});

test("a submitter sees an unread notification after a facilitator moves their idea", async ({ browser }) => {
  const facilitatorContext = await browser.newContext({ locale: "lv-LV" });
  const facilitator = await facilitatorContext.newPage();
  await signIn(facilitator, "facilitator@example.lv");
  await facilitator.goto("/board");
  const card = column(facilitator, "discover").locator("article").first();
  const title = await card.locator("h3").innerText();
  const id = (await card.getAttribute("id"))!.replace("card-", "");
  // Whose idea it is, from the idea page.
  await facilitator.goto(`/ideas/${id}`);
  const authorName = (await facilitator.locator("dt", { hasText: "Autors" }).locator("xpath=following-sibling::dd[1]").innerText()).split(",")[0].trim();
  const authorEmail = DEMO_USERS.find((u) => u.name === authorName)!.email;
  await facilitator.goto(`/ideas/${id}/manage#move`);
  await facilitator.getByLabel("Posms", { exact: true }).selectOption("define");
  await facilitator.getByRole("button", { name: "Pārvietot", exact: true }).click();
  await expect(facilitator.getByText("Kartīte pārvietota.")).toBeVisible();
  await facilitatorContext.close();

  const authorContext = await browser.newContext({ locale: "lv-LV" });
  const author = await authorContext.newPage();
  await signIn(author, authorEmail);
  await expect(author.getByTestId("notifications-link")).toContainText(/Paziņojumi\s*\d+/);
  await author.getByTestId("notifications-link").click();
  await expect(author.getByRole("heading", { level: 1 })).toHaveText("Paziņojumi");
  await expect(author.getByRole("listitem").filter({ hasText: title }).first()).toContainText("Jūsu ideja pārvietota uz citu posmu:");
  await expectNoAxeViolations(author);
  await author.getByRole("button", { name: "Atzīmēt visus kā izlasītus" }).click();
  await expect(author.getByTestId("notifications-link")).toHaveText(/^Paziņojumi\s*$/);
  await authorContext.close();
});
