import { expect, test } from "@playwright/test";
import { expectNoAxeViolations, signIn } from "./helpers";

test("a person opens their account from the header and changes their name; a wrong password is refused beside the field", async ({ page }) => {
  await signIn(page, "sandra.lace@example.lv");
  await page.getByTestId("current-user").click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Mans konts");
  await expect(page.getByText("Šī sesija")).toBeVisible();
  // The session's device is named as a person knows it, not by the raw User-Agent.
  await expect(page.locator("#sessions li").first()).toContainText("Chrome, Windows"); // the test browser presents itself as desktop Chrome on Windows
  await expect(page.locator("#sessions")).not.toContainText("Mozilla/5.0");
  await expectNoAxeViolations(page);
  await page.getByLabel("Vārds un uzvārds").fill("Sandra Lāce-Ozoliņa");
  await page.getByRole("button", { name: "Saglabāt profilu" }).click();
  await expect(page.getByRole("status")).toHaveText("Profils saglabāts.");
  await expect(page.getByTestId("current-user")).toContainText("Sandra Lāce-Ozoliņa");
  await page.getByLabel("Pašreizējā parole").fill("nepareiza-parole");
  await page.getByLabel("Jaunā parole", { exact: true }).fill("jauna-un-gara-parole");
  await page.getByLabel("Jaunā parole vēlreiz").fill("jauna-un-gara-parole");
  await page.getByRole("button", { name: "Mainīt paroli" }).click();
  await expect(page.locator("#password-form-currentPassword-error")).toHaveText("Pašreizējā parole nav pareiza.");
  await expectNoAxeViolations(page);
});

test("a person chooses, with the keyboard, how they hear about each kind of news; the choice is kept", async ({ page }) => {
  await signIn(page, "sandra.lace@example.lv");
  await page.goto("/account");
  const settings = page.getByRole("region", { name: "Paziņojumi" });
  const comments = settings.getByRole("group", { name: "Komentārs pie jūsu idejas vai idejas, ko komentējāt" });
  await expect(comments.getByRole("radio", { name: "Dienas kopsavilkumā" })).toBeChecked();
  await expect(settings.getByText("E-pasta sūtīšana šajā laboratorijā nav iestatīta")).toBeVisible();
  // Arrow keys move within a radio group, as they do everywhere.
  await comments.getByRole("radio", { name: "Dienas kopsavilkumā" }).focus();
  await page.keyboard.press("ArrowDown");
  await expect(comments.getByRole("radio", { name: "Izslēgts" })).toBeChecked();
  await expect(comments.getByRole("radio", { name: "Izslēgts" })).toBeFocused();
  await settings.getByRole("button", { name: "Saglabāt paziņojumu iestatījumus" }).focus();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("status")).toHaveText("Paziņojumu iestatījumi saglabāti.");
  await page.reload();
  await expect(
    page
      .getByRole("region", { name: "Paziņojumi" })
      .getByRole("group", { name: "Komentārs pie jūsu idejas vai idejas, ko komentējāt" })
      .getByRole("radio", { name: "Izslēgts" }),
  ).toBeChecked();
  await expectNoAxeViolations(page);
});
