import { expect, test } from "@playwright/test";
import { expectNoAxeViolations, signIn } from "./helpers";

test("the server's mail job writes an e-mail for a moved idea; without SMTP the outbox shows it as not sent", async ({ page, browser }) => {
  const context = await browser.newContext({ locale: "lv-LV" });
  const facilitator = await context.newPage();
  await signIn(facilitator, "facilitator@example.lv");
  await facilitator.goto("/board");
  // An idea in "discover" that someone other than this facilitator wrote (nobody hears of their own moves).
  const cards = await facilitator
    .locator("#col-discover article")
    .evaluateAll((nodes) => nodes.map((n) => ({ id: n.id.replace("card-", ""), title: n.querySelector("h3")?.textContent ?? "" })));
  let chosen: { id: string; title: string } | undefined;
  for (const card of cards) {
    await facilitator.goto(`/ideas/${card.id}`);
    const author = await facilitator.locator("dt", { hasText: "Autors" }).locator("xpath=following-sibling::dd[1]").innerText();
    if (!author.startsWith("Pēteris Bērziņš")) {
      chosen = card;
      break;
    }
  }
  const { id, title } = chosen!;
  // Other tests may have moved the same idea before: count its messages first, newest first in the outbox.
  await signIn(page, "admin@example.lv");
  const subject = `Jūsu ideja pārvietota uz citu posmu: ${title}`;
  await page.goto("/admin/outbox");
  const before = await page.getByRole("heading", { level: 2, name: subject }).count();
  await facilitator.goto(`/ideas/${id}/manage#move`);
  await facilitator.getByLabel("Posms", { exact: true }).selectOption("define");
  await facilitator.getByRole("button", { name: "Pārvietot", exact: true }).click();
  await expect(facilitator.getByText("Kartīte pārvietota.")).toBeVisible();
  await context.close();

  // The job runs a couple of seconds after the move.
  await expect
    .poll(
      async () => {
        await page.goto("/admin/outbox");
        return page.getByRole("heading", { level: 2, name: subject }).count();
      },
      { timeout: 20_000 },
    )
    .toBe(before + 1);
  await expect(page.getByText("E-pasta sūtīšana nav iestatīta (nav SMTP_URL), tāpēc nekas netiek sūtīts.")).toBeVisible();
  const message = page
    .getByRole("listitem")
    .filter({ has: page.getByRole("heading", { name: subject }) })
    .first();
  await expect(message).toContainText("Nav sūtīta (e-pasts nav iestatīts)");
  await message.getByText("Vēstules teksts").focus();
  await page.keyboard.press("Enter");
  await expect(message.locator("pre")).toContainText(`/ideas/${id}`);
  await expectNoAxeViolations(page);

  await page.getByLabel("Stāvoklis").selectOption("SENT");
  await page.getByRole("button", { name: "Rādīt" }).click();
  await expect(page.getByRole("status")).toHaveText("0 vēstuļu");
});
