// The spreadsheets beside the CSV exports: opened with the library that wrote them, each has its
// headings in the reader's language, a frozen header row, dates as date cells, numbers as numbers,
// Latvian letters intact, and the same rows (under the same filters) and permissions as its CSV.
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, test } from "vitest";
import { loader as auditCsvLoader } from "~/routes/admin.audit[.]csv";
import { loader as auditXlsxLoader } from "~/routes/admin.audit[.]xlsx";
import { loader as dashboardXlsxLoader } from "~/routes/dashboard.export[.]xlsx";
import { loader as ideasCsvLoader } from "~/routes/ideas.export[.]csv";
import { loader as ideasXlsxLoader } from "~/routes/ideas.export[.]xlsx";
import { prisma } from "~/utils/db.server";
import { ideaInStage, submittedIdea } from "../factories/idea";
import { getRequest } from "../factories/request";
import { run } from "../factories/route";
import { createUser, sessionCookieFor, signedIn, type SignedIn } from "../factories/user";

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const TITLE = "Ēdināšanas ķēžu pārskatīšana skolās: mazāk pārtikas atkritumu";

type Loader = (args: never) => unknown;

async function responseOf(loader: Loader, url: string, cookie: string) {
  return (await loader({ request: getRequest(url, cookie), params: {}, context: {} } as never)) as Response;
}

async function sheetOf(loader: Loader, url: string, cookie: string) {
  const response = await responseOf(loader, url, cookie);
  expect(response.status).toBe(200);
  expect(response.headers.get("Content-Type")).toBe(XLSX);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(await response.arrayBuffer());
  const sheet = workbook.worksheets[0];
  const header = (sheet.getRow(1).values as unknown[]).slice(1) as string[];
  const rows: ExcelJS.Row[] = [];
  sheet.eachRow((row, n) => {
    if (n > 1) rows.push(row);
  });
  /** A row's cell under a heading. */
  const cell = (row: ExcelJS.Row, heading: string) => {
    const column = header.indexOf(heading);
    expect(column, heading).toBeGreaterThanOrEqual(0);
    return row.getCell(column + 1);
  };
  return { response, sheet, header, rows, cell };
}

/** The ids in the first column of a CSV (after the header). */
async function csvIds(loader: Loader, url: string, cookie: string) {
  const text = await (await responseOf(loader, url, cookie)).text();
  return text
    .split("\r\n")
    .slice(1)
    .filter(Boolean)
    .map((line) => Number(line.replace(/^\uFEFF/, "").split(",")[0]));
}

function expectFrozenHeader(sheet: ExcelJS.Worksheet) {
  expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
  expect(sheet.getRow(1).font?.bold).toBe(true);
}

let manager: SignedIn;
let submitter: SignedIn;
let ideaId: number;

beforeAll(async () => {
  manager = await signedIn("MANAGER");
  submitter = await signedIn("SUBMITTER");
  ({ id: ideaId } = await ideaInStage("discover", submitter.id, { title: TITLE, principles: ["partner", "test"] }));
  await submittedIdea(submitter.id, { title: "Otra ideja, vēl uzņemšanā" });
});

