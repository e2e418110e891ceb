import { expect, test, type Browser, type Page } from "@playwright/test";
import { expectNoAxeViolations, signIn } from "./helpers";

// Phones: the header folds into a menu, nothing but a table or chart in its own labelled region scrolls
// sideways, and the charts' labels stay readable. Other work changes these pages' texts: the tests
// read layout, not words (except the header's own).

const PHONE = { width: 390, height: 844 };
const NARROW = { width: 320, height: 720 };

/** A signed-in page at a phone's size (signed in at the default size, then turned into a phone). */
async function phone(browser: Browser, size: { width: number; height: number }, javaScriptEnabled = true) {
  const context = await browser.newContext({ javaScriptEnabled, locale: "lv-LV" });
  const page = await context.newPage();
  await signIn(page, "facilitator@example.lv");
  await page.setViewportSize(size);
  return page;
}

async function expectNoSidewaysScroll(page: Page) {
  const { scroll, client } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
  expect(scroll, `the page ${page.url()} scrolls sideways`).toBeLessThanOrEqual(client);
}

/**
 * Everything on the page that reaches past the right edge sits in a labelled, focusable scroll
 * region (a table, a chart, the board's columns) or in a named navigation that scrolls by itself
 * (the board's column switcher, whose links take the focus).
 */
async function expectWideThingsInRegions(page: Page) {
  const loose = await page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const scrolls = (el: Element) => ["auto", "scroll"].includes(getComputedStyle(el).overflowX);
    const out: string[] = [];
    for (const el of Array.from(document.querySelectorAll("main *"))) {
      if (el.getBoundingClientRect().right <= width + 1) continue;
      const region = el.closest('[role="region"][tabindex="0"][aria-label]');
      const nav = el.closest("nav[aria-label]");
      if (!(region && scrolls(region)) && !(nav && (scrolls(nav) || Array.from(nav.querySelectorAll("*")).some(scrolls))))
        out.push(`${el.tagName.toLowerCase()} ${el.textContent?.slice(0, 40)}`);
    }
    return out;
  });
  expect(loose, `wider than the screen outside a labelled scroll region on ${page.url()}`).toEqual([]);
}

async function headerHeight(page: Page) {
  return (await page.locator("header").first().boundingBox())!.height;
}

/** The idea page of the first idea in the list. */
async function anIdea(page: Page) {
  await page.goto("/ideas");
  const href = await page
    .locator('main a[href^="/ideas/"]')
    .evaluateAll((links) => links.map((a) => a.getAttribute("href")).find((h) => /^\/ideas\/\d+$/.test(h ?? "")));
  expect(href).toMatch(/^\/ideas\/\d+$/);
  return href!;
}

for (const size of [PHONE, NARROW]) {
  test(`at ${size.width} px wide the home, new-idea, idea and dashboard pages do not scroll sideways, under a header of one short row`, async ({ browser }) => {
    const page = await phone(browser, size);
    const idea = await anIdea(page);
    for (const path of ["/", "/ideas/new", idea, "/dashboard", "/ideas", "/lessons", "/board", "/notifications", "/account"]) {
      await page.goto(path);
      await expect(page.locator("main h1").first()).toBeVisible();
      await expectNoSidewaysScroll(page);
      await expectWideThingsInRegions(page);
      expect(await headerHeight(page), `the header on ${path}`).toBeLessThanOrEqual(80);
      if (size === PHONE && ["/", "/ideas/new", idea, "/dashboard"].includes(path)) await expectNoAxeViolations(page);
    }
    await page.context().close();
  });
}

