import { redirect, type LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData, useLocation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ExportLinks } from "~/components/ui/export-links";
import { DashboardFilters, DashboardView } from "~/modules/dashboard/dashboard-view";
import { getDashboard, parseDashboardFilters, withoutStaleDates } from "~/modules/dashboard/dashboard.server";
import { getFilterOptions } from "~/modules/idea/idea-queries.server";
import { requireUserWith } from "~/utils/auth.server";
import { getLocale, getT } from "~/utils/i18n.server";
import { pageMeta } from "~/utils/meta";
import { searchParamsOf } from "~/utils/http.server";

export const meta = pageMeta;
export { RouteErrorBoundary as ErrorBoundary } from "~/components/error-boundary";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUserWith(request, "dashboard:view");
  // Dates sent with a preset period are not used: the page's address leaves them out.
  const kept = withoutStaleDates(searchParamsOf(request));
  if (kept) throw redirect(`/dashboard${kept.size ? `?${kept}` : ""}`);
  const locale = await getLocale(request);
  const [t, options] = await Promise.all([getT(request, "dashboard"), getFilterOptions(locale)]);
  const { filters, errors } = parseDashboardFilters(searchParamsOf(request), { institutionIds: options.institutions.map((i) => i.id) });
  const dashboard = await getDashboard(user, filters, locale);
  return {
    title: `${t("title")} · ${t("common:appName")}`,
    dashboard,
    errors,
    values: {
      period: filters.period.preset,
      // The dates are the form's only for "Custom dates"; a preset's own dates are not echoed back.
      from: filters.period.preset === "custom" ? filters.period.from : undefined,
      to: filters.period.preset === "custom" ? filters.period.to : undefined,
      institution: filters.institutionId ? String(filters.institutionId) : undefined,
      principle: filters.principle,
    },
    options: { institutions: options.institutions, principles: options.principles.map((p) => ({ key: p.key, title: p.title })) },
  };
}

export default function DashboardPage() {
  const { dashboard, errors, values, options } = useLoaderData<typeof loader>();
  const { t } = useTranslation("dashboard");
  const location = useLocation();
  return (
    <div>
      <div className="mb-4 flex flex-wrap items-center justify-between gap-4">
        <h1 className="text-3xl font-bold">{t("title")}</h1>
        <ExportLinks
          links={[
            { href: `/dashboard/export.xlsx${location.search}`, label: t("export.xlsxFigures") },
            { href: `/dashboard/export.csv${location.search}`, label: t("exportFigures") },
            { href: "/ideas/export.xlsx", label: t("export.xlsxIdeas") },
            { href: "/ideas/export.csv", label: t("exportIdeas") },
          ]}
        />
      </div>
      {/* Drawn afresh for each URL: the period chosen (and so whether the dates show) is the URL's. */}
      <DashboardFilters key={location.search} options={options} values={values} shown={dashboard.period} errors={errors} />
      <DashboardView d={dashboard} />
    </div>
  );
}
