// The providers' configuration: a bad entry stops the server with a message naming the entry and the field.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { readOidcProviders } from "~/utils/oidc-config.server";

const good = {
  id: "vk",
  name: { lv: "Valsts kancelejas", en: "State Chancellery" },
  issuer: "https://login.microsoftonline.com/8c0f3a7e-1111-2222-3333-444455556666/v2.0",
  clientId: "5d1c2b3a-0000-1111-2222-333344445555",
  clientSecretEnv: "VK_OIDC_SECRET",
  institution: "VK",
};
const read = (list: unknown, env: Record<string, string> = {}) => readOidcProviders({ OIDC_PROVIDERS: JSON.stringify(list), VK_OIDC_SECRET: "s3cret", ...env });

describe("OIDC_PROVIDERS", () => {
  test("a good entry gets the defaults for scopes and claims, and its secret from the named variable", () => {
    expect(read([good])).toEqual([
      {
        ...good,
        clientSecretEnv: "VK_OIDC_SECRET",
        clientSecret: "s3cret",
        scopes: "openid email profile",
        claims: { subject: "sub", email: "email", name: "name" },
        domains: null,
      },
    ]);
    expect(readOidcProviders({})).toEqual([]);
  });

  test("the file named by OIDC_PROVIDERS_FILE is read the same way; both at once is refused", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "oidc-"));
    const file = path.join(dir, "providers.json");
    writeFileSync(file, JSON.stringify([{ ...good, clientSecretEnv: undefined, clientSecret: "from-file" }]));
    expect(readOidcProviders({ OIDC_PROVIDERS_FILE: file })[0].clientSecret).toBe("from-file");
    expect(() => readOidcProviders({ OIDC_PROVIDERS_FILE: path.join(dir, "missing.json") })).toThrow(/cannot be read: ENOENT/);
    expect(() => readOidcProviders({ OIDC_PROVIDERS_FILE: file, OIDC_PROVIDERS: "[]" })).toThrow(/not both/);
  });

  const bad: [string, unknown, RegExp][] = [
    [
      "Microsoft's multi-tenant endpoint",
      [{ ...good, issuer: "https://login.microsoftonline.com/common/v2.0" }],
      /provider 1 \("vk"\): issuer: use the tenant's own issuer/,
    ],
    ["plain http away from loopback", [{ ...good, issuer: "http://login.example.lv" }], /issuer: must be https/],
    ["a secret's variable that is not set", [{ ...good, clientSecretEnv: "NOT_SET_ANYWHERE" }], /NOT_SET_ANYWHERE is not set/],
    ["no secret at all", [{ ...good, clientSecretEnv: undefined }], /clientSecret: required/],
    ["the same id twice", [good, good], /provider 2 \("vk"\): id: another provider already has the id vk/],
    ["an id that cannot be part of a path", [{ ...good, id: "VK/../x" }], /id: 2 to 32 of a-z, 0-9 and -/],
    ["a misspelt field", [{ ...good, clientID: "x" }], /provider 1 \("vk"\): the entry: .*clientID/i],
    ["scopes without openid", [{ ...good, scopes: "email profile" }], /scopes: must include openid/],
    ["a missing English name", [{ ...good, name: { lv: "Valsts kancelejas" } }], /name\.en/],
    ["not an array", { ...good }, /must be a JSON array/],
    [
      "two entries for one issuer (they would share people)",
      [good, { ...good, id: "vk2" }],
      /provider 2 \("vk2"\): issuer: the provider vk already has the issuer/,
    ],
    ["the e-mail as the identity", [{ ...good, claims: { subject: "email" } }], /claims\.subject: must be "sub" or "oid"/],
    ["a domain that is not one", [{ ...good, domains: ["vk.gov.lv", "not a domain"] }], /domains\.1: a domain, such as vk\.gov\.lv/],
  ];
  for (const [what, list, message] of bad) {
    test(`refuses ${what}`, () => {
      expect(() => read(list)).toThrow(message);
    });
  }

  test("the domains a provider may vouch for are kept in lower case", () => {
    expect(read([{ ...good, domains: ["VK.gov.lv", "mk.gov.lv"] }])[0].domains).toEqual(["vk.gov.lv", "mk.gov.lv"]);
  });

  test("the demo provider the server started is read on a workstation, never in production", () => {
    const demo = JSON.stringify({ ...good, id: "demo", clientSecretEnv: undefined, clientSecret: "x", issuer: "http://localhost:3001" });
    expect(readOidcProviders({ IDEALAB_DEMO_OIDC_PROVIDER: demo, NODE_ENV: "production", IDEALAB_LOCAL: "1" })).toHaveLength(1);
    expect(readOidcProviders({ IDEALAB_DEMO_OIDC_PROVIDER: demo, NODE_ENV: "production" })).toHaveLength(0);
  });

  test("refuses JSON that does not parse", () => {
    expect(() => readOidcProviders({ OIDC_PROVIDERS: "[{" })).toThrow(/OIDC_PROVIDERS is not valid JSON/);
  });
});
