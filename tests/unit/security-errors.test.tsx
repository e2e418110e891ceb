// No stack trace reaches a browser, whatever NODE_ENV says: unset (a bare `node server/index.js`) is
// production for error display, the server's own error pages carry no details, and the app's error
// page never shows an error's message or stack.
import { createInstance } from "i18next";
import { renderToStaticMarkup } from "react-dom/server";
import { I18nextProvider, initReactI18next } from "react-i18next";
import { StaticRouter } from "react-router-dom/server.js";
import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";
import { errorMode } from "../../server/security.js";
import { connect, startServer, type TestServer } from "../factories/server";
import { ErrorPage } from "~/components/error-page";
import { resources } from "~/locales";
import en from "~/locales/en/common.json";
import { i18nConfig } from "~/utils/i18n";

const STACK = /\bat .*[/\\]|node_modules|\/work\/|\.js:\d+/;

test("error details only with NODE_ENV=development; unset, empty or anything else is production", () => {
  expect(errorMode("development")).toBe("development");
  for (const value of [undefined, "", "production", "test", "staging"]) expect(errorMode(value)).toBe("production");
});

describe("the server with NODE_ENV unset", () => {
  let server: TestServer;
  beforeEach(async () => {
    vi.stubEnv("NODE_ENV", undefined);
    server = await startServer({ mode: errorMode(process.env.NODE_ENV) });
  });
  afterEach(async () => {
    await server.close();
    vi.unstubAllEnvs();
  });

  test.each(["/%E0%A4%A", "/build/%E0%A4%A", "/favicon.svg%"])("a malformed URL (%s) is a 400 page without a stack", async (path) => {
    const response = await fetch(`http://127.0.0.1:${server.port}${path}`, { headers: { "Accept-Language": "en" } });
    const text = await response.text();
    expect(response.status).toBe(400);
    expect(text).toContain(en.errors.pages["400"].title);
    expect(text).not.toMatch(STACK);
    expect(text).not.toContain("URIError");
    expect(response.headers.get("Content-Security-Policy")).toContain("script-src 'self' 'nonce-");
  });

  test("a request the app cannot even make a URL of is a 500 page without a stack (the stack goes to the log)", async () => {
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      const connection = connect(server.port);
      await connection.write("GET / HTTP/1.1\r\nHost: bad host\r\n\r\n");
      const [response] = await connection.waitFor(1);
      connection.end();
      expect(response.status).toBe(500);
      expect(response.body).not.toMatch(STACK);
      expect(response.body).not.toContain("TypeError");
      expect(logged).toHaveBeenCalled();
    } finally {
      logged.mockRestore();
    }
  });

  test("an error thrown by a route is answered without its message or stack", async () => {
    const response = await fetch(`http://127.0.0.1:${server.port}/boom`);
    const text = await response.text();
    expect(response.status).toBe(500);
    expect(text).not.toContain("boom at");
    expect(text).not.toMatch(STACK);
  });
});

test("the app's error page shows the status and the way home, never the error's message or stack", async () => {
  const i18n = createInstance();
  await i18n.use(initReactI18next).init({ ...i18nConfig, lng: "en", resources });
  const error = new Error(`database locked at ${process.cwd()}/app/utils/db.server.ts:12:3`);
  const html = renderToStaticMarkup(
    <I18nextProvider i18n={i18n}>
      <StaticRouter location="/">
        <ErrorPage error={error} />
      </StaticRouter>
    </I18nextProvider>,
  );
  expect(html).toContain(en.errors.pages["500"].title);
  expect(html).not.toContain("database locked");
  expect(html).not.toMatch(STACK);
});
