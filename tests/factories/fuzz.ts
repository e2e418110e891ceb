// The fuzz test's material (tests/integration/fuzz.test.ts): arbitraries of hostile and plausible
// input (values, ids, dates, query strings, form bodies, headers) and the request built from them,
// sent as a browser or an attacker would send it.
import fc from "fast-check";

/** "Huge" for a field: 100,000 characters. */
export const HUGE = 100_000;
/** Over the 1 MB a form may have (MAX_FORM_BYTES), so the body is refused with 413. */
const OVERSIZED = "x".repeat(1_000_100);

const HUGE_VALUES = [
  "a".repeat(HUGE),
  "ā".repeat(HUGE),
  "\u0000".repeat(HUGE),
  "%".repeat(HUGE),
  "9".repeat(HUGE),
  "😀".repeat(HUGE / 2),
  "a ".repeat(HUGE / 2),
];

const CONTROL = [...Array(32).keys(), 0x7f, 0x85, 0x2028, 0x2029, 0x202e, 0xfeff].map((c) => String.fromCharCode(c));

/** Values wrong in one way or another for almost any field. */
const NASTY_CONSTANTS = [
  "",
  " ",
  "   \t\n",
  "\u0000",
  "a\u0000b",
  "\u001b[31mred",
  "\r\nSet-Cookie: x=1",
  "null",
  "undefined",
  "NaN",
  "Infinity",
  "-Infinity",
  "true",
  "false",
  "on",
  "-1",
  "0",
  "-0",
  "1.5",
  "1e309",
  "1e-7",
  "9007199254740993",
  "99999999999999999999999",
  "0x1F",
  "1_000",
  "[]",
  "{}",
  '{"a":1}',
  "[object Object]",
  "__proto__",
  "constructor",
  "prototype",
  "toString",
  "<script>alert(1)</script>",
  '\'; DROP TABLE "Idea"; --',
  "%",
  "%00",
  "%ZZ",
  "%E0%A4%A",
  "../../etc/passwd",
  "//evil.example",
  "https://evil.example/",
  "/\\evil.example",
  "javascript:alert(1)",
  "\uD800",
  "\uDFFF",
  "\uFFFF",
  "\u202Eevil",
  "ﬃ",
  "İ",
  "Ā".toLowerCase(),
];

/** The schemas' limits and one past them (titles 120, names 200, e-mails 254, texts 1,000 to 4,000). */
const EDGE_LENGTHS = [120, 121, 200, 201, 254, 255, 256, 1000, 1001, 2000, 2001, 4000, 4001];
const LETTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 !#$%&()*+,-./:;<=>?@[]^_{|}~āčēģīķļņšūžĀŠŽ€";

/** Text of exactly `length` characters, varied (not one letter repeated), made from `seed`. */
export function variedText(length: number, seed: number) {
  let state = seed >>> 0 || 1;
  let out = "";
  for (let i = 0; i < length; i++) {
    state = (Math.imul(state, 1_103_515_245) + 12_345) >>> 0;
    out += LETTERS[(state >>> 16) % LETTERS.length];
  }
  return out;
}

/** Any value a field should not get: constants, random text with any code point, control characters, numbers, lengths at the limits, huge strings. */
export const nasty: fc.Arbitrary<string> = fc.oneof(
  { weight: 15, arbitrary: fc.constantFrom(...NASTY_CONSTANTS) },
  { weight: 9, arbitrary: fc.string({ unit: "binary", maxLength: 40 }) },
  { weight: 3, arbitrary: fc.string({ unit: fc.constantFrom(...CONTROL), minLength: 1, maxLength: 20 }) },
  { weight: 6, arbitrary: fc.oneof(fc.integer(), fc.double(), fc.bigInt()).map(String) },
  { weight: 3, arbitrary: fc.tuple(fc.constantFrom(...EDGE_LENGTHS), fc.integer()).map(([length, seed]) => variedText(length, seed)) },
  // Few: each costs a request hundreds of milliseconds (a 100,000-character value is 600,000 in a URL).
  { weight: 1, arbitrary: fc.constantFrom(...HUGE_VALUES) },
);

