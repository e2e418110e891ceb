// Every page's <title>: the loader's `title`, or, when the page is an error, the error's name in
// the person's language (read from the root's locale), then the app's name. The words come from
// the default i18next instance: the browser's holds the page's language (entry.client.tsx), the
// server's both (i18n.server.ts).
import { isRouteErrorResponse, type MetaFunction } from "@remix-run/react";
import i18next from "i18next";
import { DEFAULT_LOCALE, isLocale } from "./i18n";

export const ERROR_STATUSES = [400, 403, 404, 409, 413, 429, 500] as const;
export type ErrorStatus = (typeof ERROR_STATUSES)[number];

/** The error page a status shows: its own, or the unexpected error's. */
export function errorStatus(status: number): ErrorStatus {
  return (ERROR_STATUSES as readonly number[]).includes(status) ? (status as ErrorStatus) : 500;
}

export const pageMeta: MetaFunction = ({ data, error, matches }) => {
  // formFailed: a form on the page shows its errors (PageMeta in components/page-meta.tsx says so).
  const root = matches.find((m) => m.id === "root")?.data as { locale?: string; formFailed?: boolean } | undefined;
  const locale = isLocale(root?.locale) ? root.locale : DEFAULT_LOCALE;
  const t = i18next.getFixedT(locale, "common");
  const appName = t("appName");
  if (error) {
    const status = errorStatus(isRouteErrorResponse(error) ? error.status : 500);
    return [{ title: `${t(`errors.pages.${status}.title`)} · ${appName}` }];
  }
  const title = (data as { title?: string } | undefined)?.title ?? appName;
  return [{ title: root?.formFailed ? `${t("errorSummary.titlePrefix")}${title}` : title }];
};
