// CSP violation reports: the policy names /csp-report, browsers post there in either format, and each
// violation becomes one compact warning line, a few a minute from one address at most.
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { CspReportLog, parseCspReport, safeUrl } from "../../server/csp-report.js";
import { securityHeaders } from "../../server/security.js";
import { startServer, type TestServer } from "../factories/server";

const legacyReport = {
  "csp-report": {
    "document-uri": "https://idealab.gov.lv/set-password/Zk3n0tAr3alT0k3nButL0ngEnough?next=%2F#x",
    referrer: "",
    "violated-directive": "script-src-elem",
    "effective-directive": "script-src-elem",
    "original-policy": "default-src 'self'; script-src 'self' 'nonce-abc'",
    disposition: "enforce",
    "blocked-uri": "inline",
    "line-number": 12,
    "column-number": 5,
    "source-file": "https://idealab.gov.lv/ideas/7",
    "status-code": 200,
    "script-sample": "alert(document.cookie)\n",
  },
};

const reportingApiReport = [
  {
    type: "csp-violation",
    age: 10,
    url: "https://idealab.gov.lv/board",
    user_agent: "Mozilla/5.0",
    body: {
      documentURL: "https://idealab.gov.lv/board?q=secret",
      effectiveDirective: "img-src",
      blockedURL: "https://tracker.example/pixel.gif?id=123",
      disposition: "enforce",
      statusCode: 200,
      originalPolicy: "…",
      sourceFile: "https://idealab.gov.lv/build/board-ABC.js",
      lineNumber: 1,
      columnNumber: 200,
      sample: "",
    },
  },
  { type: "deprecation", body: { id: "x" } },
];

test("the policy names the report endpoint both ways, and the endpoint is declared", () => {
  const headers = securityHeaders("n0nce");
  expect(headers["Content-Security-Policy"]).toContain("report-uri /csp-report");
  expect(headers["Content-Security-Policy"]).toContain("report-to csp-endpoint");
  expect(headers["Reporting-Endpoints"]).toBe('csp-endpoint="/csp-report"');
});

describe("reading a report", () => {
  test("report-uri's format (application/csp-report)", () => {
    expect(parseCspReport("application/csp-report", JSON.stringify(legacyReport))).toEqual([
      {
        document: "https://idealab.gov.lv/set-password/…",
        directive: "script-src-elem",
        blocked: "inline",
        source: "https://idealab.gov.lv/ideas/7",
        line: 12,
        column: 5,
        sample: "alert(document.cookie) ",
        disposition: "enforce",
      },
    ]);
  });

  test("the Reporting API's format (application/reports+json): only CSP violations, no query strings", () => {
    expect(parseCspReport("application/reports+json; charset=utf-8", Buffer.from(JSON.stringify(reportingApiReport)))).toEqual([
      {
        document: "https://idealab.gov.lv/board",
        directive: "img-src",
        blocked: "https://tracker.example/pixel.gif",
        source: "https://idealab.gov.lv/build/board-ABC.js",
        line: 1,
        column: 200,
        sample: undefined,
        disposition: "enforce",
      },
    ]);
  });

  test("anything else is nothing: another content type, broken JSON, other shapes", () => {
    expect(parseCspReport("text/plain", JSON.stringify(legacyReport))).toEqual([]);
    expect(parseCspReport("application/csp-report", "{not json")).toEqual([]);
    expect(parseCspReport("application/csp-report", "null")).toEqual([]);
    expect(parseCspReport("application/csp-report", '{"csp-report": 5}')).toEqual([]);
    expect(parseCspReport(undefined, undefined)).toEqual([]);
  });

  test("addresses are logged without query, fragment or long path segments; odd values are cut short", () => {
    expect(safeUrl("https://idealab.gov.lv/ideas/7?token=abc#top")).toBe("https://idealab.gov.lv/ideas/7");
    expect(safeUrl("eval")).toBe("eval");
    expect(safeUrl("data:image/png;base64,AAAA")).toBe("data");
    expect(safeUrl("x".repeat(500))).toHaveLength(41);
    expect(safeUrl(42)).toBeUndefined();
  });
});

describe("the log", () => {
  test("at most ten lines a minute from one address, then one line saying how many were left out", () => {
    let now = 0;
    const lines: string[] = [];
    const log = new CspReportLog({ perMinute: 10, now: () => now, write: (line) => lines.push(line) });
    const violation = { directive: "script-src-elem", blocked: "inline" };
    for (let i = 0; i < 15; i++) log.record("203.0.113.5", [violation]);
    log.record("198.51.100.7", [violation]);
    expect(lines).toHaveLength(11);
    expect(JSON.parse(lines[0])).toEqual({ event: "csp-violation", address: "203.0.113.5", directive: "script-src-elem", blocked: "inline" });
    expect(lines.every((line) => !line.includes("\n"))).toBe(true);
    now = 59_999;
    log.sweep();
    expect(lines).toHaveLength(11);
    now = 60_000;
    log.sweep();
    expect(lines.slice(11).map((line) => JSON.parse(line))).toEqual([{ event: "csp-violation-suppressed", address: "203.0.113.5", suppressed: 5 }]);
    // A new minute: the address may be heard again.
    log.record("203.0.113.5", [violation]);
    expect(lines).toHaveLength(13);
  });

  test("the addresses remembered are bounded", () => {
    const lines: string[] = [];
    const log = new CspReportLog({ perMinute: 1, maxAddresses: 3, write: (line) => lines.push(line) });
    for (let i = 0; i < 10; i++) log.record(`10.0.0.${i}`, [{ directive: "img-src" }, { directive: "img-src" }]);
    expect(log.windows.size).toBe(3);
    expect(lines.filter((line) => line.includes("suppressed"))).toHaveLength(7);
  });
});

describe("the endpoint", () => {
  let server: TestServer;
  let lines: string[];
  beforeEach(async () => {
    lines = [];
    server = await startServer({ cspReports: new CspReportLog({ perMinute: 2, write: (line) => lines.push(line) }) });
  });
  afterEach(async () => {
    await server.close();
  });

  const post = (body: string, headers: Record<string, string>) =>
    fetch(`http://127.0.0.1:${server.port}/csp-report`, { method: "POST", headers: { "Content-Type": "application/csp-report", ...headers }, body });

  test("takes both formats, answers 204, and logs each violation as one line", async () => {
    expect((await post(JSON.stringify(legacyReport), {})).status).toBe(204);
    expect((await post(JSON.stringify(reportingApiReport), { "Content-Type": "application/reports+json" })).status).toBe(204);
    expect(lines.map((line) => JSON.parse(line).directive)).toEqual(["script-src-elem", "img-src"]);
    expect(JSON.parse(lines[0]).address).toBe("127.0.0.1");
  });

  test("is not refused as a cross-site request, and says nothing of other bodies", async () => {
    expect((await post(JSON.stringify(legacyReport), { Origin: "https://elsewhere.example", "Sec-Fetch-Site": "cross-site" })).status).toBe(204);
    expect((await post("hello", { "Content-Type": "text/plain" })).status).toBe(204);
    expect(lines).toHaveLength(1);
  });

  test("has a small body limit, takes only POST, and is rate-limited", async () => {
    const large = await post(JSON.stringify({ "csp-report": { "script-sample": "x".repeat(20_000) } }), {});
    expect(large.status).toBe(413);
    expect((await fetch(`http://127.0.0.1:${server.port}/csp-report`)).status).toBe(405);
    for (let i = 0; i < 5; i++) await post(JSON.stringify(legacyReport), {});
    expect(lines).toHaveLength(2);
  });
});
