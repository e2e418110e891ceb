import { expect, test, type Page } from "@playwright/test";
import ExcelJS from "exceljs";
import { expectNoAxeViolations, signIn } from "./helpers";

const BRIEF = {
  Nosaukums: "Ūdens patēriņa rēķinu skaidrojums ģimenēm ar bērniem",
  Īsumā: "Rēķinā viena rinda paskaidro, kāpēc maksa mainījusies.",
  "Kam tas palīdzēs?": "Ģimenēm, kuras saņem ūdens rēķinus un nesaprot izmaiņas.",
  "Kāda ir viņu problēma vai vajadzība?": "Cilvēki zvana un jautā, kāpēc maksa pieaugusi; atbildes ilgi jāgaida.",
  "Kā jūs to zināt?": "Klientu centrā šogad saņemti 412 zvani par rēķiniem.\nNo tiem 60 % — par ūdens patēriņu.",
  "Ar cik lietotājiem esat runājuši?": "15",
  "Ko jūs piedāvājat?": "Rēķinā pievienot īsu skaidrojumu ar salīdzinājumu pret iepriekšējo mēnesi.",
  "Kāds būs ieguvums?": "Mazāk zvanu un lielāka uzticēšanās.",
  "Kā to varētu ātri un lēti pārbaudīt?": "Nosūtīt 100 ģimenēm rēķinu ar skaidrojumu un salīdzināt zvanu skaitu.",
  "Ko vajadzētu iesaistīt?": "Ūdenssaimniecības uzņēmums, patērētāju tiesību aizsardzības centrs.",
};

/** The brief step by step (one topic a page), then check your answers. */
async function fillBrief(page: Page, title: string) {
  const steps = [
    ["Nosaukums", "Īsumā", "Kam tas palīdzēs?", "Kāda ir viņu problēma vai vajadzība?"],
    ["Kā jūs to zināt?", "Ar cik lietotājiem esat runājuši?"],
    ["Ko jūs piedāvājat?", "Kāds būs ieguvums?"],
    ["Kā to varētu ātri un lēti pārbaudīt?"],
    ["Ko vajadzētu iesaistīt?"],
  ] as const;
  for (const [index, labels] of steps.entries()) {
    await expect(page.getByText(`Solis ${index + 1} no 5`, { exact: true })).toBeVisible();
    for (const label of labels) await page.getByLabel(label, { exact: true }).fill(label === "Nosaukums" ? title : BRIEF[label]);
    if (index === 4) {
      await page.getByLabel("Atbalstīt izpēti, iterāciju un testēšanu").check();
      await page.getByLabel("Kultivēt jaunas partnerības un iesaistīt dažādus viedokļus").check();
    }
    await page.getByRole("button", { name: "Saglabāt un turpināt" }).click();
  }
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Pārbaudiet atbildes");
}

