import type { LoaderFunctionArgs } from "@remix-run/node";
import { exportAuditXlsx, parseAuditFilters } from "~/modules/audit/audit-queries.server";
import { requireUserWith } from "~/utils/auth.server";
import { getT } from "~/utils/i18n.server";
import { isoDayOf } from "~/utils/iso-day";
import { searchParamsOf } from "~/utils/http.server";
import { xlsxResponse } from "~/utils/xlsx.server";

/** The entries of /admin/audit.csv, under the same filters, as a spreadsheet in the reader's language. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUserWith(request, "admin:audit");
  const { filters } = parseAuditFilters(searchParamsOf(request));
  const t = await getT(request, "admin");
  return xlsxResponse(exportAuditXlsx(user, filters, t), `${t("audit.file.name", { day: isoDayOf(new Date()) })}.xlsx`);
}
