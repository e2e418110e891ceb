// Starts the app for the browser tests: build, a new database with demo data, the real server.
import { execSync } from "node:child_process";
import { rmSync } from "node:fs";

const file = (process.env.DATABASE_URL ?? "").replace(/^file:/, "");
if (!file.includes("tests/.tmp")) throw new Error(`Refusing to reset a database outside tests/.tmp: ${file}`);
for (const suffix of ["", "-wal", "-shm"]) rmSync(file + suffix, { force: true });
execSync("npx remix build", { stdio: "inherit" });
execSync("npx tsx scripts/setup-db.ts", { stdio: "inherit" });
execSync("npx tsx tests/e2e/enrol-admin.ts", { stdio: "inherit" });

await import("../../server/index.js");