describe("/ideas/export.xlsx", () => {
  test("Latvian headings, words for codes, typed cells, a frozen header and the title intact", async () => {
    const { response, sheet, header, rows, cell } = await sheetOf(ideasXlsxLoader, "/ideas/export.xlsx", manager.cookie);
    expect(response.headers.get("Content-Disposition")).toMatch(/^attachment; filename="idejas-\d{4}-\d{2}-\d{2}\.xlsx"; filename\*=UTF-8''idejas-/);
    expect(header.slice(0, 2)).toEqual(["Nr.", "Nosaukums"]);
    expect(header).toEqual(expect.arrayContaining(["Statuss", "Posms", "OECD principi", "Iesniegta", "Pēdējoreiz pārvietota", "Atbalstītāji"]));
    expectFrozenHeader(sheet);
    expect(sheet.getColumn(2).width).toBeGreaterThanOrEqual(30);

    const row = rows.find((r) => cell(r, "Nr.").value === ideaId)!;
    expect(row).toBeDefined();
    expect(cell(row, "Nr.").type).toBe(ExcelJS.ValueType.Number);
    expect(cell(row, "Nosaukums").value).toBe(TITLE);
    expect(cell(row, "Statuss").value).toBe("Procesā");
    expect(cell(row, "Posms").value).toBe("Izpēte");
    const principles = await prisma.principle.findMany({ where: { key: { in: ["partner", "test"] } }, orderBy: { position: "asc" } });
    expect(cell(row, "OECD principi").value).toBe(principles.map((p) => p.titleLv).join("; "));
    // The count of users talked to, and of supporters: numbers.
    expect(cell(row, "Runāts ar lietotājiem").value).toBe(12);
    expect(cell(row, "Atbalstītāji").value).toBe(0);
    // The day it was submitted: a date cell with a date format, at the lab's time (Riga is 2 or 3 hours ahead of UTC).
    const submitted = cell(row, "Iesniegta");
    expect(submitted.type).toBe(ExcelJS.ValueType.Date);
    expect(submitted.numFmt).toBe("dd.mm.yyyy hh:mm");
    const { submittedAt } = await prisma.idea.findUniqueOrThrow({ where: { id: ideaId } });
    const ahead = ((submitted.value as Date).getTime() - submittedAt!.getTime()) / 3_600_000;
    expect([2, 3]).toContain(Math.round(ahead));
    // Never moved after being taken in: an empty cell, not a 1900 date.
    expect(
      cell(
        rows.find((r) => cell(r, "Nosaukums").value === "Otra ideja, vēl uzņemšanā")!,
        "Pēdējoreiz pārvietota",
      ).value,
    ).toBeNull();
  });

  test("the same ideas as the CSV under the same filters", async () => {
    for (const query of ["?stage=discover", "?q=ķēžu", "?status=ACTIVE", ""]) {
      const { rows, cell } = await sheetOf(ideasXlsxLoader, `/ideas/export.xlsx${query}`, manager.cookie);
      const ids = rows.map((r) => cell(r, "Nr.").value);
      expect(ids, query).toEqual(await csvIds(ideasCsvLoader, `/ideas/export.csv${query}`, manager.cookie));
      if (query === "?stage=discover") expect(ids).toEqual([ideaId]);
    }
  });

  test("in English for a reader who reads English", async () => {
    const reader = await signedIn({ role: "MANAGER", locale: "en" });
    const { header, rows, cell, response } = await sheetOf(ideasXlsxLoader, "/ideas/export.xlsx?stage=discover", reader.cookie);
    expect(response.headers.get("Content-Disposition")).toMatch(/filename="ideas-/);
    expect(header.slice(0, 2)).toEqual(["No.", "Title"]);
    expect(cell(rows[0], "Status").value).toBe("In progress");
  });

  test("403 for a submitter, as for the CSV", async () => {
    for (const [loader, url] of [
      [ideasXlsxLoader, "/ideas/export.xlsx"],
      [ideasCsvLoader, "/ideas/export.csv"],
    ] as const) {
      expect((await run(loader as never, { request: getRequest(url, submitter.cookie) })).status, url).toBe(403);
    }
  });
});

describe("/dashboard/export.xlsx", () => {
  test("the figures in words, the period as dates, the counts as numbers", async () => {
    const { sheet, header, rows, cell, response } = await sheetOf(
      dashboardXlsxLoader,
      "/dashboard/export.xlsx?period=custom&from=2020-01-01&to=2030-12-31",
      manager.cookie,
    );
    expect(response.headers.get("Content-Disposition")).toContain("filename*=UTF-8''p%C4%81rskats-2020-01-01-2030-12-31.xlsx");
    expect(header).toEqual(["Sadaļa", "Rādītājs", "Griezums", "Vērtība"]);
    expectFrozenHeader(sheet);
    const from = rows.find((r) => cell(r, "Rādītājs").value === "No")!;
    expect(cell(from, "Vērtība").type).toBe(ExcelJS.ValueType.Date);
    expect((cell(from, "Vērtība").value as Date).toISOString()).toBe("2020-01-01T00:00:00.000Z");
    const submitted = rows.find((r) => cell(r, "Rādītājs").value === "Iesniegtas periodā")!;
    expect(cell(submitted, "Sadaļa").value).toBe("Galvenie rādītāji");
    expect(cell(submitted, "Vērtība").value).toBeGreaterThanOrEqual(2);
    expect(cell(submitted, "Vērtība").type).toBe(ExcelJS.ValueType.Number);
    const now = rows.find((r) => cell(r, "Rādītājs").value === "Izpēte" && cell(r, "Griezums").value === "Tagad")!;
    expect(cell(now, "Vērtība").value).toBeGreaterThanOrEqual(1);
    expect(rows.some((r) => /[A-Z]{2,}_/.test(String(cell(r, "Rādītājs").value)))).toBe(false);
  });

  test("403 for a submitter", async () => {
    expect((await run(dashboardXlsxLoader as never, { request: getRequest("/dashboard/export.xlsx", submitter.cookie) })).status).toBe(403);
  });
});

describe("/admin/audit.xlsx", () => {
  test("actions in words, what changed as readable lines, times as dates", async () => {
    const admin = await createUser({ role: "ADMIN", name: "Ārija Kalniņa" });
    const cookie = await sessionCookieFor(admin.id);
    const entry = await prisma.auditEntry.create({
      data: {
        actorId: admin.id,
        action: "USER_UPDATE",
        targetType: "USER",
        targetId: String(submitter.id),
        before: JSON.stringify({ role: "SUBMITTER", active: true }),
        after: JSON.stringify({ role: "MANAGER", active: false }),
        ip: "10.0.0.7",
      },
    });
    await prisma.auditEntry.create({ data: { actorId: admin.id, action: "SIGN_IN", targetType: "USER", targetId: String(admin.id), after: "{}" } });

    const { sheet, header, rows, cell } = await sheetOf(auditXlsxLoader, "/admin/audit.xlsx?action=USER_UPDATE", cookie);
    expect(header).toEqual(expect.arrayContaining(["Nr.", "Kad", "Kas", "E-pasts", "Darbība", "Izmaiņa", "Adrese"]));
    expectFrozenHeader(sheet);
    expect(rows.map((r) => cell(r, "Nr.").value)).toEqual(await csvIds(auditCsvLoader, "/admin/audit.csv?action=USER_UPDATE", cookie));
    const row = rows.find((r) => cell(r, "Nr.").value === entry.id)!;
    expect(cell(row, "Kas").value).toBe("Ārija Kalniņa");
    expect(cell(row, "Darbība").value).toBe("Mainīts lietotājs");
    expect(cell(row, "Kam (veids)").value).toBe("Lietotājs");
    expect(cell(row, "Izmaiņa").value).toBe("Loma: SUBMITTER → MANAGER\nAktīvs: jā → nē");
    expect(String(cell(row, "Izmaiņa").value)).not.toContain("{");
    expect(cell(row, "Kad").type).toBe(ExcelJS.ValueType.Date);
  });

  test("403 for anyone but an administrator", async () => {
    for (const who of [submitter, manager]) {
      expect((await run(auditXlsxLoader as never, { request: getRequest("/admin/audit.xlsx", who.cookie) })).status).toBe(403);
    }
  });
});
