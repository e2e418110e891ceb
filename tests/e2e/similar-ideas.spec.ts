// "Similar ideas" beside the brief's first step: as the need is typed (with JavaScript) or through
// "Meklēt līdzīgas" (without), the panel finds a demo idea with the same need in other words;
// supporting it from the panel keeps what was typed and offers to stop writing. At a phone's size
// the panel follows the form and is usable; axe finds nothing on the way.
import { expect, test, type Locator, type Page } from "@playwright/test";
import { expectNoAxeViolations, signIn } from "./helpers";

// A few pages each, each checked with axe: a 2-core machine needs more than the default minute.
test.describe.configure({ timeout: 120_000 });

/** The demo idea (prisma/seed-data/demo-ideas.ts, the State Forest Service's) that the typed need is like. */
const TARGET = "Meža īpašnieku konsultāciju pieraksts reģionālajās virsmežniecībās";

/** A need sharing the target's word stems, in other word forms. */
const NEED = {
  Nosaukums: "Pierakstīšanās uz mežziņa konsultāciju meža īpašniekiem",
  Īsumā: "Meža īpašnieki varētu tiešsaistē pierakstīties uz konsultācijām virsmežniecībā.",
  "Kam tas palīdzēs?": "Meža īpašniekam, kurš dzīvo tālu no sava meža.",
  "Kāda ir viņu problēma vai vajadzība?": "Īpašnieki nezina, kad mežzinis pieņem, un brauc uz virsmežniecību veltīgi.",
};

async function typeNeed(page: Page) {
  for (const [label, value] of Object.entries(NEED)) await page.getByLabel(label, { exact: true }).fill(value);
}

async function expectNeedKept(page: Page) {
  for (const [label, value] of Object.entries(NEED)) await expect(page.getByLabel(label, { exact: true })).toHaveValue(value);
}

const panelOf = (page: Page) => page.getByRole("region", { name: "Līdzīgas idejas" });

/** The panel's item for the target idea. */
const targetItem = (panel: Locator) => panel.getByRole("listitem").filter({ has: panel.page().getByRole("link", { name: new RegExp(`^${TARGET}`) }) });

/** The item's supporter count ("Atbalsta: 3"). */
async function supporters(item: Locator) {
  return Number((await item.getByText(/^Atbalsta: \d+$/).innerText()).replace(/\D/g, ""));
}

/** Makes sure the person does not support the target yet (the demo data gives some ideas supporters). */
async function notYetSupporting(item: Locator) {
  const button = item.getByRole("button", { name: /^Arī man ir šī problēma/ });
  if ((await button.getAttribute("aria-pressed")) === "true") {
    await button.click();
    await expect(item.page().getByText(`Jūsu atbalsts idejai «${TARGET}» noņemts.`)).toBeVisible();
  }
  await expect(item.getByRole("button", { name: /^Arī man ir šī problēma/ })).toHaveAttribute("aria-pressed", "false");
  return item.getByRole("button", { name: /^Arī man ir šī problēma/ });
}

