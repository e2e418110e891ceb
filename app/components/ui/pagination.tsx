import { Link, useLocation } from "@remix-run/react";
import { useTranslation } from "react-i18next";

/** Links to the previous, next and nearby pages, keeping every other search parameter. */
export function Pagination({ page, pages }: { page: number; pages: number }) {
  const { t } = useTranslation();
  const location = useLocation();
  if (pages <= 1) return null;
  const href = (p: number) => {
    const params = new URLSearchParams(location.search);
    if (p === 1) params.delete("page");
    else params.set("page", String(p));
    const query = params.toString();
    return `${location.pathname}${query ? `?${query}` : ""}`;
  };
  const nearby = Array.from(new Set([1, page - 2, page - 1, page, page + 1, page + 2, pages]))
    .filter((p) => p >= 1 && p <= pages)
    .sort((a, b) => a - b);
  return (
    <nav aria-label={t("pagination.label")} className="mt-6 no-print">
      <p className="mb-2 text-sm text-slate-700">{t("pagination.pageOf", { page, pages })}</p>
      <ul className="flex flex-wrap items-center gap-2">
        {page > 1 ? (
          <li>
            <Link to={href(page - 1)} className="btn-secondary" rel="prev">
              {t("pagination.previous")}
            </Link>
          </li>
        ) : null}
        {nearby.map((p, i) => (
          <li key={p} className="flex items-center gap-2">
            {i > 0 && p - nearby[i - 1] > 1 ? <span aria-hidden="true">…</span> : null}
            {p === page ? (
              <span aria-current="page" className="btn border-brand bg-brand text-white">
                <span className="sr-only">{t("pagination.page")} </span>
                {p}
              </span>
            ) : (
              <Link to={href(p)} className="btn-secondary">
                <span className="sr-only">{t("pagination.page")} </span>
                {p}
              </Link>
            )}
          </li>
        ))}
        {page < pages ? (
          <li>
            <Link to={href(page + 1)} className="btn-secondary" rel="next">
              {t("pagination.next")}
            </Link>
          </li>
        ) : null}
      </ul>
    </nav>
  );
}
