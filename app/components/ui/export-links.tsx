import { useId } from "react";
import { useTranslation } from "react-i18next";

export type ExportLink = { href: string; label: string };

/**
 * The downloads of a page: each export as a spreadsheet (.xlsx, for people) and as CSV (for
 * machines), with a note under them saying which is which.
 */
export function ExportLinks({ links }: { links: ExportLink[] }) {
  const { t } = useTranslation("common");
  const note = useId();
  return (
    <div className="no-print">
      <p className="flex flex-wrap gap-3">
        {links.map((link) => (
          <a key={link.href} href={link.href} className="btn-secondary" download aria-describedby={note}>
            {link.label}
          </a>
        ))}
      </p>
      <p id={note} className="mt-1 text-sm text-slate-700">
        {t("exports.note")}
      </p>
    </div>
  );
}
