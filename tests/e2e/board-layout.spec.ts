import Database from "better-sqlite3";
import { expect, test, type Page } from "@playwright/test";
import { expectNoAxeViolations, signIn } from "./helpers";

// The board fits a laptop's screen in compact density, jumps to a column, keeps its headers in
// view, and shows one column at a time on a phone, with and without JavaScript.
const KEYS = ["submitted", "discover", "define", "develop", "test", "scale", "implemented", "stopped"];
const header = (page: Page, key: string) => page.locator(`#col-${key}-h`);

// The tests change the facilitator's saved density and language: put them back whatever happens.
test.afterEach(() => {
  const db = new Database("tests/.tmp/e2e.db");
  db.prepare(`UPDATE "User" SET "boardDensity" = 'comfortable', "locale" = 'lv' WHERE "email" = 'facilitator@example.lv'`).run();
  db.close();
});

test("at 1280 × 800 in compact density all eight columns show; the choice is remembered; axe finds nothing in either density or language", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await signIn(page, "facilitator@example.lv");
  await page.goto("/board");
  const toggle = page.getByRole("button", { name: "Kompakts skats" });
  await expect(toggle).toHaveAttribute("aria-pressed", "false");
  await expectNoAxeViolations(page);
  await toggle.click();
  await expect(toggle).toHaveAttribute("aria-pressed", "true");
  for (const key of KEYS) await expect(header(page, key), key).toBeInViewport({ ratio: 1 });
  // Compact cards: no principles, one line of figures, still a handle of at least 24 × 24 px.
  const card = page.locator("#col-discover article").first();
  // Short figures on screen ("30 d."), read out in full ("30 dienas posmā").
  await expect(card.locator("p").first()).toHaveText(/^\d+ d\.\d+ dien\S+ posmā · \d+ eksp\.\d+ eksperiment\S* · \d+ atb\.\d+ atbalst\S+ · \S/);
  const handle = (await card.locator("[data-handle]").boundingBox())!;
  expect(handle.width).toBeGreaterThanOrEqual(24);
  expect(handle.height).toBeGreaterThanOrEqual(24);
  await expectNoAxeViolations(page);
  // Remembered for the person, not the page.
  await page.goto("/ideas");
  await page.goto("/board");
  await expect(page.getByRole("button", { name: "Kompakts skats" })).toHaveAttribute("aria-pressed", "true");
  // In English too, in both densities.
  await page.getByRole("button", { name: "Switch to English" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Board");
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: "Compact view" }).click();
  await expect(page.getByRole("button", { name: "Compact view" })).toHaveAttribute("aria-pressed", "false");
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: "Pārslēgt uz latviešu valodu" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Tāfele");
});

test("jump links go to a column; its header stays in view while the board scrolls down", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await signIn(page, "facilitator@example.lv");
  await page.goto("/board");
  const jump = page.getByRole("navigation", { name: "Pāriet uz posmu" });
  await jump.getByRole("link", { name: /^Apturētas/ }).click();
  await expect(header(page, "stopped")).toBeInViewport({ ratio: 1 });
  await jump.getByRole("link", { name: /^Iesniegtas/ }).click();
  await expect(header(page, "submitted")).toBeInViewport({ ratio: 1 });
  // The board scrolls within the window: its horizontal scrollbar is in view, and so are the headers.
  const board = page.getByRole("region", { name: "Tāfeles posmi" });
  await board.scrollIntoViewIfNeeded();
  const box = (await board.boundingBox())!;
  expect(box.y + box.height).toBeLessThanOrEqual(800);
  await board.evaluate((el) => el.scrollBy(0, 400));
  await expect(header(page, "discover")).toBeInViewport({ ratio: 1 });
  // The keyboard scrolls it too: it can take the focus, and says how.
  await board.focus();
  await expect(board).toHaveAccessibleDescription(/ritiniet to ar bultiņām/);
});

test("on a phone without JavaScript: one column at a time, a column switcher, and the first card above the fold", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false, locale: "lv-LV", viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  await signIn(page, "facilitator@example.lv");
  await page.goto("/board");
  const first = page.locator("#col-submitted article").first();
  expect((await first.boundingBox())!.y).toBeLessThan(844 - 60);
  // A column fills the width; the next one only peeks in at the edge.
  const across = async (key: string) => {
    const box = (await page.locator(`#col-${key}`).boundingBox())!;
    return box.x >= 0 && box.x + box.width <= 390 ? "whole" : box.x + box.width <= 20 || box.x >= 370 ? "out" : "partly";
  };
  expect(await across("submitted")).toBe("whole");
  expect(await across("discover")).toBe("out");
  await page
    .getByRole("navigation", { name: "Pāriet uz posmu" })
    .getByRole("link", { name: /^Risinājumu izstrāde/ })
    .click();
  await expect.poll(() => across("develop")).toBe("whole");
  expect(await across("define")).toBe("out");
  expect(await across("test")).toBe("out");
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await context.close();
});

test("on a touch phone the drag handle is 44 × 44 px, and axe finds nothing", async ({ browser }) => {
  const context = await browser.newContext({ locale: "lv-LV", viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
  const page = await context.newPage();
  await signIn(page, "facilitator@example.lv");
  await page.goto("/board");
  const handle = (await page.locator("#col-submitted [data-handle]").first().boundingBox())!;
  expect(handle.width).toBeGreaterThanOrEqual(44);
  expect(handle.height).toBeGreaterThanOrEqual(44);
  await expectNoAxeViolations(page);
  await context.close();
});
