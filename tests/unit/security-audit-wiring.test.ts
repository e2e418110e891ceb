// The server's part of the audit trail: every 403 it answers (the cross-site check before the app,
// or the app itself) is handed to the app's recordRefusal with the request and the client's
// address, and the app runs inside a request context that carries that address.
import type { AddressInfo } from "node:net";
import type { ServerBuild } from "@remix-run/node";
import { afterEach, expect, test } from "vitest";
import { createApp, createServer } from "../../server/app.js";
import { requestContext, runWithRequestContext } from "~/utils/request-context.server";
import { testBuild } from "../factories/server";

const refusals: { path: string; method: string; cookie: string | null; ip: string }[] = [];
const build = {
  ...testBuild,
  entry: {
    module: {
      ...testBuild.entry.module,
      runWithRequestContext,
      recordRefusal: async (request: Request, ip: string) => {
        refusals.push({ path: new URL(request.url).pathname, method: request.method, cookie: request.headers.get("Cookie"), ip });
      },
    },
  },
  routes: {
    ...testBuild.routes,
    "routes/forbidden": { id: "routes/forbidden", parentId: "root", path: "forbidden", module: { loader: () => new Response("no", { status: 403 }) } },
    "routes/context": { id: "routes/context", parentId: "root", path: "context", module: { loader: async () => new Response(String(requestContext()?.ip)) } },
  },
} as unknown as ServerBuild;

let close: (() => void) | undefined;
afterEach(() => close?.());

async function start() {
  const server = createServer(createApp({ build, trustProxy: 1 }));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  close = () => server.close();
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

test("a 403 from the app and one from the cross-site check are both handed to the audit log, with the cookie and the client's address", async () => {
  const base = await start();
  refusals.length = 0;
  expect((await fetch(`${base}/forbidden?x=1`, { headers: { Cookie: "__session=abc", "X-Forwarded-For": "203.0.113.9" } })).status).toBe(403);
  expect((await fetch(`${base}/echo`, { method: "POST", headers: { Origin: "https://evil.example" }, body: "a=1" })).status).toBe(403);
  expect((await fetch(`${base}/whoami`)).status).toBe(200);
  await new Promise((resolve) => setTimeout(resolve, 50));
  expect(refusals).toEqual([
    { path: "/forbidden", method: "GET", cookie: "__session=abc", ip: "203.0.113.9" },
    { path: "/echo", method: "POST", cookie: "", ip: "127.0.0.1" },
  ]);
});

test("the app runs inside a request context holding the client's address as the trusted proxy gave it", async () => {
  const base = await start();
  expect(await (await fetch(`${base}/context`, { headers: { "X-Forwarded-For": "6.6.6.6, 198.51.100.4" } })).text()).toBe("198.51.100.4");
});
