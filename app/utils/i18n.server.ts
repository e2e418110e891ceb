import { readdirSync } from "node:fs";
import path from "node:path";
import i18next, { createInstance, type i18n as I18n, type TFunction } from "i18next";
import { initReactI18next } from "react-i18next";
import { RemixI18Next } from "remix-i18next/server";
import { getUser } from "./auth.server";
import { resources } from "~/locales";
import { DEFAULT_LOCALE, LOCALES, i18nConfig, isLocale, type Locale } from "./i18n";
import { localeCookie } from "./session.server";

/**
 * The language of a request: the user's saved preference, the switcher's cookie, Accept-Language,
 * Latvian. Used for detection only; translations come from the instances below.
 */
const detector = new RemixI18Next({
  detection: {
    supportedLanguages: [...LOCALES],
    fallbackLanguage: DEFAULT_LOCALE,
    cookie: localeCookie,
    order: ["custom", "cookie", "header"],
    async findLocale(request) {
      // getUser is read once per request (auth.server.ts): the page's loaders have loaded it already.
      const user = await getUser(request);
      return isLocale(user?.locale) ? user.locale : null;
    },
  },
  i18next: { ...i18nConfig, resources },
});

// The default instance, with both languages, made at once (nothing to load): the page titles read it
// (utils/meta.ts), as they read the browser's, which holds the page's language.
void i18next.init({ ...i18nConfig, resources, initImmediate: false });

const locales = new WeakMap<Request, Promise<Locale>>();

/** The request's language, worked out once per request (the root, the page and the document all ask). */
export function getLocale(request: Request): Promise<Locale> {
  let locale = locales.get(request);
  if (!locale) {
    locale = detector.getLocale(request).then((found) => (isLocale(found) ? found : DEFAULT_LOCALE));
    locales.set(request, locale);
  }
  return locale;
}

const instances = new Map<Locale, Promise<I18n>>();

/**
 * One i18next instance per language, made once and shared by every request: the document's
 * I18nextProvider and the loaders' translators. Its language never changes after it is made (the
 * resources are bundled, so nothing loads later), which is what makes sharing it safe.
 */
export function i18nFor(locale: Locale): Promise<I18n> {
  let instance = instances.get(locale);
  if (!instance) {
    const made = createInstance();
    instance = made
      .use(initReactI18next)
      .init({ ...i18nConfig, lng: locale, resources })
      .then(() => made);
    instances.set(locale, instance);
  }
  return instance;
}

/** A translator fixed to a language and namespace(s): for e-mails and anything outside a request. */
export async function getFixedT(locale: Locale, ns: string | string[] = "common"): Promise<TFunction> {
  return (await i18nFor(locale)).getFixedT(locale, ns as "common");
}

/** A translator in the request's language. */
export async function getT(request: Request, ns: string | string[] = "common") {
  return getFixedT(await getLocale(request), ns);
}

let chunks: Partial<Record<Locale, string>> | undefined;

/**
 * The URL of a language's translations chunk in the browser build (public/build/_shared/lv-….js),
 * for the document's modulepreload link: the browser then fetches it with the page's other scripts
 * instead of after them. Looked up once in production; none if the build is not there.
 */
export function translationsChunk(locale: Locale): string | undefined {
  if (!chunks || process.env.NODE_ENV !== "production") {
    chunks = {};
    try {
      for (const file of readdirSync(path.resolve("public/build/_shared"))) {
        const found = /^(lv|en)-[A-Z0-9]+\.js$/.exec(file);
        if (found) chunks[found[1] as Locale] = `/build/_shared/${file}`;
      }
    } catch {
      /* no browser build: no preload */
    }
  }
  return chunks[locale];
}
