import { Form, Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { SelectFilter } from "~/components/ui/select-filter";

type Options = { institutions: { id: number; name: string }[]; principles: { key: string; title: string }[] };

export function BoardFilterForm({ options, values, invalid }: { options: Options; values: Record<string, string | undefined>; invalid: string[] }) {
  const { t } = useTranslation("board");
  const active = Object.values(values).filter((v) => v !== undefined && v !== "").length;
  // Folded away unless some filter is on, so that the cards come first (on a phone above all).
  return (
    <details open={active > 0 || invalid.length > 0} className="mb-2 rounded-lg bg-white shadow">
      <summary className="cursor-pointer px-3 py-2 font-semibold">
        {t("filters.summary")} {active ? <span className="font-normal">{t("filters.active", { count: active })}</span> : null}
      </summary>
      <Form method="get" role="search" aria-label={t("filters.label")} className="flex flex-wrap items-end gap-3 p-3 pt-0">
        <div>
          <label htmlFor="board-q" className="block text-sm font-semibold">
            {t("filters.q")}
          </label>
          <input id="board-q" name="q" type="search" defaultValue={values.q ?? ""} className="input" />
        </div>
        <SelectFilter
          compact
          id="board-institution"
          name="institution"
          label={t("filters.institution")}
          value={values.institution}
          anyLabel={t("filters.any")}
          options={options.institutions.map((i) => [String(i.id), i.name])}
        />
        <SelectFilter
          compact
          id="board-principle"
          name="principle"
          label={t("filters.principle")}
          value={values.principle}
          anyLabel={t("filters.any")}
          options={options.principles.map((p) => [p.key, p.title])}
        />
        <p className="flex items-center gap-2 pb-2">
          <input id="board-mine" type="checkbox" name="assignee" value="mine" defaultChecked={values.assignee === "mine"} className="h-5 w-5" />
          <label htmlFor="board-mine">{t("filters.mine")}</label>
        </p>
        <button type="submit" className="btn-primary">
          {t("filters.apply")}
        </button>
        <Link to="/board" className="btn-secondary">
          {t("filters.clear")}
        </Link>
        {invalid.length ? (
          <p role="alert" className="w-full text-amber-900">
            {t("filters.invalid", { names: invalid.map((n) => t(`filters.${n === "assignee" ? "mine" : n}`)).join(", ") })}
          </p>
        ) : null}
      </Form>
    </details>
  );
}
