import { Form, Link, useLocation } from "@remix-run/react";
import { useTranslation } from "react-i18next";

/**
 * The filters of a list, the same on every page: a GET form (every filter lives in the URL, so a
 * link reproduces the view, and it works without JavaScript), its fields side by side with their
 * controls on one line (same height, same width for the same kind of field), then "Show" and one
 * "Clear filters" link back to the unfiltered list. On a phone the fields stack, full width.
 */
export function FilterBar({
  label,
  clearTo,
  notice,
  footer,
  className = "mb-6 rounded-lg bg-white p-4 shadow no-print",
  children,
}: {
  /** The form's name for assistive technology ("Filter the ideas"). */
  label: string;
  /** The list without any filter. */
  clearTo: string;
  /** Said above the fields, announced: the filters that were ignored, say. */
  notice?: React.ReactNode;
  /** A note under the fields. */
  footer?: React.ReactNode;
  /** The form's box, when it sits in one of its own (the board's folding filters). */
  className?: string;
  children: React.ReactNode;
}) {
  const { t } = useTranslation();
  // The fields are drawn afresh for each URL, so that after a filter or "Clear filters" (a client-side
  // navigation) they show the filters of the list shown, not what was last chosen.
  const { search } = useLocation();
  return (
    <Form method="get" role="search" aria-label={label} className={className}>
      {notice ? (
        <div role="alert" className="mb-4 rounded-md border-l-4 border-amber-600 bg-amber-50 px-4 py-3 text-amber-950">
          {notice}
        </div>
      ) : null}
      <div key={search} className="flex flex-wrap items-end gap-4">
        {children}
        <div className="flex flex-wrap items-center gap-x-6 gap-y-3">
          <button type="submit" className="btn-primary">
            {t("filters.apply")}
          </button>
          <Link to={clearTo} className="link py-2" data-testid="clear-filters">
            {t("filters.clear")}
          </Link>
        </div>
      </div>
      {footer}
    </Form>
  );
}

type Width = "narrow" | "medium" | "wide";
const WIDTHS: Record<Width, string> = { narrow: "sm:w-44", medium: "sm:w-60", wide: "sm:w-80" };
/** Every control of a filter bar: one height (that of the buttons), so text fields, dates and selects line up. */
const CONTROL = "input h-11 py-0";

/** A filter field: label, hint, control; the control's width set by its kind. */
function FilterField({ id, label, hint, width, children }: { id: string; label: string; hint?: string; width: Width; children: React.ReactNode }) {
  return (
    <div className={`w-full ${WIDTHS[width]}`}>
      <label htmlFor={id} className="mb-1 block font-semibold">
        {label}
      </label>
      {hint ? (
        <p id={`${id}-hint`} className="mb-1 text-sm text-slate-700">
          {hint}
        </p>
      ) : null}
      {children}
    </div>
  );
}

/** A text (search words, an e-mail address) or date filter. */
export function FilterInput({
  id,
  name,
  label,
  value,
  hint,
  describedBy,
  type = "search",
}: {
  id: string;
  name: string;
  label: string;
  value?: string;
  hint?: string;
  /** More ids that describe the field (a note shared by two date fields). */
  describedBy?: string;
  type?: "search" | "date";
}) {
  const described = [hint ? `${id}-hint` : null, describedBy ?? null].filter(Boolean).join(" ") || undefined;
  return (
    <FilterField id={id} label={label} hint={hint} width={type === "date" ? "narrow" : "wide"}>
      <input id={id} name={name} type={type} defaultValue={value ?? ""} className={CONTROL} aria-describedby={described} />
    </FilterField>
  );
}

/** A select filter; with `anyLabel`, its empty first option means "any". */
export function FilterSelect({
  id,
  name,
  label,
  value,
  anyLabel,
  options,
  onChange,
}: {
  id: string;
  name: string;
  label: string;
  value?: string;
  anyLabel?: string;
  options: [string, string][];
  onChange?: (value: string) => void;
}) {
  return (
    <FilterField id={id} label={label} width="medium">
      <select id={id} name={name} defaultValue={value ?? ""} className={CONTROL} onChange={onChange ? (event) => onChange(event.target.value) : undefined}>
        {anyLabel !== undefined ? <option value="">{anyLabel}</option> : null}
        {options.map(([v, text]) => (
          <option key={v} value={v}>
            {text}
          </option>
        ))}
      </select>
    </FilterField>
  );
}

/** A yes/no filter (the board's "only mine"), on the line of the controls. */
export function FilterCheckbox({ id, name, value, label, checked }: { id: string; name: string; value: string; label: string; checked: boolean }) {
  return (
    <p className="flex h-11 items-center gap-2">
      <input id={id} type="checkbox" name={name} value={value} defaultChecked={checked} className="h-5 w-5" />
      <label htmlFor={id}>{label}</label>
    </p>
  );
}
