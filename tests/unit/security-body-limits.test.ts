// Request bodies before sign-in: each kind of route has its limit, enforced by the server before
// the app reads anything; an oversized body is answered 413 at once in the person's language, and a
// body the app ignores never holds up the next request on the connection.
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { BODY_LIMITS, LINGER_MS, bodyLimitFor, declaredTooLarge, hasBody } from "../../server/limits.js";
import { errorPage, localeFromAcceptLanguage, localeFromCookie, requestLocale } from "../../server/pages.js";
import { connect, postHead, startServer, type TestServer } from "../factories/server";
import en from "~/locales/en/common.json";
import lv from "~/locales/lv/common.json";

describe("the limit of each kind of route", () => {
  test.each([
    ["POST", "/login", BODY_LIMITS.small],
    ["POST", "/login/code", BODY_LIMITS.small],
    ["POST", "/logout", BODY_LIMITS.small],
    ["POST", "/language", BODY_LIMITS.small],
    ["POST", "/notifications", BODY_LIMITS.small],
    ["POST", "/csp-report", BODY_LIMITS.small],
    ["POST", "/LOGIN/", BODY_LIMITS.small],
    ["POST", "/ideas/new", BODY_LIMITS.large],
    ["POST", "/ideas/12", BODY_LIMITS.large],
    ["POST", "/ideas/12/edit", BODY_LIMITS.large],
    ["POST", "/ideas/12/experiments/new", BODY_LIMITS.large],
    ["POST", "/ideas/12/experiments/3", BODY_LIMITS.large],
    ["POST", "/ideas/%6eew", BODY_LIMITS.large],
    ["POST", "/ideas/new.data", BODY_LIMITS.large],
    ["POST", "/ideas/12.data", BODY_LIMITS.large],
    ["POST", "/ideas/12/edit.data", BODY_LIMITS.large],
    ["POST", "/ideas/12/experiments/3.data", BODY_LIMITS.large],
    ["POST", "/login.data", BODY_LIMITS.small],
    ["POST", "/_root.data", BODY_LIMITS.standard],
    ["POST", "/ideas/12/manage", BODY_LIMITS.standard],
    ["POST", "/board", BODY_LIMITS.standard],
    ["POST", "/account", BODY_LIMITS.standard],
    ["POST", "/admin/users", BODY_LIMITS.standard],
    ["POST", "/set-password/abc", BODY_LIMITS.standard],
    ["POST", "/no-such-page", BODY_LIMITS.standard],
    ["POST", "/ideas/new/../../login", BODY_LIMITS.standard],
    ["POST", "/%E0%A4%A", BODY_LIMITS.standard],
    ["GET", "/ideas/new", BODY_LIMITS.small],
    ["HEAD", "/ideas/12", BODY_LIMITS.small],
  ])("%s %s: %i bytes", (method, path, limit) => {
    expect(bodyLimitFor(method, path)).toBe(limit);
  });

  test("the largest form fits its limit even when every character takes 9 bytes URL-encoded", () => {
    // The brief's text fields at their maximum (brief.ts) and the title: about 19,500 characters.
    const briefCharacters = 280 + 2000 + 4000 + 4000 + 4000 + 2000 + 2000 + 1000 + 120;
    expect(briefCharacters * 9).toBeLessThan(BODY_LIMITS.large);
    // The board's closing note and the manage page's question: 4,000 and 2,000 characters.
    expect((4000 + 2000) * 9).toBeLessThan(BODY_LIMITS.standard);
    // Sign-in: an e-mail address (254) and a password (1,000 at most; a few dozen in practice).
    expect((254 + 1000) * 9).toBeLessThan(BODY_LIMITS.small);
  });

  test("a body is there when a length or chunks are announced; a declared length over the limit (or malformed) is too large", () => {
    expect(hasBody({})).toBe(false);
    expect(hasBody({ "content-length": "0" })).toBe(false);
    expect(hasBody({ "content-length": "10" })).toBe(true);
    expect(hasBody({ "transfer-encoding": "chunked" })).toBe(true);
    expect(declaredTooLarge(undefined, 10)).toBe(false);
    expect(declaredTooLarge("10", 10)).toBe(false);
    expect(declaredTooLarge("11", 10)).toBe(true);
    expect(declaredTooLarge("1e9", 10)).toBe(true);
  });
});

