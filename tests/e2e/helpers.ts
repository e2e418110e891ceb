import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

export const DEMO_PASSWORD = "ideja-2026-demo";

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
  await page.getByRole("button", { name: "Pieslēgties" }).click();
  await expect(page.getByTestId("current-user")).toBeVisible();
}
