import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { handleForm } from "~/core/form.server";
import { FigureSections, MineSections, WorkSections } from "~/modules/user/home-view";
import { HomeSeenSchema, getHomeData, markHomeSeen } from "~/modules/user/home.server";
import { requireUser } from "~/utils/auth.server";
import { getLocale, getT } from "~/utils/i18n.server";
import { pageMeta } from "~/utils/meta";

export const meta = pageMeta;
export { RouteErrorBoundary as ErrorBoundary } from "~/components/error-boundary";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const [t, locale] = await Promise.all([getT(request), getLocale(request)]);
  const home = await getHomeData(user, locale);
  return { title: `${t("home.title")} · ${t("appName")}`, user: { name: user.name, role: user.role }, ...home };
}

/** "Mark as seen" for the news about the person's ideas: a POST, so that reading the page never hides news. */
export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  return handleForm(request, {
    schema: HomeSeenSchema,
    hidden: ["until"],
    run: (value) => markHomeSeen(user, { until: value.until }),
    done: () => ({ redirect: "/#news", toast: "common:home.news.marked" }),
  });
}

export default function Home() {
  const { user, institution, mine, work, figures, loadedAt } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <div className="max-w-3xl">
      <h1 className="mb-2 text-3xl font-bold">{t("home.title")}</h1>
      <p className="mb-6 text-slate-700">
        {t("home.greeting")} {t("home.who", { name: user.name, role: t(`roles.${user.role}`), institution })}
      </p>
      {mine ? <MineSections mine={mine} loadedAt={loadedAt} /> : null}
      {work ? <WorkSections work={work} /> : null}
      {figures ? <FigureSections figures={figures} /> : null}
    </div>
  );
}
