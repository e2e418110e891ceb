import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { getCase } from "~/modules/lesson/case.server";
import { CaseView } from "~/modules/lesson/case-view";
import { requireUser } from "~/utils/auth.server";
import { requireIdParam } from "~/utils/http.server";
import { getLocale, getT } from "~/utils/i18n.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.case.title} · ${data.appName}` : undefined }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const [c, t] = await Promise.all([getCase(user, requireIdParam(params.id), await getLocale(request)), getT(request)]);
  return { case: c, appName: t("appName") };
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
