// The session cookie: `__Host-session` in production (Secure, Path=/, no Domain, so only this host
// over HTTPS may set it), `__session` on a workstation's plain http.
import { afterEach, expect, test, vi } from "vitest";

async function sessionModule(environment: Record<string, string | undefined>) {
  vi.resetModules();
  for (const [name, value] of Object.entries(environment)) vi.stubEnv(name, value);
  return import("~/utils/session.server");
}

async function setCookie(environment: Record<string, string | undefined>) {
  const { SESSION_COOKIE_NAME, sessionStorage } = await sessionModule(environment);
  const session = await sessionStorage.getSession();
  session.set("sessionId", "abc");
  return { name: SESSION_COOKIE_NAME, header: await sessionStorage.commitSession(session), sessionStorage };
}

afterEach(() => {
  vi.unstubAllEnvs();
  vi.resetModules();
});

test("in production the cookie is __Host-session: Secure, Path=/, no Domain; it is read back under that name only", async () => {
  const { name, header, sessionStorage } = await setCookie({
    NODE_ENV: "production",
    IDEALAB_LOCAL: undefined,
    SESSION_SECRET: "a-production-secret-of-some-length",
  });
  expect(name).toBe("__Host-session");
  expect(header).toMatch(/^__Host-session=[^;]+;/);
  const attributes = header.split(";").map((part) => part.trim().toLowerCase());
  expect(attributes).toContain("secure");
  expect(attributes).toContain("path=/");
  expect(attributes).toContain("httponly");
  expect(attributes).toContain("samesite=lax");
  expect(attributes.some((attribute) => attribute.startsWith("domain="))).toBe(false);

  const value = header.split(";")[0].slice(name.length + 1);
  expect((await sessionStorage.getSession(`__Host-session=${value}`)).get("sessionId")).toBe("abc");
  // The same value under the old name (or set by a sibling subdomain as __session) is not a session.
  expect((await sessionStorage.getSession(`__session=${value}`)).get("sessionId")).toBeUndefined();
});

test("on a workstation (npm start: production code, plain http) and in development it is __session, without Secure", async () => {
  for (const environment of [
    { NODE_ENV: "production", IDEALAB_LOCAL: "1", SESSION_SECRET: "a-local-secret-of-some-length" },
    { NODE_ENV: "development", IDEALAB_LOCAL: undefined, SESSION_SECRET: undefined },
  ]) {
    const { name, header } = await setCookie(environment);
    expect(name).toBe("__session");
    expect(header).toMatch(/^__session=[^;]+;/);
    expect(header.toLowerCase()).not.toContain("secure");
  }
});
