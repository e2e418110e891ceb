// i18next settings shared by the server and the browser.
import type { i18n as I18n } from "i18next";
import type lv from "~/locales/lv";

export const LOCALES = ["lv", "en"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "lv";

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}

/** Every namespace of one language (app/locales/<language>/index.ts). */
export type Translations = typeof lv;

/**
 * One language's translations, as a chunk of its own: the browser loads only the page's language
 * (entry.client.tsx) and another one when the person switches (use-locale.ts). The server has both
 * bundled (app/locales/index.ts).
 */
export async function loadTranslations(locale: Locale): Promise<Translations> {
  return (locale === "en" ? await import("~/locales/en") : await import("~/locales/lv")).default;
}

/** Adds a language's translations to an i18next instance unless it has them already. */
export async function addTranslations(i18n: I18n, locale: Locale) {
  if (i18n.hasResourceBundle(locale, "common")) return;
  const translations = await loadTranslations(locale);
  for (const [ns, bundle] of Object.entries(translations)) i18n.addResourceBundle(locale, ns, bundle, true, true);
}

export const i18nConfig = {
  supportedLngs: [...LOCALES],
  fallbackLng: DEFAULT_LOCALE,
  defaultNS: "common",
  ns: ["common", "auth", "ideas", "board", "experiments", "lessons", "dashboard", "account", "admin", "notifications"],
  interpolation: { escapeValue: false }, // React escapes
  react: { useSuspense: false },
};

/**
 * Messages travel as "key" or "key|{json params}" (schemas are shared with the browser and know no
 * language): a validation key ("required"), or a domain message's "namespace:key" ("auth:login.invalid").
 */
export function errorMessage(key: string, params?: Record<string, unknown>) {
  return params ? `${key}|${JSON.stringify(params)}` : key;
}

/** A message's key and parameters (none when they do not parse). */
export function splitMessage(message: string): { key: string; params: Record<string, unknown> } {
  const bar = message.indexOf("|");
  if (bar === -1) return { key: message, params: {} };
  try {
    return { key: message.slice(0, bar), params: JSON.parse(message.slice(bar + 1)) as Record<string, unknown> };
  } catch {
    return { key: message.slice(0, bar), params: {} };
  }
}

/**
 * A message in the reader's language: a domain message ("namespace:key") as its namespace says, a
 * validation key from common:validation (an unknown one reads "invalid"). A message that names a
 * row in both languages passes both (nameLv, nameEn); each language's text picks its own.
 */
export function translateError(t: (key: string, options?: Record<string, unknown>) => string, message: string) {
  const { key, params: given } = splitMessage(message);
  // The number a message is about (a length's max or min) is its count, which picks the plural form ("1 rakstzīme", "5 rakstzīmes").
  const counted = given.count ?? given.max ?? given.min;
  const params = typeof counted === "number" ? { ...given, count: counted } : given;
  if (/^\w+:[\w.-]+$/.test(key)) return t(key, params);
  return t(`common:validation.${key}`, { ...params, defaultValue: t("common:validation.invalid") });
}

/**
 * A row's text that exists in each language, in the reader's: its name (stages, institutions) by
 * default, or another field (a principle's "title" or "help").
 */
export function localName<F extends string = "name">(locale: string, row: Record<`${F}Lv` | `${F}En`, string>, field: F = "name" as F) {
  return locale === "en" ? row[`${field}En`] : row[`${field}Lv`];
}
