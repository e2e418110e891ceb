import { Form, Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { SelectFilter } from "~/components/ui/select-filter";
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
    <Form method="get" role="search" aria-label={t("filters.label")} className="mb-6 rounded-lg bg-white p-4 shadow no-print">
      <div className="grid gap-4 md:grid-cols-3">
        <div className="md:col-span-3">
          <label htmlFor="filter-q" className="mb-1 block font-semibold">
            {t("filters.q")}
          </label>
          <input id="filter-q" name="q" type="search" defaultValue={values.q ?? ""} className="input" aria-describedby="filter-q-help" />
          <p id="filter-q-help" className="mt-1 text-sm text-slate-700">
            {t("filters.qHelp")}
          </p>
        </div>
        <SelectFilter
          anyLabel={t("filters.any")}
          id="filter-stage"
          name="stage"
          label={t("filters.stage")}
          value={values.stage}
          options={options.stages.map((s) => [s.key, s.name])}
        />
        <SelectFilter
          anyLabel={t("filters.any")}
          id="filter-status"
          name="status"
          label={t("filters.status")}
          value={values.status}
          options={LISTED_STATUSES.map((s) => [s, t(`status.${s}`)])}
        />
        <SelectFilter
          anyLabel={t("filters.any")}
          id="filter-institution"
          name="institution"
          label={t("filters.institution")}
          value={values.institution}
          options={options.institutions.map((i) => [String(i.id), i.name])}
        />
        <SelectFilter
          anyLabel={t("filters.any")}
          id="filter-principle"
          name="principle"
          label={t("filters.principle")}
          value={values.principle}
          options={options.principles.map((p) => [p.key, p.title])}
        />
      </div>
      <div className="mt-4 flex flex-wrap gap-3">
        <button type="submit" className="btn-primary">
          {t("filters.apply")}
        </button>
        <Link to="?" className="btn-secondary">
          {t("filters.clear")}
        </Link>
      </div>
    </Form>
  );
}
