import { describe, expect, test } from "vitest";
import { isCrossSiteRequest, methodAllowed, responseHeaders, securityHeaders } from "../../server/security.js";

describe("cross-site state changes", () => {
  const host = { host: "idealab.gov.lv" };
  test.each([
    ["GET from another site is fine (it changes nothing)", "GET", { ...host, origin: "https://evil.example" }, false],
    ["POST from our own origin", "POST", { ...host, origin: "https://idealab.gov.lv" }, false],
    ["POST from another site", "POST", { ...host, origin: "https://evil.example" }, true],
    ["POST from a look-alike port", "POST", { ...host, origin: "https://idealab.gov.lv:8443" }, true],
    ["POST with Origin null (sandboxed frame)", "POST", { ...host, origin: "null" }, true],
    ["DELETE from another site", "DELETE", { ...host, origin: "http://evil.example" }, true],
    ["POST without Origin but marked cross-site", "POST", { ...host, "sec-fetch-site": "cross-site" }, true],
    ["POST without Origin from a script or old browser", "POST", { ...host }, false],
  ])("%s", (_name, method, headers, expected) => {
    expect(isCrossSiteRequest(method, headers)).toBe(expected);
  });
});

test("the CSP is enforced with the nonce, forbids framing, and comes with nosniff and a referrer policy", () => {
  const headers = securityHeaders("abc123");
  expect(headers["Content-Security-Policy"]).toContain("script-src 'self' 'nonce-abc123'");
  expect(headers["Content-Security-Policy"]).toContain("frame-ancestors 'none'");
  expect(headers["Content-Security-Policy"]).not.toContain("unsafe-eval");
  expect(headers["X-Content-Type-Options"]).toBe("nosniff");
  expect(headers["Referrer-Policy"]).toBe("strict-origin-when-cross-origin");
});

test("only GET, HEAD and POST reach the app: TRACE, OPTIONS and the rest are refused", () => {
  for (const method of ["GET", "head", "POST"]) expect(methodAllowed(method)).toBe(true);
  for (const method of ["TRACE", "OPTIONS", "PROPFIND", "PUT", "DELETE", "PATCH", "CONNECT"]) expect(methodAllowed(method)).toBe(false);
});

test("pages are never stored; HSTS is sent in production over HTTPS only", () => {
  expect(responseHeaders({ secure: false, production: false })).toEqual({ "Cache-Control": "no-store" });
  expect(responseHeaders({ secure: false, production: true })["Strict-Transport-Security"]).toBeUndefined();
  expect(responseHeaders({ secure: true, production: false })["Strict-Transport-Security"]).toBeUndefined();
  expect(responseHeaders({ secure: true, production: true })["Strict-Transport-Security"]).toBe("max-age=31536000; includeSubDomains");
});
