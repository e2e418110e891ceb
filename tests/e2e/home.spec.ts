import { expect, test, type Page } from "@playwright/test";
import { expectNoAxeViolations, signIn } from "./helpers";

const section = (page: Page, name: string) => page.getByRole("region", { name });

/** Switches the interface to English, runs `check`, and always switches back (the choice is saved with the person). */
async function inEnglish(page: Page, check: () => Promise<void>) {
  await page.getByRole("button", { name: "Switch to English" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  try {
    await check();
  } finally {
    await page.getByRole("button", { name: "Pārslēgt uz latviešu valodu" }).click();
    await expect(page.locator("html")).toHaveAttribute("lang", "lv");
  }
}

test("a submitter's home lists the question waiting for them, their drafts and the news about their ideas, in both languages", async ({ page }) => {
  await signIn(page, "submitter@example.lv");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Jūsu darbi");
  await expect(page.getByText("Labdien! Laura Kalniņa, Iesniedzējs, Uzņēmumu reģistrs")).toBeVisible();
  const returned = section(page, "Laboratorija gaida jūsu atbildi");
  await expect(returned.getByRole("link", { name: "Atgādinājumi biedrībām par gada pārskata iesniegšanas termiņu", exact: true })).toBeVisible();
  await expect(returned).toContainText("Jautājums: Paldies par ideju! Vai varat precizēt");
  await expect(section(page, "Jūsu melnraksti").getByRole("listitem")).not.toHaveCount(0);
  await expect(section(page, "Jūsu melnraksti")).toContainText(/labots (pirms \d+ dien(ām|as)|šodien)/);
  await expect(section(page, "Jaunumi par jūsu idejām").getByRole("listitem").first()).toBeVisible();
  // No more navigation or principles repeated on the page.
  await expect(page.getByRole("main").getByRole("heading", { name: "OECD Deklarācija par inovācijām valsts pārvaldē" })).toHaveCount(0);
  await expectNoAxeViolations(page);

  await inEnglish(page, async () => {
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Your to-do list");
    await expect(section(page, "The lab is waiting for your answer")).toContainText("Question:");
    await expect(section(page, "Your drafts")).toContainText(/edited (\d+ days? ago|today)/);
    await expectNoAxeViolations(page);
  });

  await section(page, "Jūsu melnraksti").getByRole("link", { name: "Visas jūsu idejas" }).click();
  await expect(page).toHaveURL(/\/ideas\/mine$/);
});

test("marking the news as seen empties the list until something changes again", async ({ page }) => {
  await signIn(page, "anna.berzina@example.lv");
  const news = section(page, "Jaunumi par jūsu idejām");
  await expect(news).toContainText("Visi jaunumi, kopš jums ir idejas.");
  await expect(news.getByRole("listitem").first()).toBeVisible();
  await news.getByRole("button", { name: "Atzīmēt kā redzētu" }).click();
  await expect(page.getByRole("status")).toHaveText("Jaunumi atzīmēti kā redzēti.");
  await expect(news).toContainText("Kopš tā laika nekas nav mainījies.");
  await expect(news).toContainText(/Kopš jūs tos pēdējo reizi atzīmējāt kā redzētus \(\d{4}\. gada \d+\. \p{L}+\)\./u);
  await expect(news.getByRole("button", { name: "Atzīmēt kā redzētu" })).toHaveCount(0);
  await expectNoAxeViolations(page);
});

test("a facilitator's home lists the ideas waiting for triage with their age, those assigned to them and the stale ones, in both languages", async ({
  page,
}) => {
  await signIn(page, "facilitator@example.lv");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Jūsu darbi");
  const triage = section(page, "Gaida izskatīšanu");
  await expect(triage.getByRole("listitem").first()).toContainText(/iesniegta (pirms \d+ dien(ām|as)|šodien)/);
  await expect(section(page, "Jums piešķirtās idejas")).toBeVisible();
  await expect(section(page, "Idejas bez darbībām")).toBeVisible();
  await expect(section(page, "Jūsu melnraksti")).toHaveCount(0);
  await expectNoAxeViolations(page);

  await inEnglish(page, async () => {
    await expect(section(page, "Waiting for triage").getByRole("listitem").first()).toContainText(/submitted (\d+ days? ago|today)/);
    await expect(section(page, "Ideas assigned to you")).toBeVisible();
    await expectNoAxeViolations(page);
  });

  await triage.getByRole("link", { name: "Visas idejas, kas gaida izskatīšanu" }).click();
  await expect(page).toHaveURL(/\/ideas\?stage=submitted$/);
});

test("a manager's home shows the headline figures and the last seven days, in both languages", async ({ page }) => {
  await signIn(page, "manager@example.lv");
  await expect(section(page, "Galvenie rādītāji šogad").getByTestId("home-headline-submitted")).toHaveText(/^\d+$/);
  await expect(section(page, "Pēdējās 7 dienās").getByRole("list", { name: "Pēdējo 7 dienu izmaiņas skaitļos" })).toContainText(/\d+ iesniegt/);
  await expect(section(page, "Gaida izskatīšanu")).toHaveCount(0);
  await expectNoAxeViolations(page);

  await inEnglish(page, async () => {
    await expect(section(page, "Headline figures this year")).toBeVisible();
    await expect(section(page, "The last 7 days")).toContainText(/\d+ ideas? submitted/);
    await expectNoAxeViolations(page);
  });
});

test("an administrator's home shows the lab's lists and the figures", async ({ page }) => {
  await signIn(page, "admin@example.lv");
  await expect(section(page, "Gaida izskatīšanu")).toBeVisible();
  await expect(section(page, "Galvenie rādītāji šogad")).toBeVisible();
  await expectNoAxeViolations(page);
});