for (const javaScriptEnabled of [true, false]) {
  const mode = javaScriptEnabled ? "with JavaScript" : "without JavaScript";
  test(`a submitter writes a full brief in Latvian and submits it, ${mode}`, async ({ browser }) => {
    // Seven pages for the brief's steps, then the idea, the lists and the search, each checked with axe.
    test.slow();
    const context = await browser.newContext({ javaScriptEnabled, locale: "lv-LV" });
    const page = await context.newPage();
    const title = `${BRIEF["Nosaukums"]} (${javaScriptEnabled ? "ar JS" : "bez JS"})`;
    await signIn(page, "submitter@example.lv");
    await page.getByRole("navigation", { name: "Galvenā navigācija" }).getByRole("link", { name: "Jauna ideja" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Lietotāji un viņu vajadzība");
    if (javaScriptEnabled) await expectNoAxeViolations(page);
    // The institution is preselected from the author's own.
    await expect(page.getByLabel("Iestāde")).toHaveValue(/\d+/);
    await expect(page.getByLabel("Iestāde").locator("option:checked")).toHaveText("Uzņēmumu reģistrs");
    await fillBrief(page, title);
    await page.getByRole("button", { name: "Iesniegt ideju" }).click();

    await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
    await expect(page.getByRole("status")).toHaveText("Ideja iesniegta. Laboratorija to izskatīs.");
    await expect(page.getByText("Iesniegtas", { exact: true })).toBeVisible();
    await expect(page.getByText("Klientu centrā šogad saņemti 412 zvani par rēķiniem.")).toBeVisible();
    await expect(page.getByText("Iesniegta; nonāca posmā „Iesniegtas”")).toBeVisible();
    if (javaScriptEnabled) await expectNoAxeViolations(page);

    await page.getByRole("link", { name: "Manas idejas" }).first().click();
    await expect(page.getByRole("link", { name: title })).toBeVisible();
    if (javaScriptEnabled) await expectNoAxeViolations(page);

    // Found by a search typed without diacritics and in capitals.
    await page.goto("/ideas");
    await page.getByLabel("Meklēt", { exact: true }).fill("UDENS PATERINA RĒĶINU");
    await page.getByRole("button", { name: "Rādīt" }).click();
    await expect(page).toHaveURL(/q=UDENS/);
    await expect(page.getByRole("link", { name: title })).toBeVisible();
    if (javaScriptEnabled) await expectNoAxeViolations(page);
    await context.close();
  });
}

test("with JavaScript the brief is checked when it is sent, not as fields are left, again as it is corrected, and long fields count characters", async ({
  page,
}) => {
  await signIn(page, "submitter@example.lv");
  await page.goto("/ideas/new");
  await page.getByLabel("Nosaukums").fill("Īss");
  // Leaving a field says nothing (GOV.UK: check when the form is sent).
  await page.getByLabel("Īsumā").focus();
  await expect(page.locator("#brief-need-form-title-error")).toHaveCount(0);
  await page.getByRole("button", { name: "Saglabāt un turpināt" }).click();
  await expect(page.locator("#brief-need-form-title-error")).toHaveText("Vismaz 5 rakstzīmes.");
  await expect(page).toHaveURL(/\/ideas\/new$/);
  // Corrected, the message goes as it is typed.
  await page.getByLabel("Nosaukums").fill("Īss nosaukums");
  await expect(page.locator("#brief-need-form-title-error")).toHaveCount(0);
  await page.getByLabel("Īsumā").fill("Četrdesmit rakstzīmju teikums par ūdeni.");
  await expect(page.locator("#brief-need-form-summary-count")).toHaveText("40 rakstzīmju no 280");
  await expectNoAxeViolations(page);
});

test("another user supports and comments; the count and the comment show at once", async ({ page }) => {
  await signIn(page, "kristine.abola@example.lv");
  await page.goto("/ideas?q=ceļš");
  await page.getByRole("link", { name: /ceļš/i }).first().click();
  const count = page.getByTestId("support-count");
  const before = Number(await count.textContent());
  await page.getByRole("button", { name: "Arī man ir šī problēma" }).click();
  await expect(page.getByRole("status")).toHaveText("Jūs atbalstāt šo ideju.");
  await expect(count).toHaveText(String(before + 1));
  await expect(page.getByRole("button", { name: "Arī man ir šī problēma" })).toHaveAttribute("aria-pressed", "true");
  await page.getByLabel("Jūsu komentārs").fill("Arī Kultūras informācijas sistēmu centrā klienti jautā par šo — ļoti noderīgi!");
  await page.getByRole("button", { name: "Pievienot komentāru" }).click();
  await expect(page.getByText("Arī Kultūras informācijas sistēmu centrā klienti jautā par šo — ļoti noderīgi!")).toBeVisible();
  await expectNoAxeViolations(page);
});

test("an internal note is shown to facilitators and hidden from submitters", async ({ browser }) => {
  const facilitatorContext = await browser.newContext({ locale: "lv-LV" });
  const facilitator = await facilitatorContext.newPage();
  await signIn(facilitator, "facilitator@example.lv");
  await facilitator.goto("/ideas?q=nodoklu");
  await facilitator
    .getByRole("link", { name: /nodokļu/i })
    .first()
    .click();
  await expect(facilitator.getByRole("heading", { level: 1 })).toContainText(/nodokļu/i);
  const url = facilitator.url();
  await facilitator.getByLabel("Jūsu komentārs").fill("Iekšēji: jārunā ar VID par datiem.");
  await facilitator.getByLabel("Iekšēja piezīme (iesniedzēji to neredz)").check();
  await facilitator.getByRole("button", { name: "Pievienot komentāru" }).click();
  await expect(facilitator.getByText("Iekšēji: jārunā ar VID par datiem.")).toBeVisible();
  await expectNoAxeViolations(facilitator);

  const submitterContext = await browser.newContext({ locale: "lv-LV" });
  const submitter = await submitterContext.newPage();
  await signIn(submitter, "submitter@example.lv");
  await submitter.goto(url);
  await expect(submitter.getByRole("heading", { level: 1 })).toContainText(/nodokļu/i);
  await expect(submitter.getByText("Iekšēji: jārunā ar VID par datiem.")).toHaveCount(0);
  await facilitatorContext.close();
  await submitterContext.close();
});

test("an idea prints as a tidy document of at most two pages, without navigation or comments", async ({ page }) => {
  await signIn(page, "facilitator@example.lv");
  await page.goto("/ideas?q=ceļš");
  await page.getByRole("link", { name: /ceļš/i }).first().click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(/ceļš/i);
  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("navigation", { name: "Galvenā navigācija" })).toBeHidden();
  await expect(page.getByRole("heading", { name: /Komentāri/ })).toBeHidden();
  await expect(page.getByRole("heading", { name: "Idejas apraksts" })).toBeVisible();
  const pdf = await page.pdf({ format: "A4" });
  const pages = (pdf.toString("latin1").match(/\/Type\s*\/Page[^s]/g) ?? []).length;
  expect(pages).toBeGreaterThanOrEqual(1);
  expect(pages).toBeLessThanOrEqual(2);
});

test("a manager downloads the listed ideas as a spreadsheet, in Latvian, under the list's filters", async ({ page }) => {
  await signIn(page, "manager@example.lv");
  await page.goto("/ideas?stage=discover");
  await expect(page.getByText("Excel fails (.xlsx) — atvērt izklājlapā; CSV — datu apstrādei.")).toBeVisible();
  await expectNoAxeViolations(page);
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Lejupielādēt šīs idejas (Excel)" }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^idejas-\d{4}-\d{2}-\d{2}\.xlsx$/);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(new Uint8Array(Buffer.concat(await (await file.createReadStream()).toArray())).buffer);
  const sheet = workbook.worksheets[0];
  const header = (sheet.getRow(1).values as unknown[]).slice(1);
  expect(header.slice(0, 2)).toEqual(["Nr.", "Nosaukums"]);
  expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
  const stage = header.indexOf("Posms") + 1;
  const submitted = header.indexOf("Iesniegta") + 1;
  const stages = new Set<unknown>();
  sheet.eachRow((row, n) => {
    if (n === 1) return;
    stages.add(row.getCell(stage).value);
    expect(row.getCell(submitted).type).toBe(ExcelJS.ValueType.Date);
  });
  // As many ideas as the list counts, all in the stage it was filtered by.
  const count = Number((await page.getByRole("status").filter({ hasText: /idej/ }).innerText()).replace(/\D/g, ""));
  expect(sheet.rowCount - 1).toBe(count);
  expect([...stages]).toEqual(["Izpēte"]);
});
