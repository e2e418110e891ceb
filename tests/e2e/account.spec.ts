import { expect, test } from "@playwright/test";
import { expectNoAxeViolations, signIn } from "./helpers";

test("a person opens their account from the header and changes their name; a wrong password is refused beside the field", async ({ page }) => {
  await signIn(page, "sandra.lace@example.lv");
  await page.getByTestId("current-user").click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Mans konts");
  await expect(page.getByText("Šī sesija")).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByLabel("Vārds un uzvārds").fill("Sandra Lāce-Ozoliņa");
  await page.getByRole("button", { name: "Saglabāt profilu" }).click();
  await expect(page.getByRole("status")).toHaveText("Profils saglabāts.");
  await expect(page.getByTestId("current-user")).toContainText("Sandra Lāce-Ozoliņa");
  await page.getByLabel("Pašreizējā parole").fill("nepareiza-parole");
  await page.getByLabel("Jaunā parole", { exact: true }).fill("jauna-un-gara-parole");
  await page.getByLabel("Jaunā parole vēlreiz").fill("jauna-un-gara-parole");
  await page.getByRole("button", { name: "Mainīt paroli" }).click();
  await expect(page.locator("#account-current-error")).toHaveText("Pašreizējā parole nav pareiza.");
  await expectNoAxeViolations(page);
});
