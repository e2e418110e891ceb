import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Pagination } from "~/components/ui/pagination";
import { IdeaList } from "~/modules/idea/idea-list";
import { PageSchema } from "~/modules/idea/idea.schema";
import { listMyIdeas } from "~/modules/idea/idea-queries.server";
import { requireUserWith } from "~/utils/auth.server";
import { getLocale, getT } from "~/utils/i18n.server";
import { parseFilters } from "~/utils/query";
import { pageMeta } from "~/utils/meta";
import { searchParamsOf } from "~/utils/http.server";

export const meta = pageMeta;
export { RouteErrorBoundary as ErrorBoundary } from "~/components/error-boundary";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUserWith(request, "idea:create");
  const locale = await getLocale(request);
  const { filters } = parseFilters(PageSchema, searchParamsOf(request));
  const t = await getT(request, "ideas");
  const list = await listMyIdeas(user, filters.page, locale);
  return { title: `${t("mine.title")} · ${t("common:appName")}`, ...list };
}

export default function MyIdeas() {
  const { items, page, pages, waiting, total } = useLoaderData<typeof loader>();
  const { t } = useTranslation("ideas");
  return (
    <div>
      <div className="mb-6 flex flex-wrap items-center justify-between gap-4">
        <h1 className="text-3xl font-bold">{t("mine.title")}</h1>
        <Link to="/ideas/new" className="btn-primary">
          {t("mine.new")}
        </Link>
      </div>
      {waiting > 0 ? (
        <p role="status" className="mb-4 rounded-md border-l-4 border-amber-600 bg-amber-50 px-4 py-3 font-medium">
          {t("mine.waitingCount", { count: waiting })}
        </p>
      ) : null}
      {total === 0 ? <p>{t("mine.empty")}</p> : <IdeaList items={items} showWaiting />}
      <Pagination page={page} pages={pages} />
    </div>
  );
}
