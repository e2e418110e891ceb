// Merging duplicate ideas from the manage page and undoing the merge from the history, with the
// keyboard alone: once with JavaScript (the confirmation in place, its heading focused) and once
// without (the confirmation a page of its own). axe checks each page on the way (where scripts run).
import { expect, test, type Locator, type Page } from "@playwright/test";
import { expectNoAxeViolations, signIn } from "./helpers";

const column = (page: Page, key: string) => page.locator(`#col-${key}`);

/** axe runs in the page: it checks the pages where scripts run (the server draws the same markup for both). */
const axe = (page: Page, script: boolean) => (script ? expectNoAxeViolations(page) : Promise.resolve());

/** Presses Tab until `target` has the focus (a keyboard user's way to a control). */
async function tabTo(page: Page, target: Locator, max = 200) {
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press("Tab");
  }
  throw new Error(`Tab never reached ${target.toString()}`);
}

/** Two ideas from the board: B waiting for triage (the `nth` card of the intake column), A the first card being explored. */
async function pickIdeas(page: Page, nth: number) {
  await page.goto("/board");
  const b = column(page, "submitted").locator("article").nth(nth);
  const a = column(page, "discover").locator("article").first();
  const id = async (card: Locator) => (await card.getAttribute("id"))!.replace("card-", "");
  return { a: { id: await id(a), title: await a.locator("h3").innerText() }, b: { id: await id(b), title: await b.locator("h3").innerText() } };
}

async function mergeAndUndo(page: Page, script: boolean) {
  await signIn(page, "facilitator@example.lv");
  const { a, b } = await pickIdeas(page, script ? 2 : 1);
  await page.goto(`/ideas/${b.id}/manage`);
  const section = page.getByRole("region", { name: "Iespējami dublikāti" });
  await expect(section).toBeVisible();
  await axe(page, script);

  // A likely duplicate's button asks first, on the confirmation; "Atcelt" goes back with nothing changed.
  const candidate = section.getByRole("button", { name: /^Apvienot ar šo: #/ }).first();
  const candidateName = (await candidate.getAttribute("aria-label"))!.replace("Apvienot ar šo: ", "");
  await tabTo(page, candidate);
  await page.keyboard.press("Enter");
  const confirm = page.getByRole("heading", { level: 2, name: "Vai apvienot šo ideju ar citu?" });
  await expect(confirm).toBeVisible();
  if (script) await expect(confirm).toBeFocused();
  const region = page.getByRole("region", { name: "Vai apvienot šo ideju ar citu?" });
  await expect(region.getByRole("link", { name: candidateName })).toBeVisible();
  await expect(region).toContainText("pāries uz otru ideju");
  await expect(region).toContainText("Šīs idejas autors un atbalstītāji saņems paziņojumu.");
  await axe(page, script);
  await tabTo(page, region.getByRole("link", { name: "Atcelt" }));
  await page.keyboard.press("Enter");
  await expect(section).toBeVisible();
  await page.goto("/board");
  await expect(column(page, "submitted").locator(`#card-${b.id}`)).toHaveCount(1);
  await page.goto(`/ideas/${b.id}/manage`);

  // The idea itself is refused beside the number, and the error summary takes the focus.
  const number = page.getByLabel("Idejas numurs");
  await tabTo(page, number);
  await page.keyboard.type(b.id);
  await tabTo(page, section.getByRole("button", { name: "Apvienot…" }));
  await page.keyboard.press("Enter");
  const summary = page.locator("#merge-form [data-error-summary]");
  await expect(summary).toBeFocused();
  await expect(summary).toContainText("Ideju nevar apvienot pašu ar sevi.");
  await expect(page.getByLabel("Idejas numurs")).toHaveValue(b.id);
  await expect(page).toHaveTitle(/^Kļūda: /);
  await axe(page, script);

  // A's number, retyped in the field ("#12" is read as 12): the confirmation names A; "Jā, apvienot" leads to A, which lists B.
  await tabTo(page, page.getByLabel("Idejas numurs"));
  await page.keyboard.press("ControlOrMeta+A");
  await page.keyboard.type(`#${a.id}`);
  await page.keyboard.press("Enter");
  await expect(confirm).toBeVisible();
  if (script) await expect(confirm).toBeFocused();
  await expect(region.getByRole("link", { name: `#${a.id} «${a.title}»` })).toBeVisible();
  await tabTo(page, page.getByRole("button", { name: "Jā, apvienot" }));
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(new RegExp(`/ideas/${a.id}$`));
  await expect(page.getByRole("status").filter({ hasText: "Idejas apvienotas." })).toBeVisible();
  const merged = page.getByRole("region", { name: "Ar šo ideju apvienotās idejas" });
  await expect(merged.getByRole("link", { name: `#${b.id} «${b.title}»` })).toBeVisible();
  const lastEvent = page.getByRole("region", { name: "Vēsture" }).getByRole("listitem").last();
  await expect(lastEvent).toContainText("Ar šo ideju apvienota cita ideja");
  await expect(lastEvent.getByRole("link", { name: `#${b.id} «${b.title}»` })).toBeVisible();
  await axe(page, script);

  // B's page: the banner links to A; B is off the board.
  await page.goto(`/ideas/${b.id}`);
  const banner = page.getByRole("note").filter({ hasText: "Apvienota ar" });
  await expect(banner).toContainText(`Apvienota ar #${a.id} «${a.title}»`);
  await expect(banner.getByRole("link", { name: `#${a.id} «${a.title}»` })).toHaveAttribute("href", `/ideas/${a.id}`);
  await expect(page.getByRole("button", { name: "Arī man ir šī problēma" })).toHaveCount(0);
  await axe(page, script);
  await page.goto("/board");
  await expect(page.locator(`#card-${b.id}`)).toHaveCount(0);

  // Undone from A's history: B is back on the board, and the button is gone.
  await page.goto(`/ideas/${a.id}`);
  const undo = page.getByRole("button", { name: `Atsaukt apvienošanu: #${b.id} «${b.title}»` });
  await tabTo(page, undo);
  await page.keyboard.press("Enter");
  await expect(page.getByRole("status").filter({ hasText: "Apvienošana atsaukta: ideja atkal ir tāfelē." })).toBeVisible();
  await expect(page.getByRole("button", { name: /^Atsaukt apvienošanu/ })).toHaveCount(0);
  await expect(page.getByRole("region", { name: "Vēsture" }).getByRole("listitem").last()).toContainText("Atsaukta citas idejas apvienošana ar šo");
  await expect(page.getByRole("region", { name: "Ar šo ideju apvienotās idejas" })).toHaveCount(0);
  await axe(page, script);
  await page.goto("/board");
  await expect(column(page, "submitted").locator(`#card-${b.id}`)).toHaveCount(1);
}

// Each journey visits eight pages, checks six of them with axe and moves with the Tab key alone: on a
// 2-core machine that is more than the default minute.
test.describe.configure({ timeout: 150_000 });

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });
  test("merging from the manage page on a second page, and undoing it from the history, with the keyboard alone", async ({ page }) => {
    await mergeAndUndo(page, false);
  });
});

test("merging from the manage page with the confirmation in place, and undoing it from the history, with the keyboard alone", async ({ page }) => {
  await mergeAndUndo(page, true);
});
