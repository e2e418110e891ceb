import type { LoaderFunctionArgs } from "@remix-run/node";
import { exportAudit, parseAuditFilters } from "~/modules/audit/audit-queries.server";
import { requireUserWith } from "~/utils/auth.server";
import { csvResponse } from "~/utils/csv";
import { isoDayOf } from "~/utils/iso-day";
import { searchParamsOf } from "~/utils/http.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUserWith(request, "admin:audit");
  const { filters } = parseAuditFilters(searchParamsOf(request));
  return csvResponse(exportAudit(user, filters), `idea-lab-audit-${isoDayOf(new Date())}.csv`);
}
