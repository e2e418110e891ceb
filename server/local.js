// `npm start` on a workstation: the production build served as production serves it
// (NODE_ENV=production, so React's and Express's production code), but on http://localhost with a
// secret of its own. IDEALAB_LOCAL=1 tells the app so: cookies without Secure (plain http), demo
// logins shown, and a session secret generated once and kept in data/session-secret when
// SESSION_SECRET is not set. With NODE_ENV already set (a real deployment), this changes nothing:
// production still refuses to start without SESSION_SECRET.
import { randomBytes } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

if (!process.env.NODE_ENV) {
  process.env.NODE_ENV = "production";
  process.env.IDEALAB_LOCAL = "1";
  if (!(process.env.SESSION_SECRET && process.env.SESSION_SECRET.length >= 16)) {
    const file = path.join(root, "data", "session-secret");
    if (!existsSync(file)) {
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600 });
      chmodSync(file, 0o600);
    }
    process.env.SESSION_SECRET = readFileSync(file, "utf8").trim();
  }
}

await import("./index.js");