test("with JavaScript, typing the need shows a like idea from another institution; supporting it from the panel offers to stop writing", async ({ page }) => {
  await signIn(page, "submitter@example.lv");
  await page.goto("/ideas/new");
  const panel = panelOf(page);
  await expect(panel.getByRole("heading", { name: "Līdzīgas idejas" })).toBeVisible();
  await expect(panel.getByText(/^Varbūt kāds jau ir minējis/)).toBeVisible();
  await expectNoAxeViolations(page);

  // Typing is enough (no button): the panel updates after a pause, and says how many and from how many institutions.
  await typeNeed(page);
  const item = targetItem(panel);
  await expect(item).toBeVisible();
  await expect(page.getByTestId("similar-count")).toHaveAttribute("aria-live", "polite");
  await expect(page.getByTestId("similar-count")).toHaveText(/^Atrastas? \d līdzīgas? idejas?\. Līdzīgas vajadzības minēj(usi \d iestāde|ušas \d iestādes)\.$/);
  await expect(item.getByRole("link", { name: `${TARGET} (atveras jaunā cilnē)` })).toHaveAttribute("target", "_blank");
  await expect(item.getByRole("link", { name: new RegExp(`^${TARGET}`) }).locator("span[lang=lv]")).toHaveText(TARGET);
  await expect(item.getByText("Valsts meža dienests")).toBeVisible();
  await expect(item.getByText("Problēmas definēšana")).toBeVisible();
  // The typing kept the focus where it was.
  await expect(page.getByLabel("Kāda ir viņu problēma vai vajadzība?")).toBeFocused();
  await expectNoAxeViolations(page);

  const button = await notYetSupporting(item);
  const before = await supporters(item);
  await button.click();
  const notice = panel.locator("[data-support-notice]");
  await expect(notice).toContainText(`Jūs atbalstījāt «${TARGET}».`);
  await expect(notice).toBeFocused();
  await expect(item.getByRole("button", { name: /^Arī man ir šī problēma/ })).toHaveAttribute("aria-pressed", "true");
  expect(await supporters(item)).toBe(before + 1);
  await expectNeedKept(page);
  await expect(page).toHaveURL(/\/ideas\/new$/);
  await expectNoAxeViolations(page);

  // Continue writing puts the notice away and goes back to the title; stopping opens the idea, supported.
  await notice.getByRole("link", { name: "Turpināt rakstīt savu ideju" }).click();
  await expect(page.getByLabel("Nosaukums", { exact: true })).toBeFocused();
  await expect(notice).toHaveCount(0);
  await item.getByRole("button", { name: /^Arī man ir šī problēma/ }).click();
  await expect(notice).toContainText(`Jūsu atbalsts idejai «${TARGET}» noņemts.`);
  await item.getByRole("button", { name: /^Arī man ir šī problēma/ }).click();
  await expect(notice).toContainText(`Jūs atbalstījāt «${TARGET}».`);
  await notice.getByRole("link", { name: "Pārtraukt rakstīt un atvērt ideju" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(TARGET);
  await expect(page.getByRole("button", { name: "Arī man ir šī problēma" })).toHaveAttribute("aria-pressed", "true");
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("Meklēt līdzīgas fills the panel keeping what was typed; supporting from it keeps it too, and the brief goes on", async ({ page }) => {
    await signIn(page, "anna.berzina@example.lv");
    await page.goto("/ideas/new");
    await typeNeed(page);
    await page.getByRole("button", { name: "Meklēt līdzīgas" }).click();
    await expect(page).toHaveURL(/\/ideas\/new$/);
    await expectNeedKept(page);
    const panel = panelOf(page);
    const item = targetItem(panel);
    await expect(item).toBeVisible();
    await expect(panel.getByText(/Līdzīgas vajadzības minēj(usi \d iestāde|ušas \d iestādes)\./)).toBeVisible();

    const button = await notYetSupporting(item);
    await expectNeedKept(page);
    const before = await supporters(item);
    await button.click();
    await expect(page).toHaveURL(/\/ideas\/new$/);
    const notice = panel.locator("[data-support-notice]");
    await expect(notice).toContainText(`Jūs atbalstījāt «${TARGET}».`);
    await expect(notice).toBeFocused();
    await expect(notice.getByRole("link", { name: "Pārtraukt rakstīt un atvērt ideju" })).toHaveAttribute("href", /^\/ideas\/\d+$/);
    await expect(notice.getByText("Ja pārtraucat, šeit ierakstītais netiek saglabāts.")).toBeVisible();
    await expect(item.getByRole("button", { name: /^Arī man ir šī problēma/ })).toHaveAttribute("aria-pressed", "true");
    expect(await supporters(item)).toBe(before + 1);
    await expectNeedKept(page);

    // Writing on: the form saves as ever, and its draft's first step keeps the panel (and says the draft is kept).
    await page.getByRole("button", { name: "Saglabāt un turpināt" }).click();
    await expect(page).toHaveURL(/\/ideas\/\d+\/edit\/evidence$/);
    const draftStep = page.url().replace(/\/edit\/evidence$/, "/edit/need");
    await page.goto(draftStep);
    await expectNeedKept(page);
    await expect(targetItem(panelOf(page))).toBeVisible();
    await targetItem(panelOf(page))
      .getByRole("button", { name: /^Arī man ir šī problēma/ })
      .click();
    await expect(panelOf(page).locator("[data-support-notice]")).toContainText(`Jūsu atbalsts idejai «${TARGET}» noņemts.`);
    await targetItem(panelOf(page))
      .getByRole("button", { name: /^Arī man ir šī problēma/ })
      .click();
    await expect(panelOf(page).getByText(/^Jūsu ideja paliek, kāda tā saglabāta/)).toBeVisible();
  });
});

test("at a phone's size the panel follows the form, fits the screen and its buttons work", async ({ browser }) => {
  const context = await browser.newContext({ locale: "lv-LV" });
  const page = await context.newPage();
  await signIn(page, "ilze.kalnina@example.lv");
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/ideas/new");
  await typeNeed(page);
  const panel = panelOf(page);
  const item = targetItem(panel);
  await expect(item).toBeVisible();
  // Under the form's buttons, as wide as the form, and nothing scrolls sideways.
  const form = (await page.locator("#brief-need-form").boundingBox())!;
  const box = (await panel.boundingBox())!;
  expect(box.y).toBeGreaterThan(form.y + form.height - 1);
  expect(box.x + box.width).toBeLessThanOrEqual(390);
  const { scroll, client } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
  expect(scroll).toBeLessThanOrEqual(client);
  const button = await notYetSupporting(item);
  const size = (await button.boundingBox())!;
  expect(size.height).toBeGreaterThanOrEqual(44);
  await button.click();
  const notice = panel.locator("[data-support-notice]");
  await expect(notice).toContainText(`Jūs atbalstījāt «${TARGET}».`);
  await expect(notice).toBeInViewport();
  await expectNoAxeViolations(page);
  await context.close();
});

test("on an idea's page, facilitators see the ideas most like it and submitters do not", async ({ browser }) => {
  for (const [email, shown] of [
    ["facilitator@example.lv", true],
    ["maris.liepa@example.lv", false],
  ] as const) {
    const context = await browser.newContext({ locale: "lv-LV" });
    const page = await context.newPage();
    await signIn(page, email);
    await page.goto(`/ideas?q=${encodeURIComponent("reģionālajās virsmežniecībās")}`);
    await page.getByRole("link", { name: TARGET }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(TARGET);
    const section = panelOf(page);
    if (shown) {
      await expect(section.getByText(/Līdzīgas vajadzības minēj(usi \d iestāde|ušas \d iestādes)\./)).toBeVisible();
      const items = section.getByRole("listitem");
      expect(await items.count()).toBeGreaterThan(0);
      expect(await items.count()).toBeLessThanOrEqual(5);
      await expect(section.getByRole("link", { name: TARGET })).toHaveCount(0);
      await expect(section.getByRole("button")).toHaveCount(0);
      await expectNoAxeViolations(page);
    } else await expect(section).toHaveCount(0);
    await context.close();
  }
});
