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
  // First refused (the address is taken), with what was typed kept; then made.
  await form.getByLabel("E-pasts").fill("submitter@example.lv");
  await form.getByLabel("Vārds un uzvārds").fill("Marta Jaunā");
  await form.getByRole("button", { name: "Izveidot lietotāju" }).click();
  // Beside the field, and as a link to it in the error summary.
  await expect(form.locator("#create-user-form-email-error")).toHaveText("Lietotājs ar šo e-pastu jau ir.");
  await expect(form.locator("[data-error-summary]").getByRole("link", { name: "Lietotājs ar šo e-pastu jau ir." })).toBeVisible();
  await expect(form.getByLabel("Vārds un uzvārds")).toHaveValue("Marta Jaunā");
  await form.getByLabel("E-pasts").fill("marta.jauna@example.lv");
  await form.getByLabel("Vārds un uzvārds").fill("Marta Jaunā");
  await form.getByLabel("Loma").selectOption("SUBMITTER");
  await form.getByLabel("Iestāde").selectOption({ label: "Zāļu valsts aģentūra" });
  await form.getByRole("button", { name: "Izveidot lietotāju" }).click();
  // The message names who was made, and the form is empty for the next person.
  await expect(page.getByText("Izveidots lietotājs Marta Jaunā (marta.jauna@example.lv).")).toBeVisible();
  await expect(form.getByLabel("E-pasts")).toHaveValue("");
  await expect(form.getByLabel("Vārds un uzvārds")).toHaveValue("");
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
  await newcomer.getByRole("button", { name: "Pieslēgties", exact: true }).click();
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
  try {
    await page.getByRole("button", { name: "Pārvietot „Risinājumu radīšana” uz augšu" }).click();
    await expect(page.getByRole("status")).toHaveText("Secība mainīta.");
    await expectNoAxeViolations(page);
    await page.goto("/board");
    const headings = await page.locator("section[id^=col-] h2 span[id$=-h]").allInnerTexts();
    expect(headings.slice(0, 4)).toEqual(["Iesniegtas", "Izpēte", "Risinājumu radīšana", "Problēmas definēšana"]);
  } finally {
    // Put it back for the other tests, one step at a time: each answer re-renders the page.
    await page.goto("/admin/stages");
    const renamed = page.getByRole("region", { name: /^Risinājumu radīšana/ });
    const headings = async () => page.locator("section[id^=col-] h2 span[id$=-h]").allInnerTexts();
    const order = await page
      .getByRole("region")
      .evaluateAll((els) => els.map((el) => el.getAttribute("aria-label") ?? el.querySelector("h2,h3")?.textContent ?? ""));
    if (order.findIndex((name) => name.startsWith("Risinājumu radīšana")) < order.findIndex((name) => name.startsWith("Problēmas definēšana"))) {
      await page.getByRole("button", { name: "Pārvietot „Risinājumu radīšana” uz leju" }).click();
      await expect(page.getByRole("status")).toHaveText("Secība mainīta.");
    }
    await renamed.getByLabel("Nosaukums latviski").fill("Risinājumu izstrāde");
    await renamed.getByRole("button", { name: "Saglabāt" }).click();
    await expect(page.getByRole("status")).toHaveText("Posms saglabāts.");
    await page.goto("/board");
    expect((await headings()).slice(0, 4)).toEqual(["Iesniegtas", "Izpēte", "Problēmas definēšana", "Risinājumu izstrāde"]);
  }
});

test("an admin adds an e-mail domain to an institution; the same domain for another institution is refused beside the field", async ({ page }) => {
  await signIn(page, "admin@example.lv");
  await page.goto("/admin/institutions");
  const row = (name: string) => page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: new RegExp(`^${name} \\(`) }) });
  const vk = row("Valsts kanceleja");
  const field = vk.getByLabel("E-pasta domēni");
  // The demo data gives each institution a domain already: it is kept, and put back at the end.
  const original = await field.inputValue();
  try {
    await field.fill(`${original} idejas-e2e.gov.lv`);
    await vk.getByRole("button", { name: "Saglabāt domēnus" }).click();
    await expect(page.getByRole("status")).toHaveText("E-pasta domēni saglabāti.");
    await expect(vk.getByTestId("institution-domains")).toContainText("idejas-e2e.gov.lv");
    await expectNoAxeViolations(page);

    const ur = row("Uzņēmumu reģistrs");
    await ur.getByLabel("E-pasta domēni").fill("IDEJAS-E2E.gov.lv");
    await ur.getByRole("button", { name: "Saglabāt domēnus" }).click();
    // Beside the field and, as a link to it, in the error summary.
    await expect(ur.getByText("Domēns idejas-e2e.gov.lv jau ir piesaistīts iestādei „Valsts kanceleja” (VK); vispirms noņemiet to tur.")).toHaveCount(2);
    await expect(ur.getByLabel("E-pasta domēni")).toHaveAttribute("aria-invalid", "true");
    await expectNoAxeViolations(page);
  } finally {
    await page.goto("/admin/institutions");
    await row("Valsts kanceleja").getByLabel("E-pasta domēni").fill(original);
    await row("Valsts kanceleja").getByRole("button", { name: "Saglabāt domēnus" }).click();
    await expect(page.getByRole("status")).toHaveText("E-pasta domēni saglabāti.");
  }
});

