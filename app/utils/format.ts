// Dates and numbers in the user's language, through Intl.

/** The lab's clock: dates are shown, and the daily digest's day is counted, in this time zone. */
export const LAB_TIME_ZONE = "Europe/Riga";
const tag = (locale: string) => (locale === "en" ? "en-GB" : "lv-LV");

export function formatDate(locale: string, iso: string | Date) {
  return new Intl.DateTimeFormat(tag(locale), { day: "numeric", month: "long", year: "numeric", timeZone: LAB_TIME_ZONE }).format(new Date(iso));
}

export function formatDateTime(locale: string, iso: string | Date) {
  return new Intl.DateTimeFormat(tag(locale), {
    day: "numeric",
    month: "short",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    timeZone: LAB_TIME_ZONE,
  }).format(new Date(iso));
}

export function formatNumber(locale: string, value: number) {
  return new Intl.NumberFormat(tag(locale)).format(value);
}
