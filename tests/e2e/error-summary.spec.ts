import { expect, test, type Page } from "@playwright/test";
import { expectNoAxeViolations, signIn } from "./helpers";

// A name over the 200 characters a name may have: refused, and kept as typed.
const LONG_NAME = "Anna-Marija Kalniņa-Ozoliņa ".repeat(8).trim();

/**
 * The summary took the focus, names the problem, links to the field, and the title says "Error".
 * axe runs in the page, so it checks the summary where scripts run (the server draws the same markup for both).
 */
async function expectSummary(page: Page, { heading, prefix, field, axe }: { heading: string; prefix: string; field: string; axe: boolean }) {
  const summary = page.locator("[data-error-summary]");
  await expect(summary).toBeFocused();
  await expect(summary.getByRole("heading", { level: 2 })).toHaveText(heading);
  await expect(page).toHaveTitle(new RegExp(`^${prefix}`));
  const link = summary.locator(`a[href="#${field}"]`);
  await expect(link).toHaveCount(1);
  if (axe) await expectNoAxeViolations(page);
  await link.click();
  await expect(page.locator(`#${field}`)).toBeFocused();
}

for (const javaScriptEnabled of [true, false]) {
  const how = javaScriptEnabled ? "with JavaScript" : "without JavaScript";

  test(`the account page's error summary ${how}, in Latvian and English`, async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled, locale: "lv-LV" });
    const page = await context.newPage();
    await signIn(page, "manager@example.lv");
    let english = false;
    try {
      await page.goto("/account");
      await expect(page).toHaveTitle(/^Mans konts/);
      await page.getByLabel("Vārds un uzvārds").fill(LONG_NAME);
      await page.getByRole("button", { name: "Saglabāt profilu" }).click();
      await expectSummary(page, { heading: "Ir problēma", prefix: "Kļūda: ", field: "profile-form-name", axe: javaScriptEnabled });
      await expect(page.getByLabel("Vārds un uzvārds")).toHaveValue(LONG_NAME);

      await page.getByRole("button", { name: "Switch to English" }).click();
      english = true;
      await expect(page.locator("html")).toHaveAttribute("lang", "en");
      await page.goto("/account");
      // A page without errors has its plain title.
      await expect(page).not.toHaveTitle(/^Error: /);
      await page.getByLabel("Name", { exact: true }).fill(LONG_NAME);
      await page.getByRole("button", { name: "Save the profile" }).click();
      await expectSummary(page, { heading: "There is a problem", prefix: "Error: ", field: "profile-form-name", axe: javaScriptEnabled });
      await expect(page.getByLabel("Name", { exact: true })).toHaveValue(LONG_NAME);
    } finally {
      if (english) {
        await page.getByRole("button", { name: "Pārslēgt uz latviešu valodu" }).click();
        await expect(page.locator("html")).toHaveAttribute("lang", "lv");
      }
      await context.close();
    }
  });

  test(`the experiment form's error summary ${how}: every missing answer is listed, the typed one kept`, async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled, locale: "lv-LV" });
    const page = await context.newPage();
    await signIn(page, "facilitator@example.lv");
    await page.goto("/board");
    const id = (await page.locator("#col-develop article").first().getAttribute("id"))!.replace("card-", "");
    await page.goto(`/ideas/${id}/experiments/new`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Jauns eksperiments");
    const hypothesis = "Mēs uzskatām, ka īsāka veidlapa samazinās kļūdu skaitu.";
    await page.getByLabel("Mēs uzskatām, ka…").fill(hypothesis);
    await page.getByRole("button", { name: "Saglabāt eksperimentu" }).click();
    const method = await page.getByLabel("Lai to pārbaudītu, mēs…").getAttribute("id");
    expect(await page.locator("[data-error-summary] li").count()).toBeGreaterThan(1);
    await expectSummary(page, { heading: "Ir problēma", prefix: "Kļūda: ", field: method!, axe: javaScriptEnabled });
    await expect(page.getByLabel("Mēs uzskatām, ka…")).toHaveValue(hypothesis);
    // Nothing was saved: the page is still the new experiment's.
    await expect(page).toHaveURL(new RegExp(`/ideas/${id}/experiments/new`));
    await context.close();
  });
}

test("with JavaScript, the title loses its prefix once the errors are fixed", async ({ page }) => {
  await signIn(page, "manager@example.lv");
  await page.goto("/account");
  const name = await page.getByLabel("Vārds un uzvārds").inputValue();
  await page.getByLabel("Vārds un uzvārds").fill("");
  await page.getByRole("button", { name: "Saglabāt profilu" }).click();
  await expect(page.locator("[data-error-summary]")).toBeFocused();
  await expect(page).toHaveTitle(/^Kļūda: /);
  await page.getByLabel("Vārds un uzvārds").fill(name);
  await expect(page.locator("[data-error-summary]")).toHaveCount(0);
  await expect(page).toHaveTitle(/^Mans konts/);
});
