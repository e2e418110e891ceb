import { defineConfig, devices } from "@playwright/test";

const PORT = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://127.0.0.1:${PORT}`;

export default defineConfig({
  testDir: "tests/e2e",
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  reporter: process.env.CI ? [["list"]] : [["list"]],
  // The longest journey (a Test Card, a Learning Card, three moves) takes 25 s on a 2-core machine.
  timeout: 60_000,
  expect: { timeout: 10_000 },
  use: {
    baseURL,
    // A locator that never appears fails the step in 15 s rather than using up the test's minute.
    actionTimeout: 15_000,
    navigationTimeout: 30_000,
    locale: "lv-LV",
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"], locale: "lv-LV" } }],
  webServer: {
    // A fresh demo database, the production build, and the real server.
    command: "node tests/e2e/start-server.mjs",
    url: `${baseURL}/healthz`,
    timeout: 180_000,
    reuseExistingServer: false,
    stdout: "pipe",
    // Warnings and errors only from the server: a line per request would bury the test report.
    // With the demo OpenID provider (server/demo-oidc.js) beside it, for the single sign-on journeys.
    env: {
      PORT: String(PORT),
      HOST: "127.0.0.1",
      DATABASE_URL: "file:./tests/.tmp/e2e.db",
      LOG_LEVEL: "warn",
      IDEALAB_DEMO_OIDC: "1",
      OIDC_DEMO_PORT: String(PORT + 1),
    },
  },
});