test("the dashboard's charts keep labels at least 12 px tall on a phone, each scrolling in its own region beside its table", async ({ browser }) => {
  const page = await phone(browser, PHONE);
  await page.goto("/dashboard");
  const charts = page.locator('figure svg[role="img"]');
  expect(await charts.count()).toBeGreaterThanOrEqual(5);
  const sizes = await charts.evaluateAll((svgs) =>
    svgs.flatMap((svg) =>
      Array.from(svg.querySelectorAll("text"))
        .filter((text) => text.textContent?.trim())
        .map((text) => parseFloat(getComputedStyle(text).fontSize) * (text.getScreenCTM()?.a ?? 0)),
    ),
  );
  expect(sizes.length).toBeGreaterThan(20);
  expect(Math.min(...sizes), "the smallest chart label on screen, in px").toBeGreaterThanOrEqual(12);
  // Each chart scrolls in a region of its own, named after it; its table follows it in the same figure.
  const funnel = page.getByRole("figure", { name: "Idejas pa posmiem tagad" });
  const region = funnel.getByRole("region", { name: /Idejas pa posmiem tagad/ }).first();
  await expect(region).toHaveAttribute("tabindex", "0");
  await expect(region.getByRole("img")).toBeVisible();
  await funnel.getByText("Rādīt kā tabulu").click();
  await expect(funnel.getByRole("table")).toBeVisible();
  await expectNoSidewaysScroll(page);
  await expectWideThingsInRegions(page);
  await expectNoAxeViolations(page);
  await page.context().close();
});

/** Chromium's accessibility tree for the menu button: its name and whether it says it is expanded. */
async function menuButtonState(page: Page) {
  const cdp = await page.context().newCDPSession(page);
  const { root } = await cdp.send("DOM.getDocument");
  const { nodeId } = await cdp.send("DOM.querySelector", { nodeId: root.nodeId, selector: "header summary" });
  const { nodes } = await cdp.send("Accessibility.getPartialAXTree", { nodeId, fetchRelatives: false });
  const node = nodes.find((n) => !n.ignored)!;
  await cdp.detach();
  return { name: node.name?.value, expanded: node.properties?.find((p) => p.name === "expanded")?.value.value };
}

test("with JavaScript, the header's menu opens by keyboard, says whether it is open, follows a link and closes", async ({ browser }) => {
  const page = await phone(browser, PHONE);
  await page.goto("/");
  const menu = page.locator("header summary");
  const nav = page.getByRole("navigation", { name: "Galvenā navigācija" });
  await expect(menu).toHaveText("Izvēlne");
  await expect(nav).toBeHidden();
  expect(await headerHeight(page)).toBeLessThanOrEqual(80);
  expect(await menuButtonState(page)).toEqual({ name: "Izvēlne", expanded: false });

  // By keyboard: the skip link, the app's name, then the menu; its focus is visible.
  for (let i = 0; i < 5 && !(await menu.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press("Tab");
  await expect(menu).toBeFocused();
  expect(await menu.evaluate((el) => getComputedStyle(el).outlineStyle)).not.toBe("none");
  await page.keyboard.press("Enter");
  await expect(nav).toBeVisible();
  expect(await menuButtonState(page)).toEqual({ name: "Izvēlne", expanded: true });
  await expectNoAxeViolations(page);
  // Escape closes it and leaves the focus on the button.
  await page.keyboard.press("Escape");
  await expect(nav).toBeHidden();
  await expect(menu).toBeFocused();

  // Open, follow a link: the new page comes with the menu closed.
  await menu.click();
  await nav.getByRole("link", { name: "Idejas", exact: true }).click();
  await expect(page).toHaveURL(/\/ideas$/);
  await expect(nav).toBeHidden();
  expect(await menuButtonState(page)).toEqual({ name: "Izvēlne", expanded: false });
  // The account and sign-out are in the menu too.
  await menu.click();
  await expect(page.getByRole("button", { name: "Iziet" })).toBeVisible();
  await expect(page.getByTestId("current-user")).toBeVisible();

  // On a wide screen there is no menu button: everything is in the header.
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto("/");
  await expect(menu).toBeHidden();
  await expect(nav).toBeVisible();
  await expect(page.getByRole("button", { name: "Iziet" })).toBeVisible();
  await page.context().close();
});

test("without JavaScript, the header's menu opens and its links work", async ({ browser }) => {
  const page = await phone(browser, PHONE, false);
  await page.goto("/");
  const menu = page.locator("header summary");
  const nav = page.getByRole("navigation", { name: "Galvenā navigācija" });
  await expect(nav).toBeHidden();
  expect(await headerHeight(page)).toBeLessThanOrEqual(80);
  await menu.click();
  await expect(nav).toBeVisible();
  await nav.getByRole("link", { name: "Pārskats" }).click();
  await expect(page).toHaveURL(/\/dashboard$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Pārskats");
  await expect(nav).toBeHidden();
  await expectNoSidewaysScroll(page);
  await page.context().close();
});
