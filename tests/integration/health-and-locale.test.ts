import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test } from "vitest";
import { loader as healthLoader } from "~/routes/healthz";
import { action as languageAction } from "~/routes/language";
import { createPrismaClient, prisma } from "~/utils/db.server";
import { checkHealth } from "~/utils/health.server";
import { getLocale } from "~/utils/i18n.server";
import { createUserSession } from "~/utils/auth.server";
import { localeCookie } from "~/utils/session.server";
import { createUser } from "../factories/user";
import { formRequest } from "../factories/request";
import { run } from "../factories/route";

test("/healthz answers 200 with a small JSON body after reading the database", async () => {
  const result = await run(healthLoader as never, { request: new Request("http://localhost/healthz") });
  expect(result.status).toBe(200);
  expect(result.data).toMatchObject({ ok: true, database: "ok", stages: 8 });
});

test("the health check reports 503-worthy trouble when the database cannot be read", async () => {
  // A database file with no tables: the check's query fails.
  const empty = createPrismaClient(`file:${path.join(mkdtempSync(path.join(tmpdir(), "health-")), "empty.db")}`);
  const health = await checkHealth(empty);
  expect(health).toMatchObject({ ok: false, database: "unavailable" });
  await empty.$disconnect();
});

function request(headers: Record<string, string>) {
  return new Request("http://localhost/", { headers });
}

test("the language: Latvian by default, then Accept-Language, then the cookie, then the user's preference", async () => {
  expect(await getLocale(request({}))).toBe("lv");
  expect(await getLocale(request({ "Accept-Language": "de-DE,de;q=0.9" }))).toBe("lv");
  expect(await getLocale(request({ "Accept-Language": "en-GB,en;q=0.9" }))).toBe("en");
  const lvCookie = (await localeCookie.serialize("lv")).split(";")[0];
  expect(await getLocale(request({ "Accept-Language": "en-GB", Cookie: lvCookie }))).toBe("lv");

  const user = await createUser();
  await prisma.user.update({ where: { id: user.id }, data: { locale: "en" } });
  const session = (await createUserSession(new Request("http://localhost/"), user.id)).split(";")[0];
  expect(await getLocale(request({ "Accept-Language": "lv", Cookie: `${lvCookie}; ${session}` }))).toBe("en");
});

test("the switcher saves the choice on the signed-in user and in a cookie; an unknown language is a 400", async () => {
  const user = await createUser();
  const session = (await createUserSession(new Request("http://localhost/"), user.id)).split(";")[0];
  const result = await run(languageAction, {
    request: formRequest("/language", { lng: "en", redirectTo: "/ideas?page=2" }, { cookie: session }),
  });
  expect(result.status).toBe(302);
  expect(result.location).toBe("/ideas?page=2");
  expect(result.headers.get("Set-Cookie")).toMatch(/^lng=/);
  expect((await prisma.user.findUniqueOrThrow({ where: { id: user.id } })).locale).toBe("en");

  const bad = await run(languageAction, { request: formRequest("/language", { lng: "xx" }) });
  expect(bad.status).toBe(400);
  const offsite = await run(languageAction, { request: formRequest("/language", { lng: "lv", redirectTo: "https://evil.example" }) });
  expect(offsite.location).toBe("/");
  // Paths that a browser resolves to "//evil.example" (dot segments, encoded dots) stay home too.
  for (const redirectTo of ["/.//evil.example", "/..//evil.example", "/a/..//evil.example", "/%2e//evil.example"]) {
    const dotted = await run(languageAction, { request: formRequest("/language", { lng: "lv", redirectTo }) });
    expect(dotted.location, redirectTo).toBe("/");
  }
});
