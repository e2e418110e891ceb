import { expect, test, type Page } from "@playwright/test";
import { expectNoAxeViolations, signIn } from "./helpers";

// Every list filters through the same bar: controls of one height on one line, widths by kind of
// field, "Rādīt" and one "Notīrīt filtrus" link. The dashboard's dates count only for "Citi datumi".

const year = new Date().getFullYear();

// The dashboard and axe take their time on a busy machine.
test.describe.configure({ timeout: 120_000 });

/** The filter form's text fields, dates and selects, where they are on the screen. */
async function controls(page: Page) {
  return page
    .getByRole("search")
    .locator("input:not([type=checkbox]):not([type=hidden]), select")
    .evaluateAll((els) => els.map((el) => ({ id: el.id, tag: el.tagName.toLowerCase(), ...JSON.parse(JSON.stringify(el.getBoundingClientRect())) })));
}

for (const list of [
  { path: "/ideas", search: "filter-q", select: "filter-stage", label: "Posms" },
  { path: "/lessons", search: "lessons-q", select: "lessons-principle", label: "OECD princips" },
]) {
  test(`${list.path}: the filter bar's fields line up, and "Notīrīt filtrus" returns to the whole list`, async ({ page }) => {
    await signIn(page, "facilitator@example.lv");
    await page.goto(list.path);
    const all = await controls(page);
    expect(all.length).toBeGreaterThanOrEqual(4);
    // One height for the text field and the selects (the buttons' 44 px), and no select stretched across the page.
    for (const c of all) expect(c.height, c.id).toBeCloseTo(all[0].height, 0);
    expect(all[0].height).toBeGreaterThanOrEqual(44);
    for (const c of all.filter((c) => c.tag === "select")) expect(c.width, c.id).toBeLessThanOrEqual(320);
    // The search field and the first select share a line and their bottom edge.
    const search = all.find((c) => c.id === list.search)!;
    const select = all.find((c) => c.id === list.select)!;
    expect(select.bottom).toBeCloseTo(search.bottom, 0);
    await expectNoAxeViolations(page);

    // Filter, then clear.
    const field = page.getByLabel(list.label, { exact: true });
    const value = await field.locator("option").nth(1).getAttribute("value");
    await field.selectOption(value!);
    await page.getByRole("button", { name: "Rādīt" }).click();
    await expect(page).toHaveURL(new RegExp(`[?&]${list.select.split("-")[1]}=${value}`));
    await expect(field).toHaveValue(value!);
    await page.getByRole("link", { name: "Notīrīt filtrus" }).click();
    await expect(page).toHaveURL(new RegExp(`${list.path}$`));
    await expect(field).toHaveValue("");
  });
}

test("dashboard with JavaScript: the dates appear only for “Citi datumi”, and a preset leaves no dates in the URL", async ({ page }) => {
  await signIn(page, "manager@example.lv");
  await page.goto("/dashboard");
  const period = page.getByLabel("Periods", { exact: true });
  const from = page.getByLabel("No", { exact: true });
  const to = page.getByLabel("Līdz", { exact: true });
  await expect(period).toHaveValue("year");
  await expect(from).toHaveCount(0);
  await expect(page.getByText("Datumi tiek ņemti vērā tikai tad")).toHaveCount(0);

  // "Citi datumi": the dates appear, filled with the period shown, at the selects' height.
  await period.selectOption("custom");
  await expect(from).toBeVisible();
  await expect(from).toHaveValue(`${year}-01-01`);
  expect((await from.boundingBox())!.height).toBeCloseTo((await period.boundingBox())!.height, 0);
  await from.fill(`${year}-02-01`);
  await to.fill(`${year}-03-31`);
  await page.getByRole("button", { name: "Rādīt" }).click();
  await expect(page).toHaveURL(new RegExp(`period=custom&from=${year}-02-01&to=${year}-03-31`));
  await expect(page.getByText(/^Periods: .*1\. februāris/)).toBeVisible();
  await expect(from).toHaveValue(`${year}-02-01`);
  await expectNoAxeViolations(page);

  // "Notīrīt filtrus": this year again, without the dates.
  await page.getByRole("link", { name: "Notīrīt filtrus" }).click();
  await expect(page).toHaveURL(/\/dashboard$/);
  await expect(period).toHaveValue("year");
  await expect(from).toHaveCount(0);

  // A preset chosen after "Citi datumi": the dates go, from the form and from the URL.
  await period.selectOption("custom");
  await expect(from).toBeVisible();
  await period.selectOption("90d");
  await expect(from).toHaveCount(0);
  await page.getByRole("button", { name: "Rādīt" }).click();
  await expect(page).toHaveURL(/period=90d/);
  expect(page.url()).not.toMatch(/from=|to=/);
  await expect(period).toHaveValue("90d");
});

test("dashboard without JavaScript: the dates are always there with the note, and dates sent with a preset are dropped from the URL", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false, locale: "lv-LV" });
  const page = await context.newPage();
  await signIn(page, "manager@example.lv");
  await page.goto("/dashboard");
  const period = page.getByLabel("Periods", { exact: true });
  const from = page.getByLabel("No", { exact: true });
  const to = page.getByLabel("Līdz", { exact: true });
  await expect(from).toBeVisible();
  await expect(from).toHaveValue("");
  await expect(from).toHaveAccessibleDescription("Datumi tiek ņemti vērā tikai tad, ja periods ir „Citi datumi”.");

  // A date with "Šis gads": not used, and not kept in the URL or the form.
  await from.fill(`${year}-02-01`);
  await page.getByRole("button", { name: "Rādīt" }).click();
  await expect(page).toHaveURL(/period=year/);
  expect(page.url()).not.toMatch(/from=|to=/);
  await expect(from).toHaveValue("");

  // With "Citi datumi" they count.
  await period.selectOption("custom");
  await from.fill(`${year}-02-01`);
  await to.fill(`${year}-03-31`);
  await page.getByRole("button", { name: "Rādīt" }).click();
  await expect(page).toHaveURL(new RegExp(`period=custom&from=${year}-02-01&to=${year}-03-31`));
  await expect(page.getByText(/^Periods: .*1\. februāris/)).toBeVisible();
  await expect(from).toHaveValue(`${year}-02-01`);
  await context.close();
});
