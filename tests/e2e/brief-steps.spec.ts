// The brief step by step (GOV.UK question pages, then check your answers), with and without
// JavaScript: a refused step keeps what was typed, Back keeps it too, Change returns to its step,
// and an idea written in English is marked lang="en" in the Latvian interface.
import { expect, test, type Page } from "@playwright/test";
import { expectNoAxeViolations, signIn } from "./helpers";

// Each journey visits seven pages and checks each with axe: a 2-core machine needs more than a minute.
test.describe.configure({ timeout: 180_000 });

const LV = {
  title: "Skaidrāki ūdens rēķini ģimenēm",
  summary: "Rēķinā viena rinda paskaidro, kāpēc maksa mainījusies.",
  users: "Ģimenēm, kuras saņem ūdens rēķinus un nesaprot izmaiņas.",
  problem: "Cilvēki zvana un jautā, kāpēc maksa pieaugusi.",
  evidence: "Klientu centrā šogad saņemti 412 zvani par rēķiniem.",
  evidenceChanged: "Klientu centrā šogad saņemti 430 zvani par rēķiniem.",
  solution: "Rēķinā pievienot īsu skaidrojumu ar salīdzinājumu.",
  value: "Mazāk zvanu un lielāka uzticēšanās.",
  test: "Nosūtīt 100 ģimenēm rēķinu ar skaidrojumu.",
  partners: "Ūdenssaimniecības uzņēmums.",
};

/** The step's progress line and heading, and its own page title. */
async function expectStep(page: Page, n: number, heading: string, progress = `Solis ${n} no 5`) {
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(heading);
  await expect(page.getByText(progress, { exact: true })).toBeVisible();
  await expect(page).toHaveTitle(new RegExp(`^${heading}`));
}

