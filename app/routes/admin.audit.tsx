import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData, useLocation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { BackLink } from "~/components/ui/back-link";
import { ExportLinks } from "~/components/ui/export-links";
import { FilterBar, FilterInput, FilterSelect } from "~/components/ui/filter-bar";
import { Pagination } from "~/components/ui/pagination";
import { AUDIT_ACTIONS } from "~/modules/audit/audit.schema";
import { listAudit, parseAuditFilters } from "~/modules/audit/audit-queries.server";
import { requireUserWith } from "~/utils/auth.server";
import { formatDateTime } from "~/utils/format";
import { getT } from "~/utils/i18n.server";
import { formValues } from "~/utils/query";
import { pageMeta } from "~/utils/meta";
import { searchParamsOf } from "~/utils/http.server";

export const meta = pageMeta;
export { RouteErrorBoundary as ErrorBoundary } from "~/components/error-boundary";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUserWith(request, "admin:audit");
  const { filters, invalid } = parseAuditFilters(searchParamsOf(request));
  const [t, log] = await Promise.all([getT(request, "admin"), listAudit(user, filters)]);
  const { page: _page, ...shown } = filters;
  return { title: `${t("audit.title")} · ${t("common:appName")}`, values: formValues(shown), invalid, ...log };
}

export default function AuditLog() {
  const { entries, total, page, pages, values, invalid } = useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation("admin");
  const location = useLocation();
  return (
    <div>
      <BackLink to="/admin">{t("back")}</BackLink>
      <div className="mb-4 flex flex-wrap items-center justify-between gap-4">
        <h1 className="text-3xl font-bold">{t("audit.title")}</h1>
        <ExportLinks
          links={[
            { href: `/admin/audit.xlsx${location.search}`, label: t("audit.xlsx") },
            { href: `/admin/audit.csv${location.search}`, label: t("audit.export") },
          ]}
        />
      </div>
      <p className="mb-4 text-slate-700">{t("audit.intro")}</p>
      <FilterBar
        label={t("audit.filters")}
        clearTo="/admin/audit"
        notice={invalid.length ? t("audit.invalid", { names: invalid.map((n) => t(`audit.${n}`)).join(", ") }) : null}
      >
        <FilterSelect
          id="audit-action"
          name="action"
          label={t("audit.action")}
          value={values.action}
          anyLabel={t("audit.any")}
          options={AUDIT_ACTIONS.map((a) => [a, t(`audit.actions.${a}`)])}
        />
        <FilterInput id="audit-actor" name="actor" label={t("audit.actor")} value={values.actor} />
        <FilterInput id="audit-from" name="from" type="date" label={t("audit.from")} value={values.from} />
        <FilterInput id="audit-to" name="to" type="date" label={t("audit.to")} value={values.to} />
      </FilterBar>
      <p role="status" className="mb-2">
        {t("audit.count", { count: total })}
      </p>
      <div className="overflow-x-auto rounded-lg bg-white shadow" tabIndex={0} role="region" aria-label={t("audit.title")}>
        <table className="min-w-full text-sm">
          <thead>
            <tr className="text-left">
              <th scope="col" className="px-3 py-2">
                {t("audit.when")}
              </th>
              <th scope="col" className="px-3 py-2">
                {t("audit.actor")}
              </th>
              <th scope="col" className="px-3 py-2">
                {t("audit.action")}
              </th>
              <th scope="col" className="px-3 py-2">
                {t("audit.target")}
              </th>
              <th scope="col" className="px-3 py-2">
                {t("audit.change")}
              </th>
            </tr>
          </thead>
          <tbody>
            {entries.map((e) => (
              <tr key={e.id} className="border-t border-slate-200 align-top">
                <td className="px-3 py-2 whitespace-nowrap">{formatDateTime(i18n.language, e.createdAt)}</td>
                <td className="px-3 py-2">{e.actor ? `${e.actor.name} (${e.actor.email})` : "—"}</td>
                <td className="px-3 py-2">{t(`audit.actions.${e.action}`, { defaultValue: e.action })}</td>
                <td className="px-3 py-2">{[e.targetType, e.targetId].filter(Boolean).join(" ") || "—"}</td>
                <td className="px-3 py-2 font-mono text-xs break-all">
                  {e.before ? `${e.before} → ` : ""}
                  {e.after ?? ""}
                  {e.ip ? ` · ${e.ip}` : ""}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Pagination page={page} pages={pages} />
    </div>
  );
}
