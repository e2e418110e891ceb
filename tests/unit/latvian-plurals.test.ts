// Latvian counts take three forms (CLDR: zero for 0, 10–20, 30…; one for 1, 21, 31… but not 11;
// other for the rest): "10 atbalstu", "1 atbalsts", "3 atbalsti". i18next picks them by Intl's rules,
// from the string's `count`. Every string that counts something must have the three forms in both
// languages; a number that no word agrees with (a label's value, a position, an identifier) is named
// below, so a new count without its forms fails here.
import { describe, expect, test } from "vitest";
import { resources } from "~/locales";
import { translateError } from "~/utils/i18n";
import { getFixedT } from "~/utils/i18n.server";

const PLURAL = /_(zero|one|other)$/;
const FORMS = ["zero", "one", "other"] as const;

/** Every string of a namespace by its full key ("card.days_one"). */
function leaves(tree: unknown, prefix = ""): [string, string][] {
  if (typeof tree === "string") return [[prefix, tree]];
  return Object.entries(tree as Record<string, unknown>).flatMap(([key, value]) => leaves(value, prefix ? `${prefix}.${key}` : key));
}

/** Placeholders that hold a number. */
const NUMBERS = new Set([
  "count",
  "formatted",
  "min",
  "max",
  "hours",
  "years",
  "n",
  "limit",
  "shown",
  "total",
  "position",
  "page",
  "pages",
  "users",
  "ideas",
  "validated",
  "invalidated",
  "inconclusive",
  "id",
  "status",
]);

/** Strings with a number that no word agrees with, so they need no plural forms. */
const NO_AGREEMENT = new Set([
  "admin:institutions.usage", // "Lietotāji: 3, idejas: 5": labels with their values
  "admin:institutions.domainsHelp", // "(ne vairāk kā 20)": the noun is in the sentence before
  "admin:outbox.attempts", // "Mēģinājumi: 3"
  "board:column.limit", // "(limits 5)"
  "board:column.overLimit", // "Pārsniegts limits 5!"
  "board:column.showMore", // "Rādīt vairāk (10 no 23)"
  "board:dnd.start", // "pozīcija 2 no 7": positions
  "board:dnd.over",
  "board:dnd.dropped",
  "board:dnd.moved",
  "board:merge.candidateLabel", // "Apvienot ar šo: #12 «…»": an identifier
  "board:merge.errors.unknown", // "Nav iesniegtas idejas ar numuru 12."
  "board:merge.errors.intoClosed", // "Ideja #12 ir slēgta…"
  "common:errors.status", // "Kļūdas kods: 404"
  "common:pagination.pageOf", // "2. lapa no 9"
  "dashboard:headline.results", // "apstiprināti – 3, …": labels with their values
  "experiments:number", // "Eksperiments 2": a name
  "experiments:editNumber",
  "ideas:page.number", // "Ideja Nr. 17": an identifier
  "ideas:merged.banner", // "Apvienota ar #12 «…»"
  "ideas:merged.ref", // "#12 «…»"
  "ideas:undoMerge.label", // "Atsaukt apvienošanu: #12 «…»"
  "ideas:steps.progress", // "Solis 2 no 5": a position
]);

const strings = (lang: "lv" | "en") =>
  new Map<string, string>(
    Object.entries(resources[lang]).flatMap(([ns, tree]) => leaves(tree).map(([key, value]): [string, string] => [`${ns}:${key}`, value])),
  );

describe("every count has its plural forms", () => {
  const lv = strings("lv");
  const en = strings("en");

  test("the Latvian and English strings have the same keys", () => {
    expect([...lv.keys()].sort()).toEqual([...en.keys()].sort());
  });

  test.each([
    ["lv", lv],
    ["en", en],
  ] as const)("in %s, a string with a number is a plural key with all three forms, or a number no word agrees with", (_lang, all) => {
    const missing: string[] = [];
    for (const [key, value] of all) {
      const numbers = [...value.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).filter((name) => NUMBERS.has(name));
      if (!numbers.length) continue;
      if (PLURAL.test(key)) {
        const base = key.replace(PLURAL, "");
        for (const form of FORMS) if (!all.has(`${base}_${form}`)) missing.push(`${base}_${form}`);
      } else if (!NO_AGREEMENT.has(key)) missing.push(`${key}: "${value}"`);
    }
    expect(missing).toEqual([]);
  });

  test("the strings that need no plural forms still exist (the list above is kept up to date)", () => {
    for (const key of NO_AGREEMENT) expect(lv.has(key), key).toBe(true);
  });
});

