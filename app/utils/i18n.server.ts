import { RemixI18Next } from "remix-i18next/server";
import { getUser } from "./auth.server";
import { DEFAULT_LOCALE, LOCALES, i18nConfig, isLocale, resources, type Locale } from "./i18n";
import { localeCookie } from "./session.server";

/** The language of a request: the user's saved preference, the switcher's cookie, Accept-Language, Latvian. */
export const i18next = new RemixI18Next({
  detection: {
    supportedLanguages: [...LOCALES],
    fallbackLanguage: DEFAULT_LOCALE,
    cookie: localeCookie,
    order: ["custom", "cookie", "header"],
    async findLocale(request) {
      const user = await getUser(request);
      return isLocale(user?.locale) ? user.locale : null;
    },
  },
  i18next: { ...i18nConfig, resources },
});

export async function getLocale(request: Request): Promise<Locale> {
  const locale = await i18next.getLocale(request);
  return isLocale(locale) ? locale : DEFAULT_LOCALE;
}

export async function getT(request: Request, ns: string | string[] = "common") {
  return i18next.getFixedT(await getLocale(request), ns as "common");
}
