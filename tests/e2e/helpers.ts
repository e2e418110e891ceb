import fs from "node:fs";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";
import { Secret, TOTP } from "otpauth";
import { E2E_TOTP_SECRET } from "./totp-secret";

export const DEMO_PASSWORD = "ideja-2026-demo";

const totp = (secret: string) => new TOTP({ issuer: "Idea Lab", algorithm: "SHA1", digits: 6, period: 30, secret: Secret.fromBase32(secret) });
// The last time step whose code was used, kept in a file: Playwright starts a new worker after a failed
// test, and a new worker that reused a code the server had already taken would fail its sign-in too
// (and each such failure counts towards the sign-in throttle, failing the tests after it).
const LAST_STEP_FILE = path.join(process.cwd(), "tests/.tmp/e2e-totp-last-step");
const readLastStep = () => {
  try {
    return Number(fs.readFileSync(LAST_STEP_FILE, "utf8")) || 0;
  } catch {
    return 0;
  }
};
let lastStep = readLastStep();

/**
 * A code from the authenticator, as a phone would show it. The server takes each time step's code
 * once and allows one step of clock drift either side, so sign-ins within the same 30 seconds use
 * the previous, current and next step's codes in turn, and wait for a new step when those are used.
 */
export async function authenticatorCode(secret = E2E_TOTP_SECRET) {
  for (;;) {
    const now = Date.now();
    const step = Math.floor(now / 30_000);
    const untilNext = (step + 1) * 30_000 - now;
    const candidate = Math.max(lastStep + 1, step - 1);
    // Not too close to the edge of a step, so the server agrees on which step "now" is.
    if (candidate <= step + 1 && untilNext > 3_000) {
      lastStep = candidate;
      fs.mkdirSync(path.dirname(LAST_STEP_FILE), { recursive: true });
      fs.writeFileSync(LAST_STEP_FILE, String(candidate));
      return totp(secret).generate({ timestamp: candidate * 30_000 });
    }
    await new Promise((resolve) => setTimeout(resolve, untilNext + 100));
  }
}

/** WCAG 2.1 A and AA: axe must find nothing on the page as it is now. */
export async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const summary = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
  expect(summary, `axe violations on ${page.url()}`).toEqual([]);
}

/** Signs in through the login form, in Latvian (the browser asks for lv). */
export async function signIn(page: Page, email: string, password = DEMO_PASSWORD) {
  await page.goto("/login");
  await page.getByLabel("E-pasts").fill(email);
  await page.getByLabel("Parole").fill(password);
  await page.getByRole("button", { name: "Pieslēgties", exact: true }).click();
  // The administrator has two-step sign-in on: the code from the app comes next.
  if (email === "admin@example.lv") {
    await expect(page).toHaveURL(/\/login\/code$/);
    await page.getByLabel("Kods", { exact: true }).fill(await authenticatorCode());
    await page.getByRole("button", { name: "Pieslēgties", exact: true }).click();
  }
  // Attached, not visible: on a phone the header's links are folded into its menu.
  await expect(page.getByTestId("current-user")).toBeAttached();
}