/** Ids nothing should accept, or that name nothing: negative, huge, fractional, non-numeric, unknown. */
const BAD_IDS = [
  "0",
  "-1",
  "-0",
  "00",
  "007",
  "1.0",
  "1.5",
  "1e3",
  "0x1f",
  " 1",
  "1 ",
  "+1",
  "１",
  "٣",
  "NaN",
  "Infinity",
  "",
  "abc",
  "2147483647",
  "2147483648",
  "9007199254740993",
  "99999999999999999999",
  "999999999",
  "987654",
  "1;DROP TABLE",
  "%ZZ",
  "%00",
  "../1",
];
export const badId: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...BAD_IDS) },
  { weight: 1, arbitrary: fc.integer({ min: -2_000_000_000, max: 2_000_000_000 }).map(String) },
  { weight: 1, arbitrary: nasty },
);

/** A known id most of the time, otherwise a bad one. */
export const idOf = (known: readonly (number | string)[]): fc.Arbitrary<string> =>
  known.length ? fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...known.map(String)) }, { weight: 1, arbitrary: badId }) : badId;

/** Plausible text, short or long, in Latvian and English, with the odd random string. */
export const text: fc.Arbitrary<string> = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.constantFrom("Vienkāršāka pieteikšanās vizītei", "Fewer phone queues at the registry", "Atzvanīšana", "Ideja", "Ļoti ".repeat(50).trim()),
  },
  { weight: 2, arbitrary: fc.lorem({ maxCount: 8 }) },
  { weight: 1, arbitrary: fc.string({ minLength: 1, maxLength: 60 }) },
);

/** A small whole number as text, with the edges. */
export const smallInt = (max = 30): fc.Arbitrary<string> =>
  fc.oneof(
    { weight: 4, arbitrary: fc.integer({ min: 1, max }).map(String) },
    { weight: 1, arbitrary: fc.constantFrom("0", "-1", String(max + 1), "1000000", "1000001", "1.5", "1e2") },
  );

/** An e-mail address as people have them, now and then an odd one that is still valid by RFC 5322. */
export const email: fc.Arbitrary<string> = fc.oneof(
  {
    weight: 3,
    arbitrary: fc
      .tuple(fc.stringMatching(/^[a-z][a-z0-9.]{0,14}[a-z0-9]$/), fc.constantFrom("example.lv", "vk.gov.lv", "Example.COM"))
      .map(([local, domain]) => `${local}@${domain}`),
  },
  { weight: 1, arbitrary: fc.emailAddress() },
);

/** A day as the forms and filters write it (YYYY-MM-DD), real or impossible. */
export const isoDay: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.date({ min: new Date("2015-01-01"), max: new Date("2035-12-31"), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)) },
  {
    weight: 2,
    arbitrary: fc
      .tuple(fc.integer({ min: 0, max: 10_000 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 }))
      .map(([y, m, d]) => `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`),
  },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      "2024-02-29",
      "2023-02-29",
      "1970-01-01",
      "0000-01-01",
      "9999-12-31",
      "+275760-09-13",
      "2024-1-1",
      "2024/01/01",
      "01.02.2024",
      "2024-01-01T00:00:00Z",
    ),
  },
);

/** A path to go back to: our own, or one that leads elsewhere. */
export const returnPath: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    "/",
    "/board",
    "/board?q=zvani&show_test=50",
    "/ideas/1#comments",
    "//evil.example",
    "https://evil.example",
    "/\\evil",
    "/%2e//evil",
    "/a/..//evil",
  ),
  fc.webPath(),
  nasty,
);

/**
 * A field's values. "clean": plausible, now and then missing or malformed, so whole forms reach the
 * commands behind them; "chaos": often missing, malformed or repeated (an array).
 */
export function fieldValues(plausible: fc.Arbitrary<string | string[]>, mode: "clean" | "chaos" = "chaos"): fc.Arbitrary<string[]> {
  const one = plausible.map((v) => (Array.isArray(v) ? v : [v]));
  const clean = mode === "clean";
  return fc.oneof(
    { weight: clean ? 40 : 10, arbitrary: one },
    { weight: 1, arbitrary: fc.constant<string[]>([]) },
    { weight: clean ? 1 : 3, arbitrary: nasty.map((v) => [v]) },
    { weight: clean ? 0 : 1, arbitrary: fc.array(fc.oneof(plausible, nasty), { minLength: 2, maxLength: 4 }).map((vs) => vs.flat()) },
  );
}

