import type { LoaderFunctionArgs } from "@remix-run/node";
import { dashboardXlsx, getDashboard, parseDashboardFilters } from "~/modules/dashboard/dashboard.server";
import { getFilterOptions } from "~/modules/idea/idea-queries.server";
import { requirePermission, requireUserWith } from "~/utils/auth.server";
import { getLocale, getT } from "~/utils/i18n.server";
import { searchParamsOf } from "~/utils/http.server";
import { xlsxResponse } from "~/utils/xlsx.server";

/** The figures of /dashboard/export.csv, for the same filters, as a spreadsheet in the reader's language. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUserWith(request, "dashboard:view");
  requirePermission(user, "export:csv");
  const locale = await getLocale(request);
  const [t, { institutions }] = await Promise.all([getT(request, "dashboard"), getFilterOptions(locale)]);
  const { filters } = parseDashboardFilters(searchParamsOf(request), { institutionIds: institutions.map((i) => i.id) });
  const dashboard = await getDashboard(user, filters, locale);
  return xlsxResponse(dashboardXlsx(dashboard, t), `${t("export.file", { from: filters.period.from, to: filters.period.to })}.xlsx`);
}
