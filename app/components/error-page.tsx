import { Link, isRouteErrorResponse } from "@remix-run/react";
import { useTranslation } from "react-i18next";

/** The translated page for 400, 403, 404 and unexpected errors. */
export function ErrorPage({ error }: { error: unknown }) {
  const { t } = useTranslation();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const [title, body] =
    status === 404
      ? [t("errors.notFoundTitle"), t("errors.notFoundBody")]
      : status === 403
        ? [t("errors.forbiddenTitle"), t("errors.forbiddenBody")]
        : status === 400
          ? [t("errors.badRequestTitle"), t("errors.badRequestBody")]
          : [t("errors.unexpectedTitle"), t("errors.unexpectedBody")];
  return (
    <div className="max-w-2xl">
      <h1 className="text-3xl font-bold mb-4">{title}</h1>
      <p className="mb-2">{body}</p>
      <p className="mb-6 text-slate-700">{t("errors.status", { status })}</p>
      <Link to="/" className="link">
        {t("errors.home")}
      </Link>
    </div>
  );
}
