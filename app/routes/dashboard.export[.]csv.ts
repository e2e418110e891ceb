import type { LoaderFunctionArgs } from "@remix-run/node";
import { dashboardRows, getDashboard, parseDashboardFilters } from "~/modules/dashboard/dashboard.server";
import { getFilterOptions } from "~/modules/idea/idea-queries.server";
import { requirePermission, requireUserWith } from "~/utils/auth.server";
import { BOM, csvLine, csvResponse } from "~/utils/csv";
import { getLocale } from "~/utils/i18n.server";
import { searchParamsOf } from "~/utils/http.server";

/** The figures behind each chart of /dashboard, for the same filters. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUserWith(request, "dashboard:view");
  requirePermission(user, "export:csv");
  const locale = await getLocale(request);
  const { institutions } = await getFilterOptions(locale);
  const { filters } = parseDashboardFilters(searchParamsOf(request), { institutionIds: institutions.map((i) => i.id) });
  const dashboard = await getDashboard(user, filters, locale);
  const body = BOM + dashboardRows(dashboard).map(csvLine).join("");
  return csvResponse(body, `idea-lab-dashboard-${filters.period.from}-${filters.period.to}.csv`);
}
