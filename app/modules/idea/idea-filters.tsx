import { useTranslation } from "react-i18next";
import { FilterBar, FilterInput, FilterSelect } from "~/components/ui/filter-bar";
import { LISTED_STATUSES } from "./idea.schema";

type Options = {
  stages: { key: string; name: string }[];
  institutions: { id: number; name: string }[];
  principles: { key: string; title: string }[];
};

/** A GET form: every filter lives in the URL, so a link reproduces the view. Works without JavaScript. */
export function IdeaFilters({ options, values }: { options: Options; values: Record<string, string | undefined> }) {
  const { t } = useTranslation("ideas");
  return (
    <FilterBar label={t("filters.label")} clearTo="/ideas">
      <FilterInput id="filter-q" name="q" label={t("filters.q")} hint={t("filters.qHelp")} value={values.q} />
      <FilterSelect
        anyLabel={t("filters.any")}
        id="filter-stage"
        name="stage"
        label={t("filters.stage")}
        value={values.stage}
        options={options.stages.map((s) => [s.key, s.name])}
      />
      <FilterSelect
        anyLabel={t("filters.any")}
        id="filter-status"
        name="status"
        label={t("filters.status")}
        value={values.status}
        options={LISTED_STATUSES.map((s) => [s, t(`status.${s}`)])}
      />
      <FilterSelect
        anyLabel={t("filters.any")}
        id="filter-institution"
        name="institution"
        label={t("filters.institution")}
        value={values.institution}
        options={options.institutions.map((i) => [String(i.id), i.name])}
      />
      <FilterSelect
        anyLabel={t("filters.any")}
        id="filter-principle"
        name="principle"
        label={t("filters.principle")}
        value={values.principle}
        options={options.principles.map((p) => [p.key, p.title])}
      />
    </FilterBar>
  );
}
