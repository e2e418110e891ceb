import { expect, test, type Page } from "@playwright/test";
import { DEMO_PASSWORD, authenticatorCode, expectNoAxeViolations, signIn } from "./helpers";

const EMAIL = "toms.eglitis@example.lv";

async function passwordStep(page: Page) {
  await page.goto("/login");
  await page.getByLabel("E-pasts").fill(EMAIL);
  await page.getByLabel("Parole").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Pieslēgties", exact: true }).click();
  await expect(page).toHaveURL(/\/login\/code$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Kods no lietotnes");
}

async function signOut(page: Page) {
  await page.getByRole("button", { name: "Iziet" }).click();
  await expect(page).toHaveURL(/\/login$/);
}

test("two-step sign-in: enrol with the QR code's secret, sign out, sign in with a code, then with a recovery code; a wrong code is refused", async ({
  page,
}) => {
  test.setTimeout(120_000);
  await signIn(page, EMAIL);
  await page.goto("/account");
  await page.getByRole("link", { name: "Divpakāpju pieslēgšanās" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Divpakāpju pieslēgšanās");
  await page.getByRole("button", { name: "Ieslēgt divpakāpju pieslēgšanos" }).click();
  await expect(page.getByRole("img", { name: "QR kods, ko noskenēt ar autentifikatora lietotni" })).toBeVisible();
  await expectNoAxeViolations(page);
  const secret = (await page.getByTestId("totp-secret").innerText()).replace(/\s/g, "");

  // A wrong code first: refused beside the field, nothing turned on.
  await page.getByLabel("Kods no lietotnes").fill("000000");
  await page.getByRole("button", { name: "Apstiprināt un ieslēgt" }).click();
  await expect(page.getByText("Kods nav pareizs vai jau izmantots.").first()).toBeVisible();
  await page.getByLabel("Kods no lietotnes").fill(await authenticatorCode(secret));
  await page.getByRole("button", { name: "Apstiprināt un ieslēgt" }).click();
  const codes = page.getByTestId("recovery-codes").getByRole("listitem");
  await expect(codes).toHaveCount(10);
  const recovery = await codes.first().innerText();
  await expect(page.getByTestId("two-factor-status")).toContainText("Atlikuši 10 rezerves kodi.");
  await expectNoAxeViolations(page);

  // Signing in now takes a code after the password; a wrong one is refused.
  await signOut(page);
  await passwordStep(page);
  await page.getByLabel("Kods", { exact: true }).fill("123456");
  await page.getByRole("button", { name: "Pieslēgties", exact: true }).click();
  await expect(page.getByText("Kods nav pareizs vai jau izmantots.").first()).toBeVisible();
  await expect(page.getByLabel("Kods", { exact: true })).toHaveAttribute("aria-invalid", "true");
  await expectNoAxeViolations(page);
  await page.getByLabel("Kods", { exact: true }).fill(await authenticatorCode(secret));
  await page.getByRole("button", { name: "Pieslēgties", exact: true }).click();
  await expect(page.getByTestId("current-user")).toBeVisible();

  // A recovery code works once, on a phone-sized screen too, and the account page counts what is left.
  await signOut(page);
  await page.setViewportSize({ width: 360, height: 740 });
  await passwordStep(page);
  await page.getByLabel("Kods", { exact: true }).fill(recovery);
  await page.getByRole("button", { name: "Pieslēgties", exact: true }).click();
  // Signed in (at 360 px the account link is inside the header's menu).
  await expect(page.getByTestId("current-user")).toBeAttached();
  await expect(page).toHaveURL(/\/account\/two-factor$/);
  await expect(page.getByTestId("two-factor-status")).toContainText("Atlikuši 9 rezerves kodi.");
  expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
  await expectNoAxeViolations(page);
});
