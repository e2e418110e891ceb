import { Link, isRouteErrorResponse } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { errorStatus } from "~/utils/meta";

/** The page for an HTTP error (400, 403, 404, 409, 413, 429) or an unexpected one (500), in the person's language. */
export function ErrorPage({ error }: { error: unknown }) {
  const { t } = useTranslation();
  const status = errorStatus(isRouteErrorResponse(error) ? error.status : 500);
  return (
    <div className="max-w-2xl">
      <h1 className="mb-4 text-3xl font-bold">{t(`errors.pages.${status}.title`)}</h1>
      <p className="mb-2">{t(`errors.pages.${status}.body`)}</p>
      <p className="mb-6 text-slate-700">{t("errors.status", { status: isRouteErrorResponse(error) ? error.status : 500 })}</p>
      <Link to="/" className="link">
        {t("errors.home")}
      </Link>
    </div>
  );
}