for (const javaScriptEnabled of [true, false]) {
  const mode = javaScriptEnabled ? "with JavaScript" : "without JavaScript";
  test(`a submitter writes the brief step by step, goes back, changes an answer and submits, ${mode}`, async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled, locale: "lv-LV" });
    const page = await context.newPage();
    const title = `${LV.title} (${javaScriptEnabled ? "ar JS" : "bez JS"})`;
    const next = () => page.getByRole("button", { name: "Saglabāt un turpināt" }).click();
    await signIn(page, "submitter@example.lv");
    await page.getByRole("navigation", { name: "Galvenā navigācija" }).getByRole("link", { name: "Jauna ideja" }).click();

    // 1. The users and their need; a refused step keeps what was typed, the message beside the field.
    await expectStep(page, 1, "Lietotāji un viņu vajadzība");
    await expect(page.getByRole("radio", { name: "Latviešu" })).toBeChecked();
    if (javaScriptEnabled) await expectNoAxeViolations(page);
    await page.getByLabel("Nosaukums").fill(title);
    await page.getByLabel("Īsumā").fill(LV.summary);
    await page.getByLabel("Kam tas palīdzēs?").fill(LV.users);
    await next();
    await expect(page.locator("#brief-need-form-problem-error")).toHaveText("Obligāts, lai ideju iesniegtu.");
    // The error summary at the top has the focus, the page's title says there is a problem, and its link leads to the field.
    const summary = page.locator("[data-error-summary]");
    await expect(summary).toBeFocused();
    await expect(summary.getByRole("heading", { name: "Ir problēma" })).toBeVisible();
    await expect(page).toHaveTitle(/^Kļūda: Lietotāji un viņu vajadzība/);
    await summary.getByRole("link", { name: "Obligāts, lai ideju iesniegtu." }).click();
    await expect(page.getByLabel("Kāda ir viņu problēma vai vajadzība?")).toBeFocused();
    await expect(page.getByLabel("Kāda ir viņu problēma vai vajadzība?")).toHaveAttribute("aria-invalid", "true");
    await expect(page.getByLabel("Nosaukums")).toHaveValue(title);
    await expect(page.getByLabel("Kam tas palīdzēs?")).toHaveValue(LV.users);
    if (javaScriptEnabled) await expectNoAxeViolations(page);
    await page.getByLabel("Kāda ir viņu problēma vai vajadzība?").fill(LV.problem);
    await next();

    // 2. The evidence.
    await expectStep(page, 2, "Pierādījumi");
    await expect(page).toHaveURL(/\/ideas\/\d+\/edit\/evidence$/);
    if (javaScriptEnabled) await expectNoAxeViolations(page);
    await page.getByLabel("Kā jūs to zināt?").fill(LV.evidence);
    await page.getByLabel("Ar cik lietotājiem esat runājuši?").fill("15");
    await next();

    // 3. The proposal: Back keeps what was typed here, and the previous step's answers.
    await expectStep(page, 3, "Priekšlikums un ieguvums");
    if (javaScriptEnabled) await expectNoAxeViolations(page);
    await page.getByLabel("Ko jūs piedāvājat?").fill(LV.solution);
    await page.getByRole("button", { name: "Atpakaļ", exact: true }).click();
    await expectStep(page, 2, "Pierādījumi");
    await expect(page.getByLabel("Kā jūs to zināt?")).toHaveValue(LV.evidence);
    await expect(page.getByLabel("Ar cik lietotājiem esat runājuši?")).toHaveValue("15");
    await next();
    await expectStep(page, 3, "Priekšlikums un ieguvums");
    await expect(page.getByLabel("Ko jūs piedāvājat?")).toHaveValue(LV.solution);
    await page.getByLabel("Kāds būs ieguvums?").fill(LV.value);
    await next();

    // 4. How to test it cheaply.
    await expectStep(page, 4, "Kā to pārbaudīt");
    if (javaScriptEnabled) await expectNoAxeViolations(page);
    await page.getByLabel("Kā to varētu ātri un lēti pārbaudīt?").fill(LV.test);
    await next();

    // 5. Partners and principles.
    await expectStep(page, 5, "Partneri un principi");
    if (javaScriptEnabled) await expectNoAxeViolations(page);
    await page.getByLabel("Ko vajadzētu iesaistīt?").fill(LV.partners);
    await page.getByLabel("Atbalstīt izpēti, iterāciju un testēšanu").check();
    await next();

    // Check your answers, and a change through its link, which comes back here.
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Pārbaudiet atbildes");
    await expect(page).toHaveTitle(/^Pārbaudiet atbildes/);
    for (const text of [title, LV.summary, LV.problem, LV.evidence, LV.solution, LV.value, LV.test, LV.partners, "Latviešu", "15"]) {
      await expect(page.getByText(text, { exact: true })).toBeVisible();
    }
    if (javaScriptEnabled) await expectNoAxeViolations(page);
    await page.getByRole("link", { name: "Mainīt kā jūs to zināt?" }).click();
    await expectStep(page, 2, "Pierādījumi");
    await expect(page.getByLabel("Kā jūs to zināt?")).toHaveValue(LV.evidence);
    await page.getByLabel("Kā jūs to zināt?").fill(LV.evidenceChanged);
    await next();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Pārbaudiet atbildes");
    await expect(page.getByText(LV.evidenceChanged, { exact: true })).toBeVisible();

    // Submit.
    await page.getByRole("button", { name: "Iesniegt ideju" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
    await expect(page.getByRole("status")).toHaveText("Ideja iesniegta. Laboratorija to izskatīs.");
    await expect(page.getByRole("heading", { level: 1 })).toHaveAttribute("lang", "lv");
    await expect(page.getByText("Iesniegta; nonāca posmā „Iesniegtas”")).toBeVisible();
    await context.close();
  });
}

