// Generates the Prisma client into app/generated/prisma.
// `prisma generate` does not need Prisma's native schema engine, but the CLI tries to download it
// first. Where no engine is installed (offline machines), point it at an existing file so the
// download is skipped; everywhere else the ordinary behaviour is kept.
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import path from "node:path";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const env = { ...process.env };
const engineDir = path.join(root, "node_modules", "@prisma", "engines");
const hasEngine = existsSync(engineDir) && readdirSync(engineDir).some((f) => f.startsWith("schema-engine"));
if (!env.PRISMA_SCHEMA_ENGINE_BINARY && !hasEngine) {
  env.PRISMA_SCHEMA_ENGINE_BINARY = fileURLToPath(import.meta.url);
}
execFileSync(process.execPath, [path.join(root, "node_modules", "prisma", "build", "index.js"), "generate"], {
  cwd: root,
  env,
  stdio: "inherit",
});
