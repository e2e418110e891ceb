// The case page and its Markdown show dates as the rest of the app does (a long date in the reader's
// language), not as YYYY-MM-DD; the JSON export keeps YYYY-MM-DD for machines.
import { createInstance } from "i18next";
import { renderToStaticMarkup } from "react-dom/server";
import { I18nextProvider, initReactI18next } from "react-i18next";
import { beforeAll, expect, test } from "vitest";
import { resources } from "~/locales";
import { CaseView } from "~/modules/lesson/case-view";
import { getCase } from "~/modules/lesson/case.server";
import { loader as caseJsonLoader } from "~/routes/ideas.$id_.case[.]json";
import { loader as caseMdLoader } from "~/routes/ideas.$id_.case[.]md";
import { prisma } from "~/utils/db.server";
import { i18nConfig } from "~/utils/i18n";
import { ideaInStage } from "../factories/idea";
import { getRequest } from "../factories/request";
import { run } from "../factories/route";
import { createUser, signedIn, type SignedIn } from "../factories/user";

let lv: SignedIn;
let en: SignedIn;
let ideaId: number;

beforeAll(async () => {
  lv = await signedIn({ role: "SUBMITTER", locale: "lv" });
  en = await signedIn({ role: "SUBMITTER", locale: "en" });
  const author = await createUser();
  ideaId = (await ideaInStage("stopped", author.id, { title: "Datumu ideja" })).id;
  await prisma.idea.update({ where: { id: ideaId }, data: { submittedAt: new Date("2026-03-04T10:00:00Z"), closedAt: new Date("2026-11-14T09:33:43Z") } });
});

const render = async (lng: "lv" | "en", reader: SignedIn) => {
  const i18n = createInstance();
  await i18n.use(initReactI18next).init({ ...i18nConfig, lng, resources });
  const c = await getCase(reader, ideaId, lng);
  return renderToStaticMarkup(
    <I18nextProvider i18n={i18n}>
      <CaseView c={c} />
    </I18nextProvider>,
  );
};

test("the case page shows its period as long dates in the reader's language, each a <time> with its day", async () => {
  const lvHtml = await render("lv", lv);
  expect(lvHtml).toContain('<time dateTime="2026-03-04">2026. gada 4. marts</time> – <time dateTime="2026-11-14">2026. gada 14. novembris</time>');
  const enHtml = await render("en", en);
  expect(enHtml).toContain('<time dateTime="2026-03-04">4 March 2026</time> – <time dateTime="2026-11-14">14 November 2026</time>');
  expect(lvHtml.replace(/dateTime="[^"]*"/g, "")).not.toMatch(/\d{4}-\d{2}-\d{2}/);
});

test("the Markdown case writes the same long dates; the JSON keeps YYYY-MM-DD", async () => {
  const md = async (reader: SignedIn) =>
    (await run(caseMdLoader, { request: getRequest(`/ideas/${ideaId}/case.md`, reader.cookie), params: { id: String(ideaId) } })).data as string;
  expect(await md(lv)).toContain("2026. gada 4. marts – 2026. gada 14. novembris");
  expect(await md(en)).toContain("4 March 2026 – 14 November 2026");
  expect(await md(lv)).not.toMatch(/\d{4}-\d{2}-\d{2}/);
  const json = await run(caseJsonLoader, { request: getRequest(`/ideas/${ideaId}/case.json`, lv.cookie), params: { id: String(ideaId) } });
  expect(json.data).toMatchObject({ submittedOn: "2026-03-04", closedOn: "2026-11-14" });
});
