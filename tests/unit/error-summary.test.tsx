// The error summary (GOV.UK): the box a form shows at its top when it was sent with mistakes, and
// the page title's "Kļūda: " while it shows, as the server draws them for a browser without JavaScript.
import { UNSAFE_RemixContext } from "@remix-run/react";
import { createInstance } from "i18next";
import type { ReactNode } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { I18nextProvider, initReactI18next } from "react-i18next";
import { UNSAFE_DataRouterStateContext } from "react-router-dom";
import { StaticRouter } from "react-router-dom/server.js";
import { describe, expect, test } from "vitest";
import { PageMeta } from "~/components/page-meta";
import { ErrorSummary } from "~/components/ui/error-summary";
import { resources } from "~/locales";
import { isFailedReply } from "~/utils/form";
import { i18nConfig } from "~/utils/i18n";
import { pageMeta } from "~/utils/meta";

async function render(node: ReactNode, lng: "lv" | "en" = "lv") {
  const i18n = createInstance();
  await i18n.use(initReactI18next).init({ ...i18nConfig, lng, resources });
  return renderToStaticMarkup(
    <I18nextProvider i18n={i18n}>
      <StaticRouter location="/account">{node}</StaticRouter>
    </I18nextProvider>,
  );
}

const failed = { formId: "profile-form", result: { status: "error", error: { name: ["required"] } } };

describe("the error summary", () => {
  test("is titled, lists each field's message as a link to the field, and takes the focus when drawn", async () => {
    const html = await render(
      <ErrorSummary id="profile-form-error" formMessages={[]} items={[{ message: "required", target: "profile-form-name" }]} attempt={{}} />,
    );
    expect(html).toContain("Ir problēma");
    expect(html).toMatch(/<div[^>]*tabindex="-1"[^>]*autofocus=""/);
    expect(html).toContain('href="#profile-form-name"');
    expect(html).toContain("Šis lauks ir obligāts");
  });

  test("says it in English, and shows a message for the whole form as an alert", async () => {
    const html = await render(<ErrorSummary id="f-error" formMessages={["board:errors.conflict"]} items={[]} attempt={{}} />, "en");
    expect(html).toContain("There is a problem");
    expect(html).toMatch(/<div id="f-error" role="alert"/);
    expect(html).not.toContain("<a ");
  });

  test("shows nothing when there is nothing wrong", async () => {
    expect(await render(<ErrorSummary id="f-error" formMessages={[]} items={[]} attempt={null} />)).toBe("");
  });
});

describe("a refused form's reply", () => {
  test("is one with messages; a success, an empty error or another answer is not", () => {
    expect(isFailedReply(failed)).toBe(true);
    expect(isFailedReply({ formId: "f", result: { status: "error", error: { "": ["board:errors.conflict"] } } })).toBe(true);
    expect(isFailedReply({ formId: "f", result: { status: "success" } })).toBe(false);
    expect(isFailedReply({ formId: "f", result: { status: "error", error: { name: [] } } })).toBe(false);
    expect(isFailedReply({ title: "x" })).toBe(false);
    expect(isFailedReply(undefined)).toBe(false);
  });
});

describe("the page title while errors show", () => {
  const title = (locale: "lv" | "en", formFailed?: boolean) =>
    (pageMeta({ data: { title: "Mans konts" }, error: undefined, matches: [{ id: "root", data: { locale, formFailed } }] } as never) as { title: string }[])[0]
      .title;

  test("is prefixed with Kļūda: / Error: only when a form failed", () => {
    expect(title("lv")).toBe("Mans konts");
    expect(title("lv", true)).toBe("Kļūda: Mans konts");
    expect(title("en", true)).toBe("Error: Mans konts");
  });

  // PageMeta reads the actions' replies from the router's state, as the server has them.
  const head = (actionData: Record<string, unknown> | null) =>
    render(
      <UNSAFE_RemixContext.Provider value={{ routeModules: { root: { meta: pageMeta, default: () => null } }, isSpaMode: false } as never}>
        <UNSAFE_DataRouterStateContext.Provider
          value={
            {
              matches: [{ route: { id: "root" }, params: {}, pathname: "/account" }],
              loaderData: { root: { locale: "lv", title: "Mans konts" } },
              actionData,
              errors: null,
            } as never
          }
        >
          <PageMeta />
        </UNSAFE_DataRouterStateContext.Provider>
      </UNSAFE_RemixContext.Provider>,
    );

  test("is drawn by the server with the prefix after a refused submission, and without it otherwise", async () => {
    expect(await head(null)).toBe("<title>Mans konts</title>");
    expect(await head({ root: failed })).toBe("<title>Kļūda: Mans konts</title>");
    expect(await head({ root: { formId: "f", result: { status: "success" } } })).toBe("<title>Mans konts</title>");
  });
});