describe("the 413 page's language", () => {
  test("the switcher's cookie first (as Remix writes it), then the browser's languages by weight, then Latvian", () => {
    const remixCookie = (value: string) => encodeURIComponent(Buffer.from(JSON.stringify(value)).toString("base64"));
    expect(localeFromCookie(`theme=x; lng=${remixCookie("en")}; __session=abc`)).toBe("en");
    expect(localeFromCookie("lng=lv")).toBe("lv");
    expect(localeFromCookie(`lng=${remixCookie("de")}`)).toBeNull();
    expect(localeFromCookie("lng=%E0%A4%A")).toBeNull();
    expect(localeFromAcceptLanguage("en-GB,en;q=0.9,lv;q=0.8")).toBe("en");
    expect(localeFromAcceptLanguage("de-DE,lv;q=0.5,en;q=0.7")).toBe("en");
    expect(localeFromAcceptLanguage("en;q=0,lv-LV")).toBe("lv");
    expect(localeFromAcceptLanguage("de")).toBeNull();
    expect(requestLocale({ cookie: `lng=${remixCookie("lv")}`, "accept-language": "en" })).toBe("lv");
    expect(requestLocale({ "accept-language": "en-US" })).toBe("en");
    expect(requestLocale({})).toBe("lv");
  });

  test("the page has the words of the app's own 413 page, in either language, and nothing else", () => {
    const latvian = errorPage(413, {});
    expect(latvian).toContain('<html lang="lv">');
    expect(latvian).toContain(`<title>${lv.errors.pages["413"].title}</title>`);
    expect(latvian).toContain(lv.errors.pages["413"].body);
    expect(latvian).toContain(lv.errors.status.replace("{{status}}", "413"));
    const english = errorPage(413, { "accept-language": "en" });
    expect(english).toContain(`<title>${en.errors.pages["413"].title}</title>`);
    expect(english).toContain(en.errors.home);
    expect(english).not.toMatch(/<script|style=/);
  });
});

