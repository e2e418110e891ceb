import { expect, test, type Page } from "@playwright/test";
import { expectNoAxeViolations, signIn } from "./helpers";

const column = (page: Page, key: string) => page.locator(`#col-${key}`);

// axe runs in the page, so it checks these pages in the journey with JavaScript (the second test).
test("triage without JavaScript: the brief beside the decision, a decline confirmed on a second step (or cancelled), then undone from the history", async ({
  browser,
}) => {
  const context = await browser.newContext({ javaScriptEnabled: false, locale: "lv-LV" });
  const page = await context.newPage();
  await signIn(page, "facilitator@example.lv");
  await page.goto("/board");
  const card = column(page, "submitted").locator("article").first();
  const id = (await card.getAttribute("id"))!.replace("card-", "");
  const title = await card.locator("h3").innerText();
  await card.getByRole("link", { name: "Izskatīt" }).click();

  // The whole brief, in sections: the first open, the others a click away.
  const brief = page.getByRole("region", { name: "Idejas apraksts" });
  await expect(brief).toBeVisible();
  const sections = brief.locator("details");
  await expect(sections).toHaveCount(5);
  await expect(sections.first()).toHaveAttribute("open", "");
  await expect(sections.first().getByText("Kam tas palīdzēs?")).toBeVisible();
  await expect(sections.nth(1).getByText("Kā jūs to zināt?")).toBeHidden();
  await sections.nth(1).locator("summary").click();
  await expect(sections.nth(1).getByText("Kā jūs to zināt?")).toBeVisible();
  await expect(page.getByRole("heading", { name: "Triāža" })).toBeVisible();
  await expect(page.getByLabel("Par kuru briefa daļu ir jautājums?")).toBeVisible();

  // Declining asks first; "Atcelt" goes back with nothing changed.
  const reason = "Šo jau risina Valsts kanceleja; pievienojieties tās darba grupai.";
  await page.getByLabel("Noraidīšanas iemesls").fill(reason);
  await page.getByRole("button", { name: "Noraidīt", exact: true }).click();
  await expect(page.getByRole("heading", { level: 2, name: "Vai tiešām noraidīt šo ideju?" })).toBeVisible();
  await expect(page.getByText(reason)).toBeVisible();
  await page.getByRole("link", { name: "Atcelt" }).click();
  await expect(page.getByRole("heading", { name: "Triāža" })).toBeVisible();
  await page.goto("/board");
  await expect(column(page, "submitted").locator(`#card-${id}`)).toHaveCount(1);

  // Declined for real this time.
  await page.goto(`/ideas/${id}/manage`);
  await page.getByLabel("Noraidīšanas iemesls").fill(reason);
  await page.getByRole("button", { name: "Noraidīt", exact: true }).click();
  await page.getByRole("button", { name: "Jā, noraidīt" }).click();
  await expect(page.getByRole("status")).toHaveText("Ideja noraidīta.");
  await expect(column(page, "submitted").locator(`#card-${id}`)).toHaveCount(0);

  // The idea's history takes it back.
  await page.goto(`/ideas/${id}`);
  await expect(page.getByText(reason)).toBeVisible();
  await page.getByRole("button", { name: "Atsaukt noraidīšanu" }).click();
  await expect(page.getByRole("status")).toHaveText("Noraidīšana atsaukta: ideja atkal gaida triāžu.");
  await expect(page.getByText("Noraidīšana atsaukta; ideja atkal posmā „Iesniegtas”")).toBeVisible();
  await expect(page.getByRole("button", { name: "Atsaukt noraidīšanu" })).toHaveCount(0);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
  await page.goto("/board");
  await expect(column(page, "submitted").locator(`#card-${id}`)).toHaveCount(1);
  await context.close();
});

test("triage with JavaScript: the brief beside the decision, the confirmation in place, cancel, decline, undo; axe finds nothing on each", async ({ page }) => {
  await signIn(page, "facilitator@example.lv");
  await page.goto("/board");
  const card = column(page, "submitted").locator("article").last();
  const id = (await card.getAttribute("id"))!.replace("card-", "");
  await card.getByRole("link", { name: "Izskatīt" }).click();
  await expect(page.getByRole("region", { name: "Idejas apraksts" }).locator("details").first()).toHaveAttribute("open", "");
  await expect(page.getByRole("heading", { name: "Triāža" })).toBeVisible();
  await expectNoAxeViolations(page);

  const reason = "Ārpus laboratorijas darba jomas: tas ir likumdošanas jautājums.";
  await page.getByLabel("Noraidīšanas iemesls").fill(reason);
  await page.getByRole("button", { name: "Noraidīt", exact: true }).click();
  const confirm = page.getByRole("heading", { level: 2, name: "Vai tiešām noraidīt šo ideju?" });
  await expect(confirm).toBeFocused();
  await expectNoAxeViolations(page);
  await page.getByRole("link", { name: "Atcelt" }).click();
  await expect(page.getByRole("heading", { name: "Triāža" })).toBeVisible();

  await page.getByLabel("Noraidīšanas iemesls").fill(reason);
  await page.getByRole("button", { name: "Noraidīt", exact: true }).click();
  await expect(confirm).toBeVisible();
  await page.getByRole("button", { name: "Jā, noraidīt" }).click();
  // The board has a live region of its own for drag and drop.
  await expect(page.getByRole("status").filter({ hasText: "Ideja noraidīta." })).toBeVisible();

  await page.goto(`/ideas/${id}`);
  await expect(page.getByRole("button", { name: "Atsaukt noraidīšanu" })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: "Atsaukt noraidīšanu" }).click();
  await expect(page.getByRole("status")).toHaveText("Noraidīšana atsaukta: ideja atkal gaida triāžu.");
  await expect(page.getByRole("button", { name: "Atsaukt noraidīšanu" })).toHaveCount(0);
  await expectNoAxeViolations(page);
});

test("the closing note is asked only for a closed stage: shown as one is chosen with JavaScript, always there with a hint without", async ({ browser }) => {
  const context = await browser.newContext({ locale: "lv-LV" });
  const page = await context.newPage();
  await signIn(page, "facilitator@example.lv");
  await page.goto("/board");
  const id = (await column(page, "scale").locator("article").first().getAttribute("id"))!.replace("card-", "");
  await page.goto(`/ideas/${id}/manage#move`);
  const note = page.getByLabel("Noslēguma piezīme");
  await expect(note).toBeHidden();
  await page.getByLabel("Posms", { exact: true }).selectOption("implemented");
  await expect(note).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByLabel("Posms", { exact: true }).selectOption("develop");
  await expect(note).toBeHidden();
  await context.close();

  const noScript = await browser.newContext({ javaScriptEnabled: false, locale: "lv-LV" });
  const plain = await noScript.newPage();
  await signIn(plain, "facilitator@example.lv");
  await plain.goto(`/ideas/${id}/manage#move`);
  await expect(plain.getByLabel("Noslēguma piezīme")).toBeVisible();
  await expect(plain.getByText("Vajadzīga tikai, pārvietojot uz slēgtu posmu")).toBeVisible();
  await noScript.close();
});
