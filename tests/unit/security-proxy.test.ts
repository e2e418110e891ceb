// TRUST_PROXY: a number of proxies or their addresses, never "any hop", so a client cannot choose
// the address the sign-in throttle counts and the audit log records by sending X-Forwarded-For.
import { afterEach, describe, expect, test } from "vitest";
import { parseTrustProxy } from "../../server/security.js";
import { startServer, type TestServer } from "../factories/server";

describe("reading TRUST_PROXY", () => {
  test("unset, empty, false or 0: no proxy is trusted", () => {
    for (const value of [undefined, "", " ", "false", "0"]) expect(parseTrustProxy(value)).toEqual({ setting: false });
  });

  test("a number of proxies", () => {
    expect(parseTrustProxy("1")).toEqual({ setting: 1 });
    expect(parseTrustProxy(" 2 ")).toEqual({ setting: 2 });
  });

  test("true would trust the left-most address, which the client writes: it is taken as one proxy, with a warning", () => {
    const { setting, warning } = parseTrustProxy("true");
    expect(setting).toBe(1);
    expect(warning).toMatch(/TRUST_PROXY=true.*TRUST_PROXY=1/);
  });

  test("addresses, networks and Express's names of proxies", () => {
    expect(parseTrustProxy("10.0.0.2")).toEqual({ setting: ["10.0.0.2"] });
    expect(parseTrustProxy("10.0.0.2, 10.1.0.0/16, fd00::/8, ::1, loopback, 192.168.0.0/255.255.0.0")).toEqual({
      setting: ["10.0.0.2", "10.1.0.0/16", "fd00::/8", "::1", "loopback", "192.168.0.0/255.255.0.0"],
    });
  });

  test("anything else is refused, so a mistyped setting never starts a server that trusts the wrong hop", () => {
    for (const value of ["yes", "10.0.0.300", "10.0.0.0/33", "proxy.example.lv", "1.5", "10.0.0.1/8/8", "::1/129"]) {
      expect(() => parseTrustProxy(value), value).toThrow(/TRUST_PROXY/);
    }
  });
});

describe("the client's address behind a proxy (context.clientIp)", () => {
  let server: TestServer | undefined;
  afterEach(async () => {
    await server?.close();
  });

  const clientIp = async (trustProxy: false | number | string[], forwardedFor?: string) => {
    server = await startServer({ trustProxy });
    const response = await fetch(`http://127.0.0.1:${server.port}/whoami`, { headers: forwardedFor ? { "X-Forwarded-For": forwardedFor } : {} });
    const text = await response.text();
    await server.close();
    server = undefined;
    return text;
  };

  test("with one proxy, the address the proxy saw: a client's own X-Forwarded-For in front of it changes nothing", async () => {
    expect(await clientIp(parseTrustProxy("1").setting, "6.6.6.6, 203.0.113.5")).toBe("203.0.113.5");
    expect(await clientIp(parseTrustProxy("true").setting, "6.6.6.6, 203.0.113.5")).toBe("203.0.113.5");
  });

  test("with the proxy named by its address, the same; a proxy not named is the client itself", async () => {
    expect(await clientIp(parseTrustProxy("127.0.0.1").setting, "6.6.6.6, 203.0.113.5")).toBe("203.0.113.5");
    expect(await clientIp(parseTrustProxy("127.0.0.0/8").setting, "6.6.6.6, 203.0.113.5")).toBe("203.0.113.5");
    expect(await clientIp(parseTrustProxy("10.0.0.0/8").setting, "6.6.6.6, 203.0.113.5")).toBe("127.0.0.1");
  });

  test("with two proxies, the address the first one saw", async () => {
    expect(await clientIp(parseTrustProxy("2").setting, "6.6.6.6, 203.0.113.5, 10.0.0.7")).toBe("203.0.113.5");
  });

  test("without TRUST_PROXY, X-Forwarded-For is ignored", async () => {
    expect(await clientIp(parseTrustProxy(undefined).setting, "6.6.6.6")).toBe("127.0.0.1");
  });
});
