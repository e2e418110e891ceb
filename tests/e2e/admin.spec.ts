import { expect, test } from "@playwright/test";
import { expectNoAxeViolations, signIn } from "./helpers";

test("an admin reads the audit log, which shows their own sign-in, and filters it", async ({ page }) => {
  await signIn(page, "admin@example.lv");
  await page.goto("/admin");
  await page.getByRole("link", { name: "Audita žurnāls" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Audita žurnāls");
  await expect(page.getByRole("row").filter({ hasText: "Pieslēdzās" }).filter({ hasText: "admin@example.lv" }).first()).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByLabel("Darbība").selectOption("auth.sign-in-failed");
  await page.getByRole("button", { name: "Rādīt" }).click();
  await expect(page).toHaveURL(/action=auth.sign-in-failed/);
  await expect(page.getByRole("row").filter({ hasText: "Pieslēdzās" })).toHaveCount(0);
});

test("an admin switches a stage gate off and on, and non-admins may not", async ({ page, browser }) => {
  await signIn(page, "admin@example.lv");
  await page.goto("/admin/stages");
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: "Izslēgt vārtus posmam „Ieviešana”" }).click();
  await expect(page.getByRole("status")).toHaveText("Vārti izslēgti.");
  await page.getByRole("button", { name: "Ieslēgt vārtus posmam „Ieviešana”" }).click();
  await expect(page.getByRole("status")).toHaveText("Vārti ieslēgti.");
  const context = await browser.newContext({ locale: "lv-LV" });
  const other = await context.newPage();
  await signIn(other, "facilitator@example.lv");
  expect((await other.goto("/admin/stages"))?.status()).toBe(403);
  await context.close();
});
