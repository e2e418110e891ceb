// HTTP errors: a body too large or not a form is refused before it is read whole; every error
// status has its page and its title, in the person's language.
import { createInstance } from "i18next";
import { renderToStaticMarkup } from "react-dom/server";
import { I18nextProvider, initReactI18next } from "react-i18next";
import { StaticRouter } from "react-router-dom/server.js";
import { describe, expect, test } from "vitest";
import { ErrorPage } from "~/components/error-page";
import { MAX_FORM_BYTES, readFormData } from "~/utils/http.server";
import { resources } from "~/locales";
import { i18nConfig } from "~/utils/i18n";
import { pageMeta } from "~/utils/meta";

const thrown = async (promise: Promise<unknown>) => {
  try {
    await promise;
  } catch (error) {
    return error as Response;
  }
  throw new Error("nothing was thrown");
};

describe("reading a form", () => {
  test("a body over the limit is a 413, whether it says its length or not", async () => {
    const big = "body=" + "x".repeat(MAX_FORM_BYTES);
    const declared = new Request("http://localhost/ideas/new", { method: "POST", headers: { "Content-Type": "application/x-www-form-urlencoded" }, body: big });
    expect((await thrown(readFormData(declared))).status).toBe(413);
    const stream = new ReadableStream({
      start(controller) {
        for (let i = 0; i < 3; i++) controller.enqueue(new TextEncoder().encode("x".repeat(MAX_FORM_BYTES / 2)));
        controller.close();
      },
    });
    const chunked = new Request("http://localhost/ideas/new", { method: "POST", body: stream, duplex: "half" } as RequestInit);
    expect((await thrown(readFormData(chunked))).status).toBe(413);
  });

  test("a body that is not a form is a 400; a form is read whole, Latvian letters intact", async () => {
    const garbage = new Request("http://localhost/login", { method: "POST", headers: { "Content-Type": "multipart/form-data; boundary=x" }, body: "garbage" });
    expect((await thrown(readFormData(garbage))).status).toBe(400);
    const form = await readFormData(new Request("http://localhost/login", { method: "POST", body: new URLSearchParams({ title: "Ūdens ceļš" }) }));
    expect(form.get("title")).toBe("Ūdens ceļš");
  });
});

describe("error pages", () => {
  const render = async (status: number, lng: "lv" | "en") => {
    const i18n = createInstance();
    await i18n.use(initReactI18next).init({ ...i18nConfig, lng, resources });
    const error = { status, statusText: "", internal: false, data: "" };
    return renderToStaticMarkup(
      <I18nextProvider i18n={i18n}>
        <StaticRouter location="/">
          <ErrorPage error={error} />
        </StaticRouter>
      </I18nextProvider>,
    );
  };
  const title = (status: number | null, locale: "lv" | "en") =>
    (
      pageMeta({
        data: undefined,
        error: status === null ? new Error("boom") : { status, statusText: "", internal: false, data: "" },
        matches: [{ id: "root", data: { locale } }],
      } as never) as { title: string }[]
    )[0].title;

  test.each([
    [400, "Nederīgs pieprasījums", "Bad request"],
    [403, "Piekļuve liegta", "Access denied"],
    [404, "Lapa nav atrasta", "Page not found"],
    [409, "Kāds to mainīja vienlaikus", "Changed by someone else"],
    [413, "Pārāk liels pieprasījums", "Request too large"],
    [429, "Pārāk daudz mēģinājumu", "Too many attempts"],
  ])("%i has its own page and title in both languages", async (status, lv, en) => {
    expect(await render(status, "lv")).toContain(`<h1 class="mb-4 text-3xl font-bold">${lv}</h1>`);
    expect(await render(status, "en")).toContain(`<h1 class="mb-4 text-3xl font-bold">${en}</h1>`);
    expect(title(status, "lv")).toBe(`${lv} · Ideju laboratorija`);
    expect(title(status, "en")).toBe(`${en} · Idea Lab`);
  });

  test("anything else is the unexpected error's page, with its code", async () => {
    const page = await render(502, "lv");
    expect(page).toContain("Radās kļūda");
    expect(page).toContain("Kļūdas kods: 502");
    expect(title(null, "en")).toBe("Something went wrong · Idea Lab");
  });
});
