import { expect, test, type Page } from "@playwright/test";
import { DEMO_PASSWORD, authenticatorCode, expectNoAxeViolations, signIn } from "./helpers";

// Single sign-on through the demo OpenID provider the test server starts beside the app
// (IDEALAB_DEMO_OIDC=1): its login page takes any e-mail and any password. The demo data maps
// <institution code>.example.lv to each demo institution.

/** At the provider's login page: the e-mail and any password. */
async function signInAtProvider(page: Page, email: string) {
  await expect(page.getByLabel("Login (e-mail)")).toBeVisible();
  await page.getByLabel("Login (e-mail)").fill(email);
  await page.getByLabel("Password").fill("jebkas");
  await page.getByRole("button", { name: "Sign-in" }).click();
}

/** The header's sign-out, then the provider's own confirmation, back at the sign-in page. */
async function signOutThroughProvider(page: Page) {
  await page.getByRole("button", { name: "Iziet" }).click();
  await page.getByRole("button", { name: "Yes, sign me out" }).click();
  await expect(page).toHaveURL(/\/login$/);
  await expect(page.getByRole("heading", { name: "Pieslēgties", level: 1 })).toBeVisible();
  await expect(page.getByTestId("current-user")).toHaveCount(0);
}

test("a civil servant signs in with their institution's account for the first time, lands at home in their institution, and signs out through the provider", async ({
  page,
}) => {
  await page.goto("/login");
  await expect(page.getByRole("button", { name: "Pieslēgties ar demonstrācijas kontu" })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: "Pieslēgties ar demonstrācijas kontu" }).click();
  const started = Date.now();
  await signInAtProvider(page, "Ilze.Berzina@vmd.example.lv");
  await expect(page.getByTestId("current-user")).toContainText("Ilze Berzina");
  console.info(`From the provider's sign-in button to the home page: ${Date.now() - started} ms`);
  expect(new URL(page.url()).pathname).toBe("/");
  await expectNoAxeViolations(page);

  // Provisioned as a submitter of the institution the e-mail's domain maps to, with no password.
  await page.goto("/account");
  await expect(page.getByText("Valsts meža dienests")).toBeVisible();
  await expect(page.getByText(/Jūs pieslēdzaties ar savas iestādes kontu \(demonstrācijas\)/)).toBeVisible();
  await expect(page.getByLabel("Pašreizējā parole")).toHaveCount(0);
  await expectNoAxeViolations(page);

  await signOutThroughProvider(page);
});

test("an e-mail whose domain no institution has is refused with a page that says what to do", async ({ page }) => {
  await page.goto("/login");
  await page.getByRole("button", { name: "Pieslēgties ar demonstrācijas kontu" }).click();
  await signInAtProvider(page, "viesis@nezinams.example.com");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Neizdevās pieslēgties");
  await expect(page.getByTestId("sso-refusal")).toContainText("nezinams.example.com");
  await expect(page.getByTestId("sso-refusal")).toContainText("Sazinieties ar laboratoriju");
  await expectNoAxeViolations(page);
  await page.getByRole("link", { name: "Atpakaļ uz pieslēgšanos" }).click();
  await expect(page.getByRole("heading", { name: "Pieslēgties", level: 1 })).toBeVisible();
});

const BRIEF: [string, string][] = [
  ["Kam tas palīdzēs?", "Lauksaimniekiem, kuri iesniedz platību maksājumu pieteikumus."],
  ["Kāda ir viņu problēma vai vajadzība?", "Pieteikuma kļūdas atklājas tikai pēc termiņa, kad labot vairs nevar."],
  ["Kā jūs to zināt?", "Pagājušajā sezonā 230 pieteikumi tika noraidīti formālu kļūdu dēļ."],
  ["Ar cik lietotājiem esat runājuši?", "9"],
  ["Ko jūs piedāvājat?", "Pārbaudīt pieteikumu jau aizpildīšanas laikā un uzreiz parādīt kļūdas."],
  ["Kāds būs ieguvums?", "Mazāk noraidītu pieteikumu un mazāk zvanu."],
  ["Kā to varētu ātri un lēti pārbaudīt?", "Divdesmit lauksaimniekiem dot prototipu un skaitīt kļūdas."],
  ["Ko vajadzētu iesaistīt?", "Lauku atbalsta dienesta klientu apkalpošanas daļu."],
];

/** The password form, folded away for administrators when passwords are off: opened, then filled. */
async function signInWithPasswordAndCode(page: Page, email: string, password: string) {
  await page.goto("/login");
  await page.getByText("Pieslēgšanās ar paroli (administratoriem)").click();
  await page.getByLabel("E-pasts").fill(email);
  await page.getByLabel("Parole").fill(password);
  await page.getByRole("button", { name: "Pieslēgties", exact: true }).click();
}

