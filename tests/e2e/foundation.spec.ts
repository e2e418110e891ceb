import { expect, test } from "@playwright/test";
import { expectNoAxeViolations, signIn } from "./helpers";

const NAV = ["Manas idejas", "Jauna ideja", "Idejas", "Tāfele", "Mācības", "Pārskats", "Administrēšana"];
const EXPECTED_NAV: Record<string, string[]> = {
  "submitter@example.lv": ["Manas idejas", "Jauna ideja", "Idejas", "Tāfele", "Mācības"],
  "facilitator@example.lv": ["Manas idejas", "Jauna ideja", "Idejas", "Tāfele", "Mācības", "Pārskats"],
  "manager@example.lv": ["Idejas", "Tāfele", "Mācības", "Pārskats"],
  "admin@example.lv": NAV,
};

test("the login page is in Latvian by default and has no accessibility violations", async ({ page }) => {
  await page.goto("/");
  await expect(page).toHaveURL(/\/login\?redirectTo=%2F$/);
  await expect(page.locator("html")).toHaveAttribute("lang", "lv");
  await expect(page.getByRole("heading", { name: "Pieslēgties", level: 1 })).toBeVisible();
  await expectNoAxeViolations(page);
});

for (const [email, expected] of Object.entries(EXPECTED_NAV)) {
  test(`${email} signs in and sees the navigation of their role`, async ({ page }) => {
    await signIn(page, email);
    await expect(page.getByRole("status")).toHaveText("Jūs esat pieslēdzies.");
    const nav = page.getByRole("navigation", { name: "Galvenā navigācija" });
    await expect(nav.getByRole("link")).toHaveText(expected);
    for (const missing of NAV.filter((n) => !expected.includes(n))) {
      await expect(nav.getByRole("link", { name: missing })).toHaveCount(0);
    }
    await expectNoAxeViolations(page);
  });
}

test("a wrong password shows one message for the whole form and keeps the e-mail", async ({ page }) => {
  await page.goto("/login");
  await page.getByLabel("E-pasts").fill("manager@example.lv");
  await page.getByLabel("Parole").fill("nepareiza-parole");
  await page.getByRole("button", { name: "Pieslēgties", exact: true }).click();
  await expect(page.getByRole("alert")).toHaveText("Nepareizs e-pasts vai parole.");
  await expect(page.getByLabel("E-pasts")).toHaveValue("manager@example.lv");
  await expectNoAxeViolations(page);
});

test("an invalid e-mail gets its message beside the field, also without JavaScript", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false, locale: "lv-LV" });
  const page = await context.newPage();
  await page.goto("/login");
  await page.getByLabel("E-pasts").fill("nav-epasts");
  await page.getByRole("button", { name: "Pieslēgties", exact: true }).click();
  const email = page.getByLabel("E-pasts");
  await expect(email).toHaveAttribute("aria-invalid", "true");
  await expect(email).toHaveValue("nav-epasts");
  const describedBy = await email.getAttribute("aria-describedby");
  await expect(page.locator(`[id="${describedBy}"]`)).toContainText("Ievadiet derīgu e-pasta adresi");
  await expect(page.locator("#login-form-password-error")).toHaveText("Šis lauks ir obligāts.");
  await context.close();
});

test("with JavaScript the e-mail is checked when the form is sent, in the same words, not as the user leaves the field", async ({ page }) => {
  await page.goto("/login");
  await page.getByLabel("E-pasts").fill("nav-epasts");
  await page.getByLabel("Parole").focus();
  await expect(page.locator("#login-form-email-error")).toHaveCount(0);
  await page.getByRole("button", { name: "Pieslēgties", exact: true }).click();
  await expect(page.locator("#login-form-email-error")).toContainText("Ievadiet derīgu e-pasta adresi");
  await expect(page.getByLabel("E-pasts")).toHaveAttribute("aria-invalid", "true");
  await expectNoAxeViolations(page);
});

