// Both languages, for the server (utils/i18n.server.ts) and the tests. The browser never imports
// this: it loads one language through loadTranslations (utils/i18n.ts).
import en from "./en";
import lv from "./lv";

export const resources = { lv, en } as const;
