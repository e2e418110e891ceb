import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { getCase } from "~/modules/lesson/case.server";
import { CaseView } from "~/modules/lesson/case-view";
import { requireUser } from "~/utils/auth.server";
import { requireIdParam } from "~/utils/http.server";
import { getLocale, getT } from "~/utils/i18n.server";
import { pageMeta } from "~/utils/meta";

export const meta = pageMeta;
export { RouteErrorBoundary as ErrorBoundary } from "~/components/error-boundary";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const [c, t] = await Promise.all([getCase(user, requireIdParam(params.id), await getLocale(request)), getT(request)]);
  return { case: c, title: `${c.title} · ${t("appName")}` };
}

export default function CasePage() {
  const { case: c } = useLoaderData<typeof loader>();
  const { t } = useTranslation("lessons");
  return (
    <div className="max-w-3xl">
      <p className="mb-4 flex flex-wrap gap-4 no-print">
        <Link to={`/ideas/${c.id}`} className="link">
          {t("case.toIdea")}
        </Link>
        <a href={`/ideas/${c.id}/case.md`} className="link" download>
          {t("case.downloadMd")}
        </a>
        <a href={`/ideas/${c.id}/case.json`} className="link" download>
          {t("case.downloadJson")}
        </a>
      </p>
      <CaseView c={c} />
    </div>
  );
}
