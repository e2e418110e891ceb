import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ExportLinks } from "~/components/ui/export-links";
import { HighlightStems } from "~/components/ui/highlight";
import { Pagination } from "~/components/ui/pagination";
import { IdeaFilters } from "~/modules/idea/idea-filters";
import { IdeaList } from "~/modules/idea/idea-list";
import { getFilterOptions, listIdeas, parseIdeaFilters } from "~/modules/idea/idea-queries.server";
import { requireUserWith } from "~/utils/auth.server";
import { formatNumber } from "~/utils/format";
import { getLocale, getT } from "~/utils/i18n.server";
import { can } from "~/utils/permissions";
import { pageMeta } from "~/utils/meta";
import { searchParamsOf } from "~/utils/http.server";

export const meta = pageMeta;
export { RouteErrorBoundary as ErrorBoundary } from "~/components/error-boundary";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUserWith(request, "idea:read");
  const locale = await getLocale(request);
  const [t, options] = await Promise.all([getT(request, "ideas"), getFilterOptions(locale)]);
  const { filters, values, invalid } = parseIdeaFilters(searchParamsOf(request), options);
  const list = await listIdeas(user, filters, locale);
  return { title: `${t("list.title")} · ${t("common:appName")}`, options, values, invalid, canExport: can(user, "export:csv"), ...list };
}

export default function Ideas() {
  const { items, total, page, pages, options, values, invalid, canExport, stems, more } = useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation("ideas");
  const exportQuery = new URLSearchParams(Object.entries(values).filter((e): e is [string, string] => !!e[1])).toString();
  return (
    <div>
      <div className="mb-4 flex flex-wrap items-center justify-between gap-4">
        <h1 className="text-3xl font-bold">{t("list.title")}</h1>
        {canExport ? (
          <ExportLinks
            links={[
              { href: `/ideas/export.xlsx?${exportQuery}`, label: t("export.xlsx") },
              { href: `/ideas/export.csv?${exportQuery}`, label: t("list.export") },
            ]}
          />
        ) : null}
      </div>
      <IdeaFilters options={options} values={values} />
      {invalid.length ? (
        <p role="alert" className="mb-4 rounded-md border-l-4 border-amber-600 bg-amber-50 px-4 py-3">
          {t("filters.invalid", { names: invalid.map((n) => t(`filters.${n}`)).join(", ") })}
        </p>
      ) : null}
      <p className="mb-4" role="status">
        {more
          ? t("list.countMore", { count: total, formatted: formatNumber(i18n.language, total) })
          : t("list.count", { count: total, formatted: formatNumber(i18n.language, total) })}
        {stems.length && total > 1 && !more ? ` ${t("list.ranked")}` : null}
      </p>
      {items.length ? (
        <HighlightStems stems={stems}>
          <IdeaList items={items} />
        </HighlightStems>
      ) : (
        <p className="text-slate-700">{t("list.empty")}</p>
      )}
      <Pagination page={page} pages={pages} />
    </div>
  );
}