test("counts on the board read as Latvian does", async () => {
  const t = await getFixedT("lv", "board");
  expect([0, 1, 3, 10, 11, 21].map((count) => t("card.supports", { count }))).toEqual([
    "0 atbalstu",
    "1 atbalsts",
    "3 atbalsti",
    "10 atbalstu",
    "11 atbalstu",
    "21 atbalsts",
  ]);
  expect([1, 2, 10].map((count) => t("column.count", { count }))).toEqual(["1 ideja", "2 idejas", "10 ideju"]);
  expect([1, 5, 30].map((count) => t("card.days", { count }))).toEqual(["1 diena posmā", "5 dienas posmā", "30 dienu posmā"]);
  expect([1, 4, 12].map((count) => t("move.stageOption", { name: "Izpēte", count }))).toEqual(["Izpēte (1 ideja)", "Izpēte (4 idejas)", "Izpēte (12 ideju)"]);
});

test("the home page counts days as Latvian does", async () => {
  const t = await getFixedT("lv", "common");
  expect([1, 2, 10, 11, 21].map((count) => t("home.ago", { count }))).toEqual([
    "pirms 1 dienas",
    "pirms 2 dienām",
    "pirms 10 dienām",
    "pirms 11 dienām",
    "pirms 21 dienas",
  ]);
  expect([1, 23].map((count) => t("home.shown", { shown: 10, count }))).toEqual(["Sarakstā 10 no 1 idejas.", "Sarakstā 10 no 23 idejām."]);
  const en = await getFixedT("en", "common");
  expect([1, 3].map((count) => en("home.ago", { count }))).toEqual(["1 day ago", "3 days ago"]);
});

test("messages about a length count its characters, in both languages", async () => {
  const lv = await getFixedT("lv", "common");
  const en = await getFixedT("en", "common");
  const message = (t: typeof lv, text: string) => translateError(t as never, text);
  expect([1, 21, 120, 4000].map((max) => message(lv, `tooLong|{"max":${max}}`))).toEqual([
    "Ne vairāk kā 1 rakstzīme.",
    "Ne vairāk kā 21 rakstzīme.",
    "Ne vairāk kā 120 rakstzīmju.",
    "Ne vairāk kā 4000 rakstzīmju.",
  ]);
  expect(message(lv, 'tooLong|{"max":254}')).toBe("Ne vairāk kā 254 rakstzīmes.");
  expect(message(lv, 'passwordTooShort|{"min":12}')).toBe("Parolei jābūt vismaz 12 rakstzīmju garai.");
  expect(message(en, 'tooShort|{"min":1}')).toBe("At least 1 character.");
  expect(message(en, 'tooLong|{"max":20}')).toBe("At most 20 characters.");
  expect(message(lv, 'admin:institutions.errors.domainsTooMany|{"max":21}')).toBe("Vienai iestādei var būt ne vairāk kā 21 domēns.");
  expect([0, 1, 5].map((count) => lv("form.counter", { count, max: 120 }))).toEqual(["0 rakstzīmju no 120", "1 rakstzīme no 120", "5 rakstzīmes no 120"]);
  const ideas = await getFixedT("lv", "ideas");
  expect(ideas("comments.help", { max: 4000, count: 4000 })).toBe("Vienkāršs teksts, līdz 4000 rakstzīmēm.");
  expect(ideas("comments.help", { max: 21, count: 21 })).toBe("Vienkāršs teksts, līdz 21 rakstzīmei.");
  const admin = await getFixedT("lv", "admin");
  expect(admin("users.linkHelp", { hours: 72, count: 72 })).toBe("Saite derīga 72 stundas un darbojas vienu reizi.");
  expect(admin("users.linkHelp", { hours: 1, count: 1 })).toBe("Saite derīga 1 stundu un darbojas vienu reizi.");
});