describe("the body limit on a real socket", () => {
  let server: TestServer;
  beforeEach(async () => {
    server = await startServer();
  });
  afterEach(async () => {
    await server.close();
  });

  test("an anonymous 100 MB POST /login is answered 413 at once; the server reads almost none of it and its memory stays put", async () => {
    const rssBefore = process.memoryUsage().rss;
    const probes = [1, 2, 3, 4].map(async () => {
      const started = Date.now();
      const connection = connect(server.port);
      await connection.write(postHead("/login", server.port, { "Content-Length": String(100_000_000), "Accept-Language": "en" }) + "\r\n");
      // Sends the body as fast as the connection takes it, until the answer comes.
      const chunk = Buffer.alloc(64 * 1024, "a");
      let sent = 0;
      while (sent < 100_000_000 && connection.responses().length === 0 && !connection.isClosed()) {
        await connection.write(chunk);
        sent += chunk.length;
      }
      const [response] = await connection.waitFor(1);
      const answeredIn = Date.now() - started;
      const closed = await connection.waitClosed(LINGER_MS + 2000);
      const closedIn = Date.now() - started;
      connection.end();
      return { response, sent, answeredIn, closed, closedIn };
    });
    for (const { response, sent, answeredIn, closed, closedIn } of await Promise.all(probes)) {
      expect(response.status).toBe(413);
      expect(response.headers["connection"]).toBe("close");
      expect(response.headers["content-type"]).toMatch(/^text\/html/);
      expect(response.body).toContain(en.errors.pages["413"].title);
      expect(sent).toBeLessThan(100_000_000);
      expect(answeredIn).toBeLessThan(1000);
      // The server closes the connection after throwing away what comes for a moment.
      expect(closed).toBe(true);
      expect(closedIn).toBeLessThan(LINGER_MS + 1500);
    }
    // Four times 100 MB offered; the server read no more than what filled its buffers.
    console.info(
      `4 x 100 MB POST /login: server read ${(server.bytesRead() / 1e6).toFixed(1)} MB, RSS ${((process.memoryUsage().rss - rssBefore) / 1e6).toFixed(1)} MB more`,
    );
    expect(server.bytesRead()).toBeLessThan(8_000_000);
    expect(process.memoryUsage().rss - rssBefore).toBeLessThan(64 * 1024 * 1024);
  });

  test("a chunked body is counted as it comes and refused the moment it passes the limit", async () => {
    const connection = connect(server.port);
    await connection.write(postHead("/login", server.port, { "Transfer-Encoding": "chunked" }) + "\r\n");
    const piece = "a".repeat(4096);
    for (let i = 0; i < 64 && connection.responses().length === 0; i++) await connection.write(`${piece.length.toString(16)}\r\n${piece}\r\n`);
    const [response] = await connection.waitFor(1);
    expect(response.status).toBe(413);
    expect(response.body).toContain(lv.errors.pages["413"].title);
    expect(await connection.waitClosed()).toBe(true);
  });

  test("a body within its limit reaches the app whole, declared or chunked", async () => {
    const connection = connect(server.port);
    const body = "a=" + "b".repeat(9998);
    await connection.write(postHead("/echo", server.port, { "Content-Length": String(body.length) }) + "\r\n" + body);
    await connection.write(
      postHead("/echo", server.port, { "Transfer-Encoding": "chunked" }) + "\r\n" + `${(3000).toString(16)}\r\n${"c".repeat(3000)}\r\n0\r\n\r\n`,
    );
    const responses = await connection.waitFor(2);
    expect(responses.map((r) => [r.status, r.body])).toEqual([
      [200, "read 10000"],
      [200, "read 3000"],
    ]);
    connection.end();
  });

  test("after a 200 KB body to an action that never reads it, the next request on the same connection is answered at once", async () => {
    const connection = connect(server.port);
    const body = "a=" + "b".repeat(200_000 - 2);
    await connection.write(postHead("/ideas/1", server.port, { "Content-Length": String(body.length) }) + "\r\n" + body);
    expect((await connection.waitFor(1)).map((r) => r.status)).toEqual([200]);
    const asked = Date.now();
    await connection.write(`GET /whoami HTTP/1.1\r\nHost: 127.0.0.1:${server.port}\r\n\r\n`);
    const responses = await connection.waitFor(2);
    expect(responses.map((r) => [r.status, r.body])).toEqual([
      [200, "ignored"],
      [200, "127.0.0.1"],
    ]);
    expect(Date.now() - asked).toBeLessThan(1000);
    expect(connection.isClosed()).toBe(false);
    connection.end();
  });

  test("the same for a small body to a small action, and for a body sent with a GET", async () => {
    const connection = connect(server.port);
    const body = "a=" + "b".repeat(10_000);
    await connection.write(postHead("/notifications", server.port, { "Content-Length": String(body.length) }) + "\r\n" + body);
    await connection.write(`GET /whoami HTTP/1.1\r\nHost: 127.0.0.1:${server.port}\r\nContent-Length: 5000\r\n\r\n${"x".repeat(5000)}`);
    await connection.write(`GET /whoami HTTP/1.1\r\nHost: 127.0.0.1:${server.port}\r\n\r\n`);
    expect((await connection.waitFor(3, 2000)).map((r) => r.status)).toEqual([200, 200, 200]);
    connection.end();
  });

  test("a 200 KB body to a small action is a 413 that closes the connection cleanly", async () => {
    const connection = connect(server.port);
    const body = "a=" + "b".repeat(200_000 - 2);
    await connection.write(postHead("/notifications", server.port, { "Content-Length": String(body.length) }) + "\r\n" + body);
    const [response] = await connection.waitFor(1);
    expect(response.status).toBe(413);
    expect(await connection.waitClosed()).toBe(true);
  });

  test("a client that asks before sending (Expect: 100-continue) is refused without being told to go on, or told to go on", async () => {
    const refused = connect(server.port);
    await refused.write(postHead("/login", server.port, { "Content-Length": String(100_000_000), Expect: "100-continue" }) + "\r\n");
    const [response] = await refused.waitFor(1);
    expect(refused.responses().map((r) => r.status)).toEqual([413]);
    expect(response.status).toBe(413);

    const accepted = connect(server.port);
    await accepted.write(postHead("/echo", server.port, { "Content-Length": "5", Expect: "100-continue" }) + "\r\n");
    for (let i = 0; i < 50 && accepted.responses().length === 0; i++) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(accepted.responses().map((r) => r.status)).toEqual([100]);
    await accepted.write("a=bcd");
    await accepted.waitFor(1);
    expect(accepted.responses().map((r) => [r.status, r.body])).toEqual([
      [100, ""],
      [200, "read 5"],
    ]);
    accepted.end();
  });
});