export type Pair = [string, string];
export type Fields = Record<string, fc.Arbitrary<string | string[]>>;

/** Names no form has: random, nested (conform reads "a.b" and "a[0]" as structure), prototype-polluting. */
const strangeKey: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    "",
    "__proto__",
    "__proto__.polluted",
    "constructor.prototype.polluted",
    "a[0]",
    "a[99999999]",
    "a.b.c",
    "intent[0]",
    "intent.x",
    "formId",
    "_data",
    "redirectTo",
  ),
  fc.string({ maxLength: 20 }),
  fc.string({ unit: "binary", maxLength: 10 }),
);

/**
 * Name-value pairs for a form or a query: the given fields (the route's real names), half the time
 * clean (plausible, so deeper code runs), half the time in chaos and with a few strange names added.
 */
export function pairsOf(fields: Fields, extraKeys: string[] = []): fc.Arbitrary<Pair[]> {
  const known = (mode: "clean" | "chaos") => fc.record(Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, fieldValues(v, mode)])));
  const anyKey = extraKeys.length ? fc.oneof(strangeKey, fc.constantFrom(...extraKeys)) : strangeKey;
  const extra = fc.array(fc.tuple(anyKey, fc.oneof(nasty, text)), { maxLength: 3 });
  return fc
    .oneof(fc.tuple(known("clean"), fc.constant<Pair[]>([])), fc.tuple(known("chaos"), extra))
    .map(([values, more]) => [...Object.entries(values).flatMap(([k, vs]) => (vs as string[]).map((v): Pair => [k, v])), ...more]);
}

/** A form of a route: one of its variants (one per intent), or pairs with no plan at all. */
export function formPairs(variants: Fields[]): fc.Arbitrary<Pair[]> {
  const names = [...new Set(variants.flatMap((v) => Object.keys(v)))];
  const planned = variants.map((v) => ({ weight: 8, arbitrary: pairsOf(v, names) }));
  return fc.oneof(...planned, { weight: 1, arbitrary: pairsOf({}, names) });
}

const BROKEN_PERCENT = ["%", "%Z", "%ZZ", "%E0%A4%A", "%C0%AF", "%FF", "%00", "%u0041", "%%", "%2", "%F0%9F%98"];

export type Encoding = "encoded" | "raw" | "broken";
const encoding: fc.Arbitrary<Encoding> = fc.oneof(
  { weight: 6, arbitrary: fc.constant("encoded" as const) },
  fc.constant("raw" as const),
  fc.constant("broken" as const),
);

/** encodeURIComponent, which throws on a lone surrogate: that one is written as U+FFFD, as a browser would. */
export function safeEncode(value: string) {
  try {
    return encodeURIComponent(value);
  } catch {
    return encodeURIComponent(value.replace(/[\uD800-\uDFFF]/g, "\uFFFD"));
  }
}

/** Pairs written as `a=1&b=2`, each encoded properly, left raw, or with a broken percent-escape. */
export function encodedPairs(pairs: Pair[], how: Encoding[], broken: string[]): string {
  return pairs
    .map(([k, v], i) => {
      const mode = how[i % Math.max(1, how.length)] ?? "encoded";
      if (mode === "raw") return `${k}=${v}`;
      const pair = `${safeEncode(k)}=${safeEncode(v)}`;
      return mode === "broken" ? pair + broken[i % broken.length] : pair;
    })
    .join("&");
}

/** A query string (without "?") from the pairs of a loader's filters. */
export function queryArb(fields: Fields): fc.Arbitrary<string> {
  return fc
    .tuple(pairsOf(fields), fc.array(encoding, { minLength: 1, maxLength: 4 }), fc.array(fc.constantFrom(...BROKEN_PERCENT), { minLength: 1, maxLength: 3 }))
    .map(([pairs, how, broken]) => encodedPairs(pairs, how, broken));
}

