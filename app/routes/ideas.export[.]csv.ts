import type { LoaderFunctionArgs } from "@remix-run/node";
import { exportIdeas } from "~/modules/idea/idea-export.server";
import { getFilterOptions, parseIdeaFilters } from "~/modules/idea/idea-queries.server";
import { requireUserWith } from "~/utils/auth.server";
import { csvResponse } from "~/utils/csv";
import { getLocale } from "~/utils/i18n.server";
import { isoDayOf } from "~/utils/iso-day";
import { searchParamsOf } from "~/utils/http.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUserWith(request, "export:csv");
  const locale = await getLocale(request);
  const { filters } = parseIdeaFilters(searchParamsOf(request), await getFilterOptions(locale));
  delete filters.page;
  return csvResponse(exportIdeas(user, filters, locale), `idea-lab-ideas-${isoDayOf(new Date())}.csv`);
}