test("signing in and out works without JavaScript", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false, locale: "lv-LV" });
  const page = await context.newPage();
  await signIn(page, "submitter@example.lv");
  await page.getByRole("button", { name: "Iziet" }).click();
  await expect(page.getByRole("heading", { name: "Pieslēgties", level: 1 })).toBeVisible();
  await page.goto("/");
  await expect(page).toHaveURL(/\/login/);
  await context.close();
});

test("the language switcher turns the interface to English and back, and remembers it", async ({ page }) => {
  await signIn(page, "facilitator@example.lv");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Jūsu darbi");
  await page.getByRole("button", { name: "Switch to English" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Your to-do list");
  await expect(page.getByRole("navigation", { name: "Main navigation" }).getByRole("link", { name: "Board", exact: true })).toBeVisible();
  await expectNoAxeViolations(page);
  // The choice is saved with the user: a reload (and a new page) stays English.
  await page.reload();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Your to-do list");
  await page.getByRole("button", { name: "Pārslēgt uz latviešu valodu" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "lv");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Jūsu darbi");
});

test("the switcher works before signing in too, through a cookie", async ({ page }) => {
  await page.goto("/login");
  await page.getByRole("button", { name: "Switch to English" }).click();
  await expect(page.getByRole("heading", { name: "Sign in", level: 1 })).toBeVisible();
  await expect(page).toHaveURL(/\/login/);
});

test("an unknown address shows the translated 404 page", async ({ page }) => {
  await signIn(page, "submitter@example.lv");
  const response = await page.goto("/nav-tadas-lapas");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Lapa nav atrasta");
  await expect(page).toHaveTitle("Lapa nav atrasta · Ideju laboratorija");
  await expectNoAxeViolations(page);
});

test("an unknown idea answers 404 with its page, titled, in English too", async ({ page }) => {
  await signIn(page, "submitter@example.lv");
  // The choice is saved on the user: wait until it has been, and put it back however the test ends,
  // or every later test that signs in as this user would find the pages in English.
  await page.getByRole("button", { name: "English" }).click();
  await expect(page.getByRole("button", { name: "Latviešu" })).toBeVisible();
  try {
    const response = await page.goto("/ideas/999999");
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Page not found");
    await expect(page).toHaveTitle("Page not found · Idea Lab");
    // The layout stays: the header and the way home.
    await expect(page.getByRole("link", { name: "To the home page" })).toBeVisible();
    await expect(page.getByTestId("current-user")).toBeVisible();
  } finally {
    await page.getByRole("button", { name: "Latviešu" }).click();
    await expect(page.getByRole("button", { name: "English" })).toBeVisible();
  }
});

test("a page the role may not see answers 403 with the translated page", async ({ page }) => {
  await signIn(page, "submitter@example.lv");
  const response = await page.goto("/dashboard");
  expect(response?.status()).toBe(403);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Piekļuve liegta");
  await expect(page).toHaveTitle("Piekļuve liegta · Ideju laboratorija");
  await expectNoAxeViolations(page);
});

test("the admin page leads to every administration page", async ({ page }) => {
  await signIn(page, "admin@example.lv");
  await page.getByRole("navigation", { name: "Galvenā navigācija" }).getByRole("link", { name: "Administrēšana" }).click();
  const links = page.getByRole("main").getByRole("listitem").getByRole("link");
  await expect(links).toHaveText(["Lietotāji", "Iestādes", "Pieslēgšanās", "Posmi un vārti", "Audita žurnāls", "Izsūtāmās vēstules"]);
  await expectNoAxeViolations(page);
});

test("the skip link moves focus to the main content", async ({ page }) => {
  await signIn(page, "submitter@example.lv");
  await page.goto("/");
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Pāriet uz saturu" });
  await expect(skip).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.locator("#main")).toBeFocused();
});

test("the layout works at 360 px wide without horizontal scrolling", async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await signIn(page, "admin@example.lv");
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  // On a phone the navigation is folded into the header's menu.
  await page.locator("header summary", { hasText: "Izvēlne" }).click();
  await expect(page.getByRole("navigation", { name: "Galvenā navigācija" }).getByRole("link", { name: "Administrēšana" })).toBeVisible();
  await expectNoAxeViolations(page);
});

test("a state-changing request from another site is refused with 403", async ({ request }) => {
  const response = await request.post("/login", {
    headers: { Origin: "https://evil.example" },
    form: { email: "admin@example.lv", password: "ideja-2026-demo" },
    maxRedirects: 0,
  });
  expect(response.status()).toBe(403);
  const same = await request.post("/login", {
    headers: { Origin: new URL(test.info().project.use.baseURL!).origin },
    form: { email: "admin@example.lv", password: "ideja-2026-demo" },
    maxRedirects: 0,
  });
  expect(same.status()).toBe(302);
});

test("every response carries the security headers, and /healthz reports the database", async ({ request }) => {
  const response = await request.get("/healthz");
  expect(response.status()).toBe(200);
  expect(await response.json()).toMatchObject({ ok: true, database: "ok", stages: 8 });
  const page = await request.get("/login");
  const csp = page.headers()["content-security-policy"];
  expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+'/);
  expect(csp).toContain("frame-ancestors 'none'");
  expect(page.headers()["x-content-type-options"]).toBe("nosniff");
  expect(page.headers()["referrer-policy"]).toBeTruthy();
  const nonce = csp.match(/'nonce-([^']+)'/)![1];
  expect(await page.text()).toContain(`nonce="${nonce}"`);
  // Pages are not stored; the built scripts are, for a year.
  expect(page.headers()["cache-control"]).toBe("no-store");
  // Methods the app does not answer: 405, with no stack trace.
  for (const method of ["TRACE", "OPTIONS", "PROPFIND"]) {
    const refused = await request.fetch("/login", { method });
    expect(refused.status(), method).toBe(405);
    expect(await refused.text()).toBe("Method Not Allowed");
  }
});

