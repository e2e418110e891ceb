import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireUserWith } from "~/utils/auth.server";
import { getT } from "~/utils/i18n.server";
import { pageMeta } from "~/utils/meta";

export const meta = pageMeta;
export { RouteErrorBoundary as ErrorBoundary } from "~/components/error-boundary";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUserWith(request, "admin:users");
  const t = await getT(request);
  return { title: `${t("nav.admin")} · ${t("appName")}` };
}

export default function Admin() {
  const { t } = useTranslation();
  return (
    <div className="max-w-2xl">
      <h1 className="mb-4 text-3xl font-bold">{t("nav.admin")}</h1>
      <ul className="list-disc pl-6">
        <li>
          <Link to="/admin/users" className="link">
            {t("admin:links.users")}
          </Link>
        </li>
        <li>
          <Link to="/admin/institutions" className="link">
            {t("admin:links.institutions")}
          </Link>
        </li>
        <li>
          <Link to="/admin/sign-in" className="link">
            {t("admin:links.signIn")}
          </Link>
        </li>
        <li>
          <Link to="/admin/stages" className="link">
            {t("admin:links.stages")}
          </Link>
        </li>
        <li>
          <Link to="/admin/audit" className="link">
            {t("admin:links.audit")}
          </Link>
        </li>
        <li>
          <Link to="/admin/outbox" className="link">
            {t("admin:links.outbox")}
          </Link>
        </li>
      </ul>
    </div>
  );
}
