import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Pagination } from "~/components/ui/pagination";
import { getFilterOptions } from "~/modules/idea/idea-queries.server";
import { HighlightStems } from "~/components/ui/highlight";
import { LessonFilterForm, LessonList } from "~/modules/lesson/lesson-list";
import { listLessons, parseLessonFilters } from "~/modules/lesson/lesson.server";
import { requireUserWith } from "~/utils/auth.server";
import { getLocale, getT } from "~/utils/i18n.server";
import { formValues } from "~/utils/query";
import { pageMeta } from "~/utils/meta";
import { searchParamsOf } from "~/utils/http.server";

export const meta = pageMeta;
export { RouteErrorBoundary as ErrorBoundary } from "~/components/error-boundary";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUserWith(request, "lessons:view");
  const locale = await getLocale(request);
  const [t, options] = await Promise.all([getT(request, "lessons"), getFilterOptions(locale)]);
  const { filters, invalid } = parseLessonFilters(searchParamsOf(request), options);
  const lessons = await listLessons(user, filters, locale);
  const values = formValues(filters);
  return {
    title: `${t("title")} · ${t("common:appName")}`,
    options: { institutions: options.institutions, principles: options.principles.map((p) => ({ key: p.key, title: p.title })) },
    values,
    invalid,
    ...lessons,
  };
}

export default function Lessons() {
  const { entries, total, page, pages, options, values, invalid, stems, more } = useLoaderData<typeof loader>();
  const { t } = useTranslation("lessons");
  return (
    <div className="max-w-4xl">
      <h1 className="mb-2 text-3xl font-bold">{t("title")}</h1>
      <p className="mb-6 text-slate-700">{t("intro")}</p>
      <LessonFilterForm options={options} values={values} />
      {invalid.length ? (
        <p role="alert" className="mb-4 rounded-md border-l-4 border-amber-600 bg-amber-50 px-4 py-3">
          {t("invalid", { names: invalid.map((n) => t(n)).join(", ") })}
        </p>
      ) : null}
      <p role="status" className="mb-4">
        {more ? t("countMore", { count: total }) : t("count", { count: total })}
        {stems.length && total > 1 && !more ? ` ${t("ranked")}` : null}
      </p>
      {entries.length ? (
        <HighlightStems stems={stems}>
          <LessonList entries={entries} />
        </HighlightStems>
      ) : (
        <p>{t("empty")}</p>
      )}
      <Pagination page={page} pages={pages} />
    </div>
  );
}
