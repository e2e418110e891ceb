import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { BackLink } from "~/components/ui/back-link";
import { Pagination } from "~/components/ui/pagination";
import { FilterBar, FilterInput, FilterSelect } from "~/components/ui/filter-bar";
import { mailConfig } from "~/modules/mail/config.server";
import { OUTBOX_STATUSES, OutboxFiltersSchema } from "~/modules/mail/outbox.schema";
import { listOutbox } from "~/modules/mail/outbox.server";
import { requireUserWith } from "~/utils/auth.server";
import { formatDateTime } from "~/utils/format";
import { getT } from "~/utils/i18n.server";
import { formValues, parseFilters } from "~/utils/query";
import { pageMeta } from "~/utils/meta";
import { searchParamsOf } from "~/utils/http.server";

export const meta = pageMeta;
export { RouteErrorBoundary as ErrorBoundary } from "~/components/error-boundary";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUserWith(request, "admin:outbox");
  const { filters, invalid } = parseFilters(OutboxFiltersSchema, searchParamsOf(request));
  const [t, outbox] = await Promise.all([getT(request, "admin"), listOutbox(user, filters)]);
  const { page: _page, ...shown } = filters;
  return { title: `${t("outbox.title")} · ${t("common:appName")}`, configured: !!mailConfig().smtpUrl, values: formValues(shown), invalid, ...outbox };
}

const statusStyle: Record<string, string> = {
  SENT: "bg-green-100 text-green-900",
  PENDING: "bg-amber-100 text-amber-900",
  FAILED: "bg-red-100 text-red-900",
  NOT_SENT: "bg-slate-200 text-slate-900",
};

export default function Outbox() {
  const { messages, total, page, pages, configured, values, invalid } = useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation("admin");
  return (
    <div className="max-w-4xl">
      <BackLink to="/admin">{t("back")}</BackLink>
      <h1 className="mb-4 text-3xl font-bold">{t("outbox.title")}</h1>
      <p className="mb-4 text-slate-700">{t(configured ? "outbox.configured" : "outbox.notConfigured")}</p>
      <FilterBar
        label={t("outbox.filters")}
        clearTo="/admin/outbox"
        notice={invalid.length ? t("outbox.invalid", { names: invalid.map((n) => t(`outbox.${n}`)).join(", ") }) : null}
      >
        <FilterSelect
          id="outbox-status"
          name="status"
          label={t("outbox.status")}
          value={values.status}
          anyLabel={t("outbox.any")}
          options={OUTBOX_STATUSES.map((s) => [s, t(`outbox.statuses.${s}`)])}
        />
        <FilterInput id="outbox-to" name="to" label={t("outbox.to")} value={values.to} />
      </FilterBar>
      <p role="status" className="mb-2">
        {t("outbox.count", { count: total })}
      </p>
      {messages.length === 0 ? <p>{t("outbox.none")}</p> : null}
      <ul className="space-y-3">
        {messages.map((m) => (
          <li key={m.id} className="rounded-lg bg-white p-4 shadow">
            <div className="flex flex-wrap items-baseline justify-between gap-2">
              <h2 className="font-semibold break-words">{m.subject}</h2>
              <span className={`rounded px-2 py-0.5 text-sm font-semibold ${statusStyle[m.status] ?? ""}`}>{t(`outbox.statuses.${m.status}`)}</span>
            </div>
            <p className="text-sm text-slate-700">
              {t("outbox.to")}: {m.to} · {t(`outbox.kinds.${m.kind}`, { defaultValue: m.kind })} · {t("outbox.created")}{" "}
              <time dateTime={m.createdAt}>{formatDateTime(i18n.language, m.createdAt)}</time>
              {m.sentAt ? (
                <>
                  {" "}
                  · {t("outbox.sent")} <time dateTime={m.sentAt}>{formatDateTime(i18n.language, m.sentAt)}</time>
                </>
              ) : null}
              {m.attempts > 1 || m.error ? <> · {t("outbox.attempts", { n: m.attempts })}</> : null}
            </p>
            {m.error ? <p className="text-sm text-red-800">{t("outbox.error", { error: m.error })}</p> : null}
            <details className="mt-2">
              <summary className="cursor-pointer font-semibold text-blue-800">{t("outbox.body")}</summary>
              <pre lang={m.locale} className="mt-2 whitespace-pre-wrap break-words rounded bg-slate-50 p-3 font-sans text-sm">
                {m.text}
              </pre>
            </details>
          </li>
        ))}
      </ul>
      <Pagination page={page} pages={pages} />
    </div>
  );
}