test("the focus indicator stands out at least 3:1 wherever it appears: on the carmine header and on the page", async ({ page }) => {
  await signIn(page, "submitter@example.lv");
  await page.goto("/ideas");
  // Tab through the header and into the page; for each focused element, the contrast of each ring's
  // colour with the background behind the element (the nearest ancestor that paints one).
  const seen: { where: string; best: number }[] = [];
  for (let i = 0; i < 14; i++) {
    await page.keyboard.press("Tab");
    seen.push(
      await page.evaluate(() => {
        const parse = (colour: string) => (colour.match(/[\d.]+/g) ?? []).slice(0, 4).map(Number);
        const luminance = ([r, g, b]: number[]) => {
          const channel = (c: number) => {
            const s = c / 255;
            return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
          };
          return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
        };
        const contrast = (a: number[], b: number[]) => {
          const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p);
          return (x + 0.05) / (y + 0.05);
        };
        const element = document.activeElement as HTMLElement;
        let behind: Element | null = element.parentElement;
        let background = [255, 255, 255];
        while (behind) {
          const colour = parse(getComputedStyle(behind).backgroundColor);
          if (colour.length === 3 || (colour.length === 4 && colour[3] > 0)) {
            background = colour.slice(0, 3);
            break;
          }
          behind = behind.parentElement;
        }
        const style = getComputedStyle(element);
        const rings = [style.outlineStyle !== "none" ? parse(style.outlineColor) : null, style.boxShadow !== "none" ? parse(style.boxShadow) : null].filter(
          (c): c is number[] => !!c,
        );
        const best = Math.max(0, ...rings.map((ring) => contrast(ring.slice(0, 3), background)));
        return { where: `${element.tagName} ${element.textContent?.trim().slice(0, 30)} on rgb(${background.join(",")})`, best };
      }),
    );
  }
  expect(
    seen.some((s) => s.where.includes("on rgb(138,28,43)")),
    "some stops are on the header",
  ).toBe(true);
  expect(seen.filter((s) => s.best < 3)).toEqual([]);
});
