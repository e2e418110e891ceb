import { expect, test } from "@playwright/test";
import { expectNoAxeViolations, signIn } from "./helpers";

test("a facilitator runs an idea through a Test Card and a Learning Card into implementation; gates say what is missing", async ({ page }) => {
  await signIn(page, "facilitator@example.lv");
  await page.goto("/board");
  // An idea in develop with no experiment yet.
  const card = page.locator("#col-develop article").filter({ hasText: "0 eksperimentu" }).first();
  const title = await card.locator("h3").innerText();
  await card.getByRole("link", { name: "Pārvietot uz…" }).click();
  await page.getByLabel("Posms", { exact: true }).selectOption("test");
  await page.getByRole("button", { name: "Pārvietot", exact: true }).click();
  await expect(page.getByRole("alert")).toContainText("vajag vismaz vienu eksperimentu ar hipotēzi, mērījumu un veiksmes kritēriju");
  await expectNoAxeViolations(page);
  await page.getByRole("link", { name: "Papildināt eksperimentus →" }).click();

  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Jauns eksperiments");
  await expectNoAxeViolations(page);
  await page.getByLabel("Mēs uzskatām, ka…").fill("Mēs uzskatām, ka vienkāršota veidlapa samazinās kļūdu skaitu pieteikumos.");
  await page.getByLabel("Lai to pārbaudītu, mēs…").fill("Divas nedēļas piedāvāsim jauno veidlapu pusei pieteicēju.");
  await page.getByLabel("Metode").selectOption("AB_TEST");
  await page.getByLabel("Mēs mērīsim…").fill("Kļūdaino pieteikumu īpatsvaru.");
  await page.getByLabel("Mums ir taisnība, ja…").fill("Kļūdu ir vismaz par 30 % mazāk.");
  await page.getByLabel("Sākums").fill("2026-11-02");
  await page.getByLabel("Beigas").fill("2026-11-16");
  await page.getByLabel("Dalībnieku skaits").fill("240");
  await page.getByRole("button", { name: "Saglabāt eksperimentu" }).click();
  await expect(page.getByRole("status")).toHaveText("Eksperiments pievienots.");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);

  // Now the gate into test opens.
  await page.goto(page.url().replace(/#.*$/, "").replace(/$/, "/manage#move"));
  await page.getByLabel("Posms", { exact: true }).selectOption("test");
  await page.getByRole("button", { name: "Pārvietot", exact: true }).click();
  await expect(page.getByRole("status").filter({ hasText: "Kartīte pārvietota." })).toBeVisible();

  // Run it, then complete it: completing asks for the Learning Card.
  await page.goto("/ideas?q=" + encodeURIComponent(title.slice(0, 30)));
  await page.getByRole("link", { name: title }).first().click();
  await page.getByRole("link", { name: "Labot eksperimentu 1" }).click();
  await page.getByLabel("Statuss").selectOption("RUNNING");
  await page.getByRole("button", { name: "Saglabāt eksperimentu" }).click();
  await expect(page.getByRole("status")).toHaveText("Eksperiments saglabāts.");
  await page.getByRole("link", { name: "Labot eksperimentu 1" }).click();
  await page.getByLabel("Statuss").selectOption("COMPLETED");
  await page.getByRole("button", { name: "Saglabāt eksperimentu" }).click();
  await expect(page.locator("#experiment-form-learned-error")).toHaveText("Obligāts, lai eksperimentu pabeigtu.");
  await expectNoAxeViolations(page);
  await page.getByLabel("Mēs novērojām…").fill("Kļūdaino pieteikumu īpatsvars samazinājās no 18 % uz 9 %.");
  await page.getByLabel("No tā mēs uzzinājām…").fill("Lielākā daļa kļūdu radās neskaidra jautājuma dēļ; to var novērst vārdos.");
  await page.getByLabel("Rezultāts").selectOption("VALIDATED");
  await page.getByLabel("Pierādījumu stiprums").selectOption("STRONG");
  await page.getByLabel("Tāpēc mēs…").selectOption("SCALE");
  await page.getByRole("button", { name: "Saglabāt eksperimentu" }).click();
  await expect(page.getByRole("status")).toHaveText("Eksperiments pabeigts, mācība pierakstīta.");
  await expect(page.getByText("Lielākā daļa kļūdu radās neskaidra jautājuma dēļ; to var novērst vārdos.")).toBeVisible();
  await expectNoAxeViolations(page);

  // The validated experiment opens the way to scale.
  await page.getByRole("link", { name: /Pārvaldīt/ }).click();
  await page.getByLabel("Posms", { exact: true }).selectOption("scale");
  await page.getByRole("button", { name: "Pārvietot", exact: true }).click();
  await expect(page.getByRole("status").filter({ hasText: "Kartīte pārvietota." })).toBeVisible();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
  await expect(page.getByText("Ieviešana", { exact: true }).first()).toBeVisible();

  // And the lesson is in the library.
  await page.goto("/lessons?q=" + encodeURIComponent("neskaidra jautajuma"));
  await expect(page.getByRole("link", { name: title })).toBeVisible();
});

test("the lessons library shows failures plainly and links to case pages, with no accessibility violations", async ({ page }) => {
  await signIn(page, "manager@example.lv");
  await page.goto("/lessons");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Mācības");
  await expectNoAxeViolations(page);
  await page.getByLabel("Rezultāts").selectOption("INVALIDATED");
  await page.getByRole("button", { name: "Rādīt" }).click();
  await expect(page.locator("main li").first()).toContainText("Neapstiprinājās");
  await page.goto("/lessons");
  await page.getByRole("link", { name: "Gadījuma apraksts" }).first().click();
  await expect(page.getByRole("heading", { name: "Mācības", level: 2 })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Nosacījumi atkārtošanai", level: 2 })).toBeVisible();
  await expectNoAxeViolations(page);
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Lejupielādēt Markdown" }).click();
  const file = await download;
  const text = await (await file.createReadStream()).toArray();
  expect(Buffer.concat(text).toString("utf8")).toMatch(/^# .+\n/);
});