/** How a body is sent: as a browser sends a form, or not quite. */
export type BodyKind = "urlencoded" | "multipart" | "multipart-files" | "raw" | "json" | "text" | "no-type" | "bad-boundary" | "oversized";
export const bodyKind: fc.Arbitrary<BodyKind> = fc.oneof(
  { weight: 24, arbitrary: fc.constant("urlencoded" as const) },
  { weight: 6, arbitrary: fc.constant("multipart" as const) },
  { weight: 2, arbitrary: fc.constant("multipart-files" as const) },
  { weight: 3, arbitrary: fc.constant("raw" as const) },
  { weight: 1, arbitrary: fc.constantFrom("json" as const, "text" as const, "no-type" as const, "bad-boundary" as const) },
  { weight: 1, arbitrary: fc.constant("oversized" as const) },
);

/** The body and its Content-Type, built from the pairs as `kind` says. */
export function bodyOf(kind: BodyKind, pairs: Pair[], broken: string[]): { body: BodyInit; type?: string } {
  switch (kind) {
    case "urlencoded":
      return { body: new URLSearchParams(pairs), type: "application/x-www-form-urlencoded" };
    case "multipart":
    case "multipart-files": {
      const form = new FormData();
      pairs.forEach(([k, v], i) =>
        kind === "multipart-files" && i % 2 === 0 ? form.append(k, new File([v], `${k}.txt`, { type: "text/plain" })) : form.append(k, v),
      );
      return { body: form };
    }
    case "raw":
      return { body: encodedPairs(pairs, ["raw", "broken", "encoded"], broken), type: "application/x-www-form-urlencoded" };
    case "json":
      return { body: JSON.stringify(Object.fromEntries(pairs)), type: "application/json" };
    case "text":
      return { body: pairs.map(([k, v]) => `${k}=${v}`).join("\r\n"), type: "text/plain" };
    case "no-type":
      return { body: Buffer.from(new URLSearchParams(pairs).toString()) };
    case "bad-boundary":
      return { body: new URLSearchParams(pairs).toString(), type: "multipart/form-data; boundary=----nothing-matches" };
    case "oversized":
      return { body: new URLSearchParams([...pairs, ["padding", OVERSIZED]]), type: "application/x-www-form-urlencoded" };
  }
}

export const brokenPercent = fc.array(fc.constantFrom(...BROKEN_PERCENT), { minLength: 1, maxLength: 3 });

/** Headers besides the session: a stray or forged cookie, odd languages, a huge User-Agent. */
export type ExtraHeaders = { cookie?: string; acceptLanguage?: string; userAgent?: string };
export const extraHeaders: fc.Arbitrary<ExtraHeaders> = fc.record(
  {
    cookie: fc.oneof(
      fc.constantFrom("lng=en", "lng=lv", "lng=xx", "lng=", "__session=garbage", "__session=e30%3D.forged", "lng=%ZZ", "a=b; a=c", "=;=;"),
      fc.string({ maxLength: 40 }).map((v) => `lng=${encodeURIComponent(v)}`),
    ),
    acceptLanguage: fc.oneof(
      fc.constantFrom("en", "lv", "en-GB,en;q=0.9", "*", "xx;q=abc", ",,,", "lv;q=2", "en;q=-1"),
      fc.string({ unit: "grapheme-ascii", maxLength: 60 }),
    ),
    userAgent: fc.oneof(fc.constantFrom("Mozilla/5.0", ""), fc.constant("U".repeat(HUGE)), fc.string({ unit: "grapheme-ascii", maxLength: 80 })),
  },
  { requiredKeys: [] },
);

/** A short, printable account of a value for failure reports (long strings cut, control characters shown). */
export function brief(value: unknown, max = 120): string {
  const cut = (s: string) => {
    const shown = JSON.stringify(s.length > max ? s.slice(0, max) : s);
    return s.length > max ? `${shown}…(${s.length} chars)` : shown;
  };
  if (typeof value === "string") return cut(value);
  if (Array.isArray(value)) return `[${value.map((v) => brief(v, max)).join(", ")}]`;
  if (value && typeof value === "object")
    return `{ ${Object.entries(value)
      .map(([k, v]) => `${k}: ${brief(v, max)}`)
      .join(", ")} }`;
  return String(value);
}
