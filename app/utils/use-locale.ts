import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { addTranslations, type Locale } from "./i18n";

/**
 * Follows the root's locale in the browser. The browser starts with the page's language only
 * (entry.client.tsx), so a change after a client-side navigation (the switcher, signing in as
 * someone with another preference) loads the other language's chunk first, then switches.
 */
export function useLocale(locale: Locale) {
  const { i18n } = useTranslation();
  useEffect(() => {
    if (i18n.language === locale) return;
    let current = true;
    void addTranslations(i18n, locale).then(() => {
      if (current) void i18n.changeLanguage(locale);
    });
    return () => {
      current = false;
    };
  }, [i18n, locale]);
}
