import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import ExcelJS from "exceljs";
import { expectNoAxeViolations, signIn } from "./helpers";

test("a manager reads the dashboard, changes the period and the institution, opens a table and downloads the CSV", async ({ page }) => {
  await signIn(page, "manager@example.lv");
  await page.getByRole("navigation", { name: "Galvenā navigācija" }).getByRole("link", { name: "Pārskats" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Pārskats");
  await expect(page.getByTestId("headline-inPipeline")).not.toHaveText("0");
  await expectNoAxeViolations(page);
  // Every landmark has a name of its own (the table's scroll region is not named like its section).
  const landmarks = await new AxeBuilder({ page }).withRules(["landmark-unique"]).analyze();
  expect(landmarks.violations.map((v) => v.nodes.map((n) => n.target.join(" ")))).toEqual([]);

  // The last 12 months and one institution.
  await page.getByLabel("Periods", { exact: true }).selectOption("12m");
  await page.getByLabel("Iestāde", { exact: true }).selectOption({ label: "Uzņēmumu reģistrs" });
  await page.getByRole("button", { name: "Rādīt" }).click();
  await expect(page).toHaveURL(/period=12m/);
  await expect(page).toHaveURL(/institution=\d+/);
  const submitted = Number((await page.getByTestId("headline-submitted").innerText()).replace(/\s/g, ""));
  expect(submitted).toBeGreaterThan(0);

  // A chart as a table.
  const funnel = page.getByRole("figure", { name: "Idejas pa posmiem tagad" });
  await expect(funnel.getByRole("img", { name: "Idejas pa posmiem tagad" })).toBeVisible();
  await funnel.getByText("Rādīt kā tabulu").click();
  await expect(funnel.getByRole("table")).toBeVisible();
  await expect(funnel.getByRole("rowheader", { name: "Izpēte" })).toBeVisible();
  await expectNoAxeViolations(page);

  // The figures as CSV, for the same filters.
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Lejupielādēt rādītājus (CSV)" }).click();
  const file = await download;
  const chunks = await (await file.createReadStream()).toArray();
  const bytes = Buffer.concat(chunks);
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const csv = bytes.subarray(3).toString("utf8");
  expect(csv).toContain(`headline,submitted,,${submitted}`);
  expect(csv).toContain("Problēmas definēšana");

  // The same figures as a spreadsheet to open: Latvian headings, a frozen header row, counts as numbers.
  await expect(page.getByText("Excel fails (.xlsx) — atvērt izklājlapā; CSV — datu apstrādei.")).toBeVisible();
  const xlsxDownload = page.waitForEvent("download");
  await page.getByRole("link", { name: "Lejupielādēt rādītājus (Excel)" }).click();
  const xlsx = await xlsxDownload;
  expect(xlsx.suggestedFilename()).toMatch(/^pārskats-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}\.xlsx$/);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(new Uint8Array(Buffer.concat(await (await xlsx.createReadStream()).toArray())).buffer);
  const sheet = workbook.worksheets[0];
  expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(["Sadaļa", "Rādītājs", "Griezums", "Vērtība"]);
  expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
  let found: ExcelJS.Row | undefined;
  sheet.eachRow((row) => {
    if (row.getCell(2).value === "Iesniegtas periodā") found = row;
  });
  expect(found?.getCell(4).value).toBe(submitted);
});

test("an impossible period shows a message and the default figures", async ({ page }) => {
  await signIn(page, "facilitator@example.lv");
  await page.goto("/dashboard?period=custom&from=2026-06-01&to=2026-01-01");
  await expect(page.getByRole("alert")).toHaveText("Beigu datums ir pirms sākuma datuma; rādīts šis gads.");
  await expect(page.getByLabel("Periods", { exact: true })).toHaveValue("year");
});

test("submitters get 403 on the dashboard", async ({ page }) => {
  await signIn(page, "submitter@example.lv");
  const response = await page.goto("/dashboard");
  expect(response?.status()).toBe(403);
});
