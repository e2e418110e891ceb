// Dates and numbers in the user's language, through Intl.

/** The lab's clock: dates are shown, and the daily digest's day is counted, in this time zone. */
export const LAB_TIME_ZONE = "Europe/Riga";
/** The moment a lab calendar day (YYYY-MM-DD) begins: midnight in Riga, as a Date. */
export function startOfLabDay(day: string) {
  const midnightUtc = Date.parse(`${day}T00:00:00Z`);
  // Riga's offset from UTC at a moment, in ms (2 or 3 hours, with summer time).
  const offsetAt = (time: number) => {
    const parts = Object.fromEntries(
      new Intl.DateTimeFormat("en-US", {
        timeZone: LAB_TIME_ZONE,
        hourCycle: "h23",
        year: "numeric",
        month: "numeric",
        day: "numeric",
        hour: "numeric",
        minute: "numeric",
        second: "numeric",
      })
        .formatToParts(time)
        .map((p) => [p.type, Number(p.value)]),
    );
    return Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second) - time;
  };
  const guess = midnightUtc - offsetAt(midnightUtc);
  return new Date(midnightUtc - offsetAt(guess));
}

const tag = (locale: string) => (locale === "en" ? "en-GB" : "lv-LV");

// Making an Intl formatter costs far more than using one (a list of 25 ideas spent 3 ms a page on
// it), so each language's formatters are made once and kept.
const formatters = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>();
function kept<F extends Intl.DateTimeFormat | Intl.NumberFormat>(key: string, make: () => F): F {
  let formatter = formatters.get(key) as F | undefined;
  if (!formatter) formatters.set(key, (formatter = make()));
  return formatter;
}

const dateFormat = (locale: string) =>
  kept(`date:${tag(locale)}`, () => new Intl.DateTimeFormat(tag(locale), { day: "numeric", month: "long", year: "numeric", timeZone: LAB_TIME_ZONE }));
const dateTimeFormat = (locale: string) =>
  kept(
    `dateTime:${tag(locale)}`,
    () =>
      new Intl.DateTimeFormat(tag(locale), {
        day: "numeric",
        month: "short",
        year: "numeric",
        hour: "2-digit",
        minute: "2-digit",
        timeZone: LAB_TIME_ZONE,
      }),
  );

export function formatDate(locale: string, iso: string | Date) {
  return dateFormat(locale).format(new Date(iso));
}

export function formatDateTime(locale: string, iso: string | Date) {
  return dateTimeFormat(locale).format(new Date(iso));
}

export function formatPercent(locale: string, value: number) {
  return kept(`percent:${tag(locale)}`, () => new Intl.NumberFormat(tag(locale), { style: "percent" })).format(value);
}

export function formatNumber(locale: string, value: number) {
  return kept(`number:${tag(locale)}`, () => new Intl.NumberFormat(tag(locale))).format(value);
}

/** Compares two names in the user's language's alphabetical order (for sorting; one collator per language, kept). */
export function compareNames(locale: string, a: string, b: string) {
  let collator = collators.get(locale);
  if (!collator) collators.set(locale, (collator = new Intl.Collator(tag(locale))));
  return collator.compare(a, b);
}
const collators = new Map<string, Intl.Collator>();
