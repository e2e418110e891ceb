import { expect, test } from "@playwright/test";
import { expectNoAxeViolations, signIn } from "./helpers";

test("an admin reads the audit log, which shows their own sign-in, and filters it", async ({ page }) => {
  await signIn(page, "admin@example.lv");
  await page.goto("/admin");
  await page.getByRole("link", { name: "Audita žurnāls" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Audita žurnāls");
  await expect(page.getByRole("row").filter({ hasText: "Pieslēdzās" }).filter({ hasText: "admin@example.lv" }).first()).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByLabel("Darbība").selectOption("SIGN_IN_FAILED");
  await page.getByRole("button", { name: "Rādīt" }).click();
  await expect(page).toHaveURL(/action=SIGN_IN_FAILED/);
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

test("an admin creates a user, who sets a password with the link and signs in", async ({ page, browser }) => {
  await signIn(page, "admin@example.lv");
  await page.goto("/admin/users");
  await expectNoAxeViolations(page);
  const form = page.getByRole("region", { name: "Jauns lietotājs" });
  await form.getByLabel("E-pasts").fill("marta.jauna@example.lv");
  await form.getByLabel("Vārds un uzvārds").fill("Marta Jaunā");
  await form.getByLabel("Loma").selectOption("SUBMITTER");
  await form.getByLabel("Iestāde").selectOption({ label: "Zāļu valsts aģentūra" });
  await form.getByRole("button", { name: "Izveidot lietotāju" }).click();
  const link = await page.locator("code").filter({ hasText: "/set-password/" }).innerText();
  await expect(page.getByText("E-pasta sūtīšana nav iestatīta, tāpēc nekas netika nosūtīts: nododiet saiti pats.")).toBeVisible();
  await expectNoAxeViolations(page);

  const context = await browser.newContext({ locale: "lv-LV" });
  const newcomer = await context.newPage();
  await newcomer.goto(link);
  await expect(newcomer.getByRole("heading", { level: 1 })).toHaveText("Paroles iestatīšana");
  await expectNoAxeViolations(newcomer);
  await newcomer.getByLabel("Jaunā parole").fill("martas-droša-parole");
  await newcomer.getByLabel("Parole vēlreiz").fill("martas-droša-parole");
  await newcomer.getByRole("button", { name: "Iestatīt paroli" }).click();
  await expect(newcomer.getByRole("status")).toHaveText("Parole iestatīta. Tagad varat pieslēgties.");
  await expect(newcomer.getByLabel("E-pasts")).toHaveValue("marta.jauna@example.lv");
  await newcomer.getByLabel("Parole").fill("martas-droša-parole");
  await newcomer.getByRole("button", { name: "Pieslēgties" }).click();
  await expect(newcomer.getByTestId("current-user")).toContainText("Marta Jaunā");
  await newcomer.goto(link);
  await expect(newcomer.getByRole("alert")).toHaveText("Šī saite jau ir izmantota. Palūdziet administratoram jaunu.");
  await context.close();
});

test("the institutions page has no accessibility violations", async ({ page }) => {
  await signIn(page, "admin@example.lv");
  await page.goto("/admin");
  await page.getByRole("link", { name: "Iestādes" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Iestādes");
  await expectNoAxeViolations(page);
});

test("an admin renames and reorders stages and the board follows", async ({ page }) => {
  await signIn(page, "admin@example.lv");
  await page.goto("/admin/stages");
  const develop = page.getByRole("region", { name: /^Risinājumu izstrāde/ });
  await develop.getByLabel("Nosaukums latviski").fill("Risinājumu radīšana");
  await develop.getByRole("button", { name: "Saglabāt" }).click();
  await expect(page.getByRole("status")).toHaveText("Posms saglabāts.");
  await page.getByRole("button", { name: "Pārvietot „Risinājumu radīšana” uz augšu" }).click();
  await expect(page.getByRole("status")).toHaveText("Secība mainīta.");
  await expectNoAxeViolations(page);
  await page.goto("/board");
  const headings = await page.locator("section[id^=col-] h2 span[id$=-h]").allInnerTexts();
  expect(headings.slice(0, 4)).toEqual(["Iesniegtas", "Izpēte", "Risinājumu radīšana", "Problēmas definēšana"]);
  // Put it back for the other tests.
  await page.goto("/admin/stages");
  await page.getByRole("button", { name: "Pārvietot „Risinājumu radīšana” uz leju" }).click();
  await page
    .getByRole("region", { name: /^Risinājumu radīšana/ })
    .getByLabel("Nosaukums latviski")
    .fill("Risinājumu izstrāde");
  await page
    .getByRole("region", { name: /^Risinājumu radīšana/ })
    .getByRole("button", { name: "Saglabāt" })
    .click();
  await expect(page.getByRole("status")).toHaveText("Posms saglabāts.");
});