async function setPasswords(page: Page, who: "Ikviens" | "Tikai administratori") {
  await page.goto("/admin/sign-in");
  await page.getByLabel(who).check();
  await page.getByRole("button", { name: "Saglabāt" }).click();
  await expect(page.getByRole("status")).toBeVisible();
}

test("with passwords for administrators only, a person without one signs in through the provider, submits an idea and signs out; an administrator still signs in with a password and a code", async ({
  browser,
}) => {
  // The brief is five steps and check your answers now: with the sign-ins and the settings put back, more than a minute.
  test.slow();
  const adminContext = await browser.newContext({ locale: "lv-LV" });
  const admin = await adminContext.newPage();
  await signIn(admin, "admin@example.lv");
  await setPasswords(admin, "Tikai administratori");
  try {
    const context = await browser.newContext({ locale: "lv-LV" });
    const page = await context.newPage();
    await page.goto("/login");
    await expect(page.getByLabel("E-pasts")).toBeHidden();
    await expectNoAxeViolations(page);
    // A submitter's right password is refused, with what to do instead.
    await signInWithPasswordAndCode(page, "submitter@example.lv", DEMO_PASSWORD);
    await expect(page.getByText("Ar paroli var pieslēgties tikai administratori. Pieslēdzieties ar savas iestādes kontu.")).toBeVisible();
    await expect(page.getByTestId("current-user")).toHaveCount(0);

    await page.getByRole("button", { name: "Pieslēgties ar demonstrācijas kontu" }).click();
    await signInAtProvider(page, "marta.kalna@lad.example.lv");
    await expect(page.getByTestId("current-user")).toContainText("Marta Kalna");

    const title = "Platību pieteikuma pārbaude aizpildīšanas laikā";
    await page.getByRole("navigation", { name: "Galvenā navigācija" }).getByRole("link", { name: "Jauna ideja" }).click();
    await expect(page.getByLabel("Iestāde").locator("option:checked")).toHaveText("Lauku atbalsta dienests");
    await page.getByLabel("Nosaukums", { exact: true }).fill(title);
    await page.getByLabel("Īsumā", { exact: true }).fill("Kļūdas pieteikumā redzamas uzreiz, nevis pēc termiņa.");
    // The brief step by step: the answers of each step, then "Save and continue" (after the need's two, the evidence's two…).
    const continueAfter = new Set([
      "Kāda ir viņu problēma vai vajadzība?",
      "Ar cik lietotājiem esat runājuši?",
      "Kāds būs ieguvums?",
      "Kā to varētu ātri un lēti pārbaudīt?",
    ]);
    for (const [label, value] of BRIEF) {
      await page.getByLabel(label, { exact: true }).fill(value);
      if (continueAfter.has(label)) await page.getByRole("button", { name: "Saglabāt un turpināt" }).click();
    }
    await page.getByLabel("Atbalstīt izpēti, iterāciju un testēšanu").check();
    await page.getByRole("button", { name: "Saglabāt un turpināt" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Pārbaudiet atbildes");
    await page.getByRole("button", { name: "Iesniegt ideju" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
    await expect(page.getByRole("status")).toHaveText("Ideja iesniegta. Laboratorija to izskatīs.");

    await signOutThroughProvider(page);
    await context.close();

    // The administrator, in a browser of their own: the password, then the code from the app.
    const later = await browser.newContext({ locale: "lv-LV" });
    const adminAgain = await later.newPage();
    await signInWithPasswordAndCode(adminAgain, "admin@example.lv", DEMO_PASSWORD);
    await expect(adminAgain).toHaveURL(/\/login\/code$/);
    await adminAgain.getByLabel("Kods", { exact: true }).fill(await authenticatorCode());
    await adminAgain.getByRole("button", { name: "Pieslēgties", exact: true }).click();
    await expect(adminAgain.getByTestId("current-user")).toContainText("Andris Šmits");
    await later.close();
  } finally {
    await setPasswords(admin, "Ikviens");
    await adminContext.close();
  }
});

test("without JavaScript, the provider's button and the sign-out still lead there and back (the security policy lets forms go to the provider)", async ({
  browser,
}) => {
  const context = await browser.newContext({ javaScriptEnabled: false, locale: "lv-LV" });
  const page = await context.newPage();
  const blocked: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy|form-action/i.test(message.text())) blocked.push(message.text());
  });
  await page.goto("/login");
  await page.getByRole("button", { name: "Pieslēgties ar demonstrācijas kontu" }).click();
  await signInAtProvider(page, "bez.skriptiem@vmd.example.lv");
  await expect(page.getByTestId("current-user")).toContainText("Bez Skriptiem");
  await signOutThroughProvider(page);
  expect(blocked).toEqual([]);
  await context.close();
});
