// Generates the Prisma clients: app/generated/prisma (SQLite) and app/generated/prisma-postgresql
// (PostgreSQL, from the schema copy that scripts/prisma-schemas.mjs writes).
// `prisma generate` does not need Prisma's native schema engine, but the CLI tries to download it
// first. Where no engine is installed (offline machines), point it at an existing file so the
// download is skipped; everywhere else the ordinary behaviour is kept.
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import path from "node:path";
import { writePostgresSchema } from "./prisma-schemas.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const env = { ...process.env };
const engineDir = path.join(root, "node_modules", "@prisma", "engines");
const hasEngine = existsSync(engineDir) && readdirSync(engineDir).some((f) => f.startsWith("schema-engine"));
if (!env.PRISMA_SCHEMA_ENGINE_BINARY && !hasEngine) {
  env.PRISMA_SCHEMA_ENGINE_BINARY = fileURLToPath(import.meta.url);
}
writePostgresSchema();
for (const schema of ["prisma/schema.prisma", "prisma/postgresql/schema.prisma"]) {
  execFileSync(process.execPath, [path.join(root, "node_modules", "prisma", "build", "index.js"), "generate", "--schema", schema], {
    cwd: root,
    env,
    stdio: "inherit",
  });
}