test("an admin lets only administrators sign in with a password, and everyone again", async ({ page }) => {
  await signIn(page, "admin@example.lv");
  await page.goto("/admin");
  await page.getByRole("link", { name: "Pieslēgšanās" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Pieslēgšanās");
  const question = page.getByRole("group", { name: "Kas drīkst pieslēgties ar paroli?" });
  await expect(question.getByLabel("Ikviens")).toBeChecked();
  await expectNoAxeViolations(page);
  try {
    await question.getByLabel("Tikai administratori").check();
    await page.getByRole("button", { name: "Saglabāt" }).click();
    await expect(page.getByRole("status")).toHaveText("Iestatījums saglabāts.");
    await expect(question.getByLabel("Tikai administratori")).toBeChecked();
    await expectNoAxeViolations(page);
  } finally {
    // The other browser tests sign in with passwords: always put it back.
    await page.goto("/admin/sign-in");
    await page.getByRole("group", { name: "Kas drīkst pieslēgties ar paroli?" }).getByLabel("Ikviens").check();
    await page.getByRole("button", { name: "Saglabāt" }).click();
    await expect(page.getByRole("status")).toHaveText("Iestatījums saglabāts.");
  }
  await expect(page.getByRole("group", { name: "Kas drīkst pieslēgties ar paroli?" }).getByLabel("Ikviens")).toBeChecked();
});

test("without JavaScript too, the create-user form is empty after a person is made, and says who", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false, locale: "lv-LV" });
  const page = await context.newPage();
  await signIn(page, "admin@example.lv");
  await page.goto("/admin/users");
  const form = page.getByRole("region", { name: "Jauns lietotājs" });
  await form.getByLabel("E-pasts").fill("janis.bez.skriptiem@example.lv");
  await form.getByLabel("Vārds un uzvārds").fill("Jānis Bezskriptu");
  await form.getByRole("button", { name: "Izveidot lietotāju" }).click();
  await expect(page.getByText("Izveidots lietotājs Jānis Bezskriptu (janis.bez.skriptiem@example.lv).")).toBeVisible();
  await expect(form.getByLabel("E-pasts")).toHaveValue("");
  await expect(form.getByLabel("Vārds un uzvārds")).toHaveValue("");
  await context.close();
});

test("the users and outbox pages speak of their own filters", async ({ page }) => {
  await signIn(page, "admin@example.lv");
  await page.goto("/admin/users?role=NOPE");
  await expect(page.getByRole("alert")).toHaveText("Šie lietotāju filtri nav derīgi un netika ņemti vērā: Loma.");
  await expect(page.getByLabel("Stāvoklis")).toHaveValue("");
  await expect(page.getByLabel("Stāvoklis").locator("option").first()).toHaveText("Visi");
  await page.goto("/admin/outbox?status=NOPE");
  await expect(page.getByRole("alert")).toHaveText("Šie vēstuļu filtri nav derīgi un netika ņemti vērā: Stāvoklis.");
});

test("a long stage name shows whole in its field, and the audit log offers a spreadsheet", async ({ page }) => {
  await signIn(page, "admin@example.lv");
  await page.goto("/admin/stages");
  const name = page.getByRole("region", { name: /^Prototipēšana un testēšana/ }).getByLabel("Nosaukums latviski");
  await expect(name).toHaveValue("Prototipēšana un testēšana");
  const { scroll, client } = await name.evaluate((input: HTMLInputElement) => ({ scroll: input.scrollWidth, client: input.clientWidth }));
  expect(scroll).toBeLessThanOrEqual(client);

  await page.goto("/admin/audit");
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Lejupielādēt (Excel)" }).click();
  expect((await download).suggestedFilename()).toMatch(/^audita-žurnāls-\d{4}-\d{2}-\d{2}\.xlsx$/);
  await expectNoAxeViolations(page);
});
