// The production server: Express with the Remix request handler, security headers on every
// response, and a refusal of state-changing requests from other sites.
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { createRequestHandler } from "@remix-run/express";
import compression from "compression";
import express from "express";
import { ALLOWED_METHODS, createNonce, isCrossSiteRequest, methodAllowed, responseHeaders, securityHeaders } from "./security.js";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const development = process.env.NODE_ENV === "development";

// IDEALAB_LOCAL=1 (set by server/local.js for `npm start`) is production code on a workstation.
const local = process.env.IDEALAB_LOCAL === "1";

if (process.env.NODE_ENV === "production" && !local && !(process.env.SESSION_SECRET && process.env.SESSION_SECRET.length >= 16)) {
  console.error("SESSION_SECRET must be set (at least 16 characters) in production. Refusing to start.");
  process.exit(1);
}

const build = await import(pathToFileURL(path.join(root, "build", "index.js")).href);

const app = express();
app.disable("x-powered-by");
if (process.env.TRUST_PROXY) app.set("trust proxy", process.env.TRUST_PROXY === "true" ? true : process.env.TRUST_PROXY);
app.use(compression());

app.use((req, res, next) => {
  const nonce = createNonce();
  res.locals.cspNonce = nonce;
  for (const [name, value] of Object.entries(securityHeaders(nonce, { development }))) res.setHeader(name, value);
  if (isCrossSiteRequest(req.method, req.headers)) {
    res.status(403).type("text/plain").send("Forbidden: cross-site request");
    return;
  }
  next();
});

// Only the methods the app answers reach it: TRACE, OPTIONS, PUT and the like get 405, no stack.
app.use((req, res, next) => {
  if (methodAllowed(req.method)) return next();
  res.status(405).set("Allow", ALLOWED_METHODS.join(", ")).type("text/plain").send("Method Not Allowed");
});

app.use("/build", express.static(path.join(root, "public", "build"), { immutable: true, maxAge: "1y" }));
app.use(express.static(path.join(root, "public"), { maxAge: "1h" }));

// Pages and data: not stored (they depend on who is signed in), HTTPS only in production over HTTPS.
const production = process.env.NODE_ENV === "production" && !process.env.IDEALAB_LOCAL;
app.use((req, res, next) => {
  for (const [name, value] of Object.entries(responseHeaders({ secure: req.secure, production }))) res.setHeader(name, value);
  next();
});

app.all(
  "*",
  createRequestHandler({
    build,
    mode: build.mode,
    getLoadContext: (req, res) => ({ cspNonce: res.locals.cspNonce, clientIp: req.ip ?? "unknown" }),
  }),
);

// The background work (notification e-mails, the daily digest, pruning expired sessions) runs in this process.
const stopBackgroundJobs = build.entry.module.startBackgroundJobs?.();

const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? "0.0.0.0";
const server = app.listen(port, host, () => {
  const shown = host === "0.0.0.0" || host === "::" ? "localhost" : host;
  console.log(`Idea Lab is serving on http://${shown}:${port}`);
});

for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => {
    stopBackgroundJobs?.();
    server.close(() => process.exit(0));
  });
}
