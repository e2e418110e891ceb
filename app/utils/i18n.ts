// i18next settings shared by the server and the browser.
import lvCommon from "~/locales/lv/common.json";
import lvAuth from "~/locales/lv/auth.json";
import enCommon from "~/locales/en/common.json";
import enAuth from "~/locales/en/auth.json";
import lvIdeas from "~/locales/lv/ideas.json";
import enIdeas from "~/locales/en/ideas.json";
import lvBoard from "~/locales/lv/board.json";
import enBoard from "~/locales/en/board.json";
import lvExperiments from "~/locales/lv/experiments.json";
import enExperiments from "~/locales/en/experiments.json";
import lvLessons from "~/locales/lv/lessons.json";
import enLessons from "~/locales/en/lessons.json";
import lvDashboard from "~/locales/lv/dashboard.json";
import enDashboard from "~/locales/en/dashboard.json";
import lvAccount from "~/locales/lv/account.json";
import enAccount from "~/locales/en/account.json";
import lvAdmin from "~/locales/lv/admin.json";
import enAdmin from "~/locales/en/admin.json";
import lvNotifications from "~/locales/lv/notifications.json";
import enNotifications from "~/locales/en/notifications.json";

export const LOCALES = ["lv", "en"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "lv";

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}

export const resources = {
  lv: {
    common: lvCommon,
    auth: lvAuth,
    ideas: lvIdeas,
    board: lvBoard,
    experiments: lvExperiments,
    lessons: lvLessons,
    dashboard: lvDashboard,
    account: lvAccount,
    admin: lvAdmin,
    notifications: lvNotifications,
  },
  en: {
    common: enCommon,
    auth: enAuth,
    ideas: enIdeas,
    board: enBoard,
    experiments: enExperiments,
    lessons: enLessons,
    dashboard: enDashboard,
    account: enAccount,
    admin: enAdmin,
    notifications: enNotifications,
  },
} as const;

export const i18nConfig = {
  supportedLngs: [...LOCALES],
  fallbackLng: DEFAULT_LOCALE,
  defaultNS: "common",
  ns: ["common", "auth", "ideas", "board", "experiments", "lessons", "dashboard", "account", "admin", "notifications"],
  interpolation: { escapeValue: false }, // React escapes
  react: { useSuspense: false },
};

/**
 * Validation messages travel as "key" or "key|{json params}" (schemas are shared with the
 * browser and know no language); the form shows them through this.
 */
export function errorMessage(key: string, params?: Record<string, unknown>) {
  return params ? `${key}|${JSON.stringify(params)}` : key;
}

export function translateError(t: (key: string, options?: Record<string, unknown>) => string, message: string) {
  const bar = message.indexOf("|");
  if (bar === -1) return t(`common:validation.${message}`, { defaultValue: t("common:validation.invalid") });
  let params: Record<string, unknown> = {};
  try {
    params = JSON.parse(message.slice(bar + 1));
  } catch {
    /* keep the plain message */
  }
  return t(`common:validation.${message.slice(0, bar)}`, { ...params, defaultValue: t("common:validation.invalid") });
}

/**
 * A row's text that exists in each language, in the reader's: its name (stages, institutions) by
 * default, or another field (a principle's "title" or "help").
 */
export function localName<F extends string = "name">(locale: string, row: Record<`${F}Lv` | `${F}En`, string>, field: F = "name" as F) {
  return locale === "en" ? row[`${field}En`] : row[`${field}Lv`];
}
