import type { LoaderFunctionArgs } from "@remix-run/node";
import { exportIdeasXlsx } from "~/modules/idea/idea-export.server";
import { getFilterOptions, parseIdeaFilters } from "~/modules/idea/idea-queries.server";
import { requireUserWith } from "~/utils/auth.server";
import { getLocale, getT } from "~/utils/i18n.server";
import { isoDayOf } from "~/utils/iso-day";
import { searchParamsOf } from "~/utils/http.server";
import { xlsxResponse } from "~/utils/xlsx.server";

/** The ideas of /ideas/export.csv, under the same filters, as a spreadsheet in the reader's language. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUserWith(request, "export:csv");
  const locale = await getLocale(request);
  const [t, options] = await Promise.all([getT(request, "ideas"), getFilterOptions(locale)]);
  const { filters } = parseIdeaFilters(searchParamsOf(request), options);
  delete filters.page;
  return xlsxResponse(exportIdeasXlsx(user, filters, locale, t), `${t("export.file", { day: isoDayOf(new Date()) })}.xlsx`);
}
