import { useTranslation } from "react-i18next";
import { FilterBar, FilterCheckbox, FilterInput, FilterSelect } from "~/components/ui/filter-bar";

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
      <FilterBar
        label={t("filters.label")}
        clearTo="/board"
        className="p-3 pt-0"
        notice={invalid.length ? t("filters.invalid", { names: invalid.map((n) => t(`filters.${n === "assignee" ? "mine" : n}`)).join(", ") }) : null}
      >
        <FilterInput id="board-q" name="q" label={t("filters.q")} value={values.q} />
        <FilterSelect
          id="board-institution"
          name="institution"
          label={t("filters.institution")}
          value={values.institution}
          anyLabel={t("filters.any")}
          options={options.institutions.map((i) => [String(i.id), i.name])}
        />
        <FilterSelect
          id="board-principle"
          name="principle"
          label={t("filters.principle")}
          value={values.principle}
          anyLabel={t("filters.any")}
          options={options.principles.map((p) => [p.key, p.title])}
        />
        <FilterCheckbox id="board-mine" name="assignee" value="mine" label={t("filters.mine")} checked={values.assignee === "mine"} />
      </FilterBar>
    </details>
  );
}
