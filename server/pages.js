// The few pages the server answers itself, before the app (a body too large, an error outside the
// app): small HTML in the person's language, with the words of the app's own error pages.
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

/** @typedef {"lv" | "en"} Locale */
/** @type {readonly Locale[]} */
const LOCALES = ["lv", "en"];
const DEFAULT_LOCALE = "lv";

/** @type {Record<string, { errors: { status: string; home: string; pages: Record<string, { title: string; body: string }> } }>} */
const common = Object.fromEntries(
  LOCALES.map((locale) => [locale, JSON.parse(readFileSync(path.join(root, "app", "locales", locale, "common.json"), "utf8"))]),
);

/** @param {unknown} value @returns {value is Locale} */
const isLocale = (value) => typeof value === "string" && /** @type {readonly string[]} */ (LOCALES).includes(value);

/**
 * The language the switcher chose, from its `lng` cookie (as Remix writes it: JSON in base64, URL
 * encoded; a bare "en" is taken too).
 * @param {string | undefined} cookieHeader
 * @returns {Locale | null}
 */
export function localeFromCookie(cookieHeader) {
  for (const part of (cookieHeader ?? "").split(";")) {
    const [name, ...rest] = part.trim().split("=");
    if (name !== "lng") continue;
    let value = rest.join("=");
    try {
      value = decodeURIComponent(value);
    } catch {
      return null;
    }
    if (isLocale(value)) return value;
    try {
      const decoded = JSON.parse(Buffer.from(value, "base64").toString("utf8"));
      return isLocale(decoded) ? decoded : null;
    } catch {
      return null;
    }
  }
  return null;
}

/**
 * The first of our languages the browser asks for, by its weights (`en-GB,en;q=0.9,lv;q=0.8`).
 * @param {string | undefined} header
 * @returns {Locale | null}
 */
export function localeFromAcceptLanguage(header) {
  const asked = (header ?? "")
    .split(",")
    .map((entry, index) => {
      const [tag, ...params] = entry.trim().split(";");
      const q = params.map((p) => /^\s*q=([0-9.]+)\s*$/.exec(p)?.[1]).find(Boolean);
      return { language: tag.trim().toLowerCase().split("-")[0], q: q === undefined ? 1 : Number(q), index };
    })
    .filter((entry) => entry.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  return asked.map((entry) => entry.language).find(isLocale) ?? null;
}

/**
 * The person's language before the app knows who they are: the switcher's cookie, then the browser's
 * languages, then Latvian.
 * @param {Record<string, string | string[] | undefined>} headers
 * @returns {Locale}
 */
export function requestLocale(headers) {
  const cookie = headers["cookie"];
  const accept = headers["accept-language"];
  return (
    localeFromCookie(Array.isArray(cookie) ? cookie.join("; ") : cookie) ??
    localeFromAcceptLanguage(Array.isArray(accept) ? accept[0] : accept) ??
    DEFAULT_LOCALE
  );
}

/** @param {string} text */
const escapeHtml = (text) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * A small error page: the title and text of the app's own error page for `status` (500's for a
 * status it has none for), the status, and the way home. No script, no style, no details.
 * @param {number} status
 * @param {Record<string, string | string[] | undefined>} headers the request's headers, for the language
 */
export function errorPage(status, headers) {
  const locale = requestLocale(headers);
  const { errors } = common[locale];
  const page = errors.pages[String(status)] ?? errors.pages["500"];
  const title = escapeHtml(page.title);
  return [
    "<!DOCTYPE html>",
    `<html lang="${locale}">`,
    '<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${title}</title></head>`,
    `<body><main><h1>${title}</h1>`,
    `<p>${escapeHtml(page.body)}</p>`,
    `<p>${escapeHtml(errors.status.replace("{{status}}", String(status)))}</p>`,
    `<p><a href="/">${escapeHtml(errors.home)}</a></p></main></body>`,
    "</html>",
    "",
  ].join("\n");
}
