import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";

/** An honest placeholder for a page that a later version fills. */
export function ComingSoon({ pageKey }: { pageKey: string }) {
  const { t } = useTranslation();
  return (
    <div className="max-w-2xl">
      <h1 className="mb-4 text-3xl font-bold">{t("comingSoon.title", { page: t(pageKey) })}</h1>
      <p className="mb-6">{t("comingSoon.body")}</p>
      <Link to="/" className="link">
        {t("comingSoon.back")}
      </Link>
    </div>
  );
}