test("check your answers names what is missing beside the answer, with a link to its step", async ({ browser }) => {
  const context = await browser.newContext({ locale: "lv-LV" });
  const page = await context.newPage();
  await signIn(page, "submitter@example.lv");
  await page.goto("/ideas/new");
  await page.getByLabel("Nosaukums").fill("Pusgatava ideja: ēģīķļņšūž");
  await page.getByLabel("Īsumā").fill("<b>Ne HTML</b> & citas zīmes");
  await page.getByLabel("Kam tas palīdzēs?").fill(LV.users);
  await page.getByLabel("Kāda ir viņu problēma vai vajadzība?").fill(LV.problem);
  await page.getByRole("button", { name: "Saglabāt un turpināt" }).click();
  await expectStep(page, 2, "Pierādījumi");
  // Straight to check your answers, the rest unanswered.
  await page.goto(page.url().replace(/evidence$/, "check"));
  await expect(page.getByText("<b>Ne HTML</b> & citas zīmes", { exact: true })).toBeVisible();
  await page.getByRole("button", { name: "Iesniegt ideju" }).click();
  await expect(page.locator("#answer-evidence-error")).toHaveText("Obligāts, lai ideju iesniegtu.");
  await expect(page.locator("#answer-principles-error")).toHaveText("Izvēlieties vismaz vienu principu.");
  await expect(page.locator("#answer-summary-error")).toHaveCount(0);
  await expectNoAxeViolations(page);
  await page.getByRole("link", { name: "Mainīt ko jūs piedāvājat?" }).click();
  await expectStep(page, 3, "Priekšlikums un ieguvums");
  await context.close();
});

test("an idea written in English: every step in the English interface, its text marked lang=en in the Latvian one", async ({ browser }) => {
  const english = await browser.newContext({ locale: "en-GB" });
  const page = await english.newPage();
  await page.goto("/login");
  await page.getByLabel("E-mail").fill("submitter@example.lv");
  await page.getByLabel("Password").fill("ideja-2026-demo");
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page.getByTestId("current-user")).toBeVisible();
  const next = () => page.getByRole("button", { name: "Save and continue" }).click();
  const title = "Clearer water bills for families";
  await page.goto("/ideas/new");
  await expectStep(page, 1, "The users and their need", "Step 1 of 5");
  await expectNoAxeViolations(page);
  await page.getByLabel("Title").fill(title);
  await page.getByRole("radio", { name: "English" }).check();
  await page.getByLabel("In one sentence").fill("One line on the bill explains why the amount changed.");
  await page.getByLabel("Who are the users?").fill("Families who receive water bills.");
  await page.getByLabel("What problem or need do they have?").fill("People call to ask why the bill went up.");
  await next();
  await expectStep(page, 2, "Evidence", "Step 2 of 5");
  await expectNoAxeViolations(page);
  await page.getByLabel("How do you know?").fill("The contact centre took 412 calls about bills this year.");
  await next();
  await expect(page.getByText("Step 3 of 5", { exact: true })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByLabel("What do you propose?").fill("Add a short explanation to the bill.");
  await next();
  await expect(page.getByText("Step 4 of 5", { exact: true })).toBeVisible();
  await expectNoAxeViolations(page);
  await next();
  await expect(page.getByText("Step 5 of 5", { exact: true })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByLabel("Support exploration, iteration and testing").check();
  await next();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Check your answers");
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: "Submit the idea" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
  const address = page.url();
  await english.close();

  const latvian = await browser.newContext({ locale: "lv-LV" });
  const reader = await latvian.newPage();
  await signIn(reader, "facilitator@example.lv");
  await reader.goto(address);
  await expect(reader.getByRole("heading", { level: 1 })).toHaveText(title);
  await expect(reader.getByRole("heading", { level: 1 })).toHaveAttribute("lang", "en");
  await expect(reader.getByText("The contact centre took 412 calls about bills this year.")).toHaveAttribute("lang", "en");
  await expect(reader.locator("html")).toHaveAttribute("lang", "lv");
  await expectNoAxeViolations(reader);
  // On the board too.
  await reader.goto("/board");
  await expect(reader.getByRole("link", { name: title }).first()).toHaveAttribute("lang", "en");
  await latvian.close();
});
