// The real server application (server/app.js) on a random port, around a small Remix build of
// resource routes, and raw sockets to talk to it the way a probe does: declared lengths, chunked
// bodies, several requests on one kept-alive connection.
import type { AddressInfo } from "node:net";
import net from "node:net";
import type { ServerBuild } from "@remix-run/node";
import { createApp, createServer } from "../../server/app.js";

type Args = { request: Request; context: Record<string, unknown> };
const route = (path: string, module: Record<string, unknown>) => ({ id: `routes/${path}`, parentId: "root", path, module });

/**
 * A Remix build with a few resource routes: actions that ignore their body (as the sign-out or the
 * notifications' actions may, when the form is wrong), one that reads it, and loaders that answer
 * the client's address or throw.
 */
export const testBuild = {
  mode: "production",
  entry: { module: { default: () => new Response("document"), handleError: () => {} } },
  routes: {
    root: { id: "root", path: "", module: {} },
    "routes/notifications": route("notifications", { action: () => new Response("ignored") }),
    "routes/ideas.$id": route("ideas/:id", { action: () => new Response("ignored") }),
    "routes/login": route("login", { action: async ({ request }: Args) => new Response(`read ${(await request.arrayBuffer()).byteLength}`) }),
    "routes/echo": route("echo", { action: async ({ request }: Args) => new Response(`read ${(await request.arrayBuffer()).byteLength}`) }),
    "routes/whoami": route("whoami", { loader: ({ context }: Args) => new Response(String(context.clientIp)) }),
    "routes/boom": route("boom", {
      loader: () => {
        throw new Error(`boom at ${process.cwd()}/app/routes/boom.ts`);
      },
    }),
  },
  assets: { routes: {}, url: "/build/manifest.js", entry: { module: "/build/entry.js", imports: [] }, version: "test" },
  publicPath: "/build/",
  assetsBuildDirectory: "public/build",
  future: { v3_singleFetch: true },
  isSpaMode: false,
  basename: undefined,
} as unknown as ServerBuild;

export type TestServer = { port: number; bytesRead: () => number; close: () => Promise<void> };

/** Starts createApp (with `options`) on 127.0.0.1 and a random port. */
export async function startServer(options: Omit<Parameters<typeof createApp>[0], "build"> = {}): Promise<TestServer> {
  const server = createServer(createApp({ build: testBuild, ...options }));
  const sockets = new Set<net.Socket>();
  let read = 0;
  server.on("connection", (socket: net.Socket) => {
    sockets.add(socket);
    socket.on("close", () => {
      read += socket.bytesRead;
      sockets.delete(socket);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    port: (server.address() as AddressInfo).port,
    bytesRead: () => read + [...sockets].reduce((sum, s) => sum + s.bytesRead, 0),
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/** One raw response as it came: its status line, headers and body text. */
export type RawResponse = { status: number; headers: Record<string, string>; body: string };

/**
 * Splits the HTTP/1.1 responses in `text` (the bytes as latin1), bodies framed by Content-Length or
 * chunked; 1xx responses kept. A response not complete yet is left out.
 */
export function parseResponses(text: string): RawResponse[] {
  const responses: RawResponse[] = [];
  let rest = text;
  while (rest.startsWith("HTTP/1.1 ")) {
    const end = rest.indexOf("\r\n\r\n");
    if (end === -1) break;
    const [statusLine, ...lines] = rest.slice(0, end).split("\r\n");
    const headers = Object.fromEntries(lines.map((line) => [line.slice(0, line.indexOf(":")).toLowerCase(), line.slice(line.indexOf(":") + 1).trim()]));
    const status = Number(statusLine.split(" ")[1]);
    let body = "";
    let after = rest.slice(end + 4);
    if (status >= 200 && headers["transfer-encoding"] === "chunked") {
      let complete = false;
      for (;;) {
        const line = after.indexOf("\r\n");
        if (line === -1) break;
        const size = parseInt(after.slice(0, line), 16);
        if (after.length < line + 2 + size + 2) break;
        body += after.slice(line + 2, line + 2 + size);
        after = after.slice(line + 2 + size + 2);
        if (size === 0) {
          complete = true;
          break;
        }
      }
      if (!complete) break;
    } else if (status >= 200) {
      const length = Number(headers["content-length"] ?? 0);
      if (after.length < length) break;
      body = after.slice(0, length);
      after = after.slice(length);
    }
    responses.push({ status, headers, body: Buffer.from(body, "latin1").toString("utf8") });
    rest = after;
  }
  return responses;
}

/** A kept-alive connection: write to it, and wait for the nth final response (or its closing). */
export function connect(port: number) {
  const socket = net.connect(port, "127.0.0.1");
  let received = "";
  let closed = false;
  const waiters: (() => void)[] = [];
  const wake = () => waiters.splice(0).forEach((w) => w());
  socket.on("data", (chunk) => {
    received += chunk.toString("latin1");
    wake();
  });
  socket.on("close", () => {
    closed = true;
    wake();
  });
  socket.on("error", () => {});
  const finals = () => parseResponses(received).filter((r) => r.status >= 200);
  return {
    socket,
    /** Writes, and waits until the connection takes more (or an answer comes, or it closes). */
    write: (data: string | Buffer) =>
      new Promise<void>((resolve) => {
        if (socket.destroyed || socket.write(data)) return resolve();
        socket.once("drain", () => resolve());
        waiters.push(resolve);
      }),
    responses: () => parseResponses(received),
    isClosed: () => closed || socket.destroyed,
    /** Waits until `count` final responses have come, or the connection closed, or `ms` passed. */
    async waitFor(count: number, ms = 5000) {
      const deadline = Date.now() + ms;
      while (finals().length < count && !closed && Date.now() < deadline) {
        await new Promise<void>((resolve) => {
          waiters.push(resolve);
          setTimeout(resolve, Math.max(0, deadline - Date.now()));
        });
      }
      return finals();
    },
    /** Waits until the server closes the connection (or `ms` passed). */
    async waitClosed(ms = 5000) {
      const deadline = Date.now() + ms;
      while (!closed && Date.now() < deadline) {
        await new Promise<void>((resolve) => {
          waiters.push(resolve);
          setTimeout(resolve, Math.max(0, deadline - Date.now()));
        });
      }
      return closed;
    },
    end: () => socket.destroy(),
  };
}

/** The head of a POST as a browser on our own site sends a form. */
export function postHead(path: string, port: number, headers: Record<string, string> = {}) {
  const all = { Host: `127.0.0.1:${port}`, "Content-Type": "application/x-www-form-urlencoded", ...headers };
  return `POST ${path} HTTP/1.1\r\n${Object.entries(all)
    .map(([name, value]) => `${name}: ${value}\r\n`)
    .join("")}`;
}
