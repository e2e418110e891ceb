// The linter: TypeScript and React rules, accessibility, and the layers of the house checked on
// every run (docs/architecture.md): routes → modules → core → utils, never upward, no cycles, and
// no route that reads the database itself.
import { readdirSync } from "node:fs";
import js from "@eslint/js";
import { createTypeScriptImportResolver } from "eslint-import-resolver-typescript";
import importX from "eslint-plugin-import-x";
import jsxA11y from "eslint-plugin-jsx-a11y";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import tseslint from "typescript-eslint";

/** A layer may not import from the layers named after it. */
const layer = (target, from, message) => ({ target, from, message });

/**
 * The domain modules, each of which may import only those before it: the dependencies between
 * modules point one way (docs/architecture.md draws them), so no two modules form a cycle.
 * A new module takes its place in this list.
 */
const MODULE_ORDER = ["stage", "experiment", "idea", "board", "notification", "mail", "audit", "dashboard", "lesson", "user", "system"];
const unlisted = readdirSync("app/modules").filter((name) => !MODULE_ORDER.includes(name));
if (unlisted.length) throw new Error(`eslint.config.js: put app/modules/${unlisted.join(", app/modules/")} in MODULE_ORDER.`);
const moduleZones = MODULE_ORDER.slice(0, -1).map((name, i) =>
  layer(
    `./app/modules/${name}`,
    MODULE_ORDER.slice(i + 1).map((later) => `./app/modules/${later}`),
    `Module "${name}" may import only the modules before it in MODULE_ORDER (eslint.config.js): ${MODULE_ORDER.slice(0, i).join(", ") || "none"}.`,
  ),
);

export default tseslint.config(
  { ignores: ["build/**", "public/build/**", "app/generated/**", "node_modules/**", ".cache/**", "test-results/**", "playwright-report/**", "tests/.tmp/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  jsxA11y.flatConfigs.recommended,
  reactHooks.configs.flat.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    plugins: { "import-x": importX },
    settings: {
      "import-x/resolver-next": [createTypeScriptImportResolver({ project: "./tsconfig.json" })],
    },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", destructuredArrayIgnorePattern: "^_" }],
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
      "import-x/no-cycle": ["error", { ignoreExternal: true }],
      "import-x/no-self-import": "error",
      "import-x/no-duplicates": "error",
      "import-x/no-restricted-paths": [
        "error",
        {
          zones: [
            layer(
              "./app/utils",
              ["./app/core", "./app/modules", "./app/routes", "./app/components"],
              "app/utils is infrastructure: it imports no core, module, component or route.",
            ),
            layer("./app/core", ["./app/modules", "./app/routes", "./app/components"], "app/core knows no domain module, component or route."),
            layer("./app/components", ["./app/modules", "./app/routes", "./app/core"], "app/components are domain-free: they import utils only."),
            layer("./app/modules", ["./app/routes"], "Modules never import routes."),
            layer("./app/routes", ["./app/generated", "./app/utils/db.server.ts"], "Routes never touch Prisma: call a module."),
            ...moduleZones,
          ],
        },
      ],
      // A scrollable table is a focusable region, so the keyboard can scroll it.
      "jsx-a11y/no-noninteractive-tabindex": ["error", { roles: ["region"] }],
      "no-restricted-imports": ["error", { patterns: [{ group: ["@prisma/*"], message: "Prisma is reached through app/utils/db.server.ts only." }] }],
    },
  },
  {
    files: ["app/utils/db.server.ts", "app/utils/sqlite.server.ts", "scripts/**", "prisma/**", "tests/**"],
    rules: { "no-restricted-imports": "off" },
  },
  {
    // Tests and scripts may reach into any layer to set up and check what the app does.
    files: ["tests/**", "scripts/**", "prisma/**"],
    rules: { "import-x/no-restricted-paths": "off" },
  },
);
