// Dates and numbers in the user's language, through Intl.
const tag = (locale: string) => (locale === "en" ? "en-GB" : "lv-LV");

export function formatDate(locale: string, iso: string | Date) {
  return new Intl.DateTimeFormat(tag(locale), { day: "numeric", month: "long", year: "numeric", timeZone: "Europe/Riga" }).format(new Date(iso));
}

export function formatDateTime(locale: string, iso: string | Date) {
  return new Intl.DateTimeFormat(tag(locale), {
    day: "numeric",
    month: "short",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    timeZone: "Europe/Riga",
  }).format(new Date(iso));
}

export function formatNumber(locale: string, value: number) {
  return new Intl.NumberFormat(tag(locale)).format(value);
}
