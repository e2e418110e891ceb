import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { formatDate } from "~/utils/format";
import { DECISIONS, METHOD_TYPES, RESULTS } from "~/modules/experiment/cards";
import { PrincipleChips } from "~/modules/idea/status-label";
import type { LessonEntry } from "./lesson.server";
import { FilterBar, FilterInput, FilterSelect } from "~/components/ui/filter-bar";
import { Highlighted } from "~/components/ui/highlight";

/** Results in words and with a symbol, so a failure reads as plainly as a success without colour. */
function Outcome({ entry }: { entry: LessonEntry }) {
  const { t } = useTranslation("lessons");
  const label =
    entry.kind === "experiment"
      ? entry.result
        ? t(`experiments:result.${entry.result}`)
        : ""
      : entry.outcome === "implemented"
        ? t("implemented")
        : t("stopped");
  const good = entry.kind === "experiment" ? entry.result === "VALIDATED" : entry.outcome === "implemented";
  const neutral = entry.kind === "experiment" && entry.result === "INCONCLUSIVE";
  const style = good ? "border-green-800 text-green-900" : neutral ? "border-slate-700 text-slate-900" : "border-red-800 text-red-900";
  return <span className={`inline-block rounded border-2 bg-white px-2 py-0.5 text-sm font-semibold ${style}`}>{label}</span>;
}

export function LessonList({ entries }: { entries: LessonEntry[] }) {
  const { t, i18n } = useTranslation("lessons");
  return (
    <ul className="space-y-4">
      {entries.map((entry) => (
        <li key={entry.key} className="rounded-lg bg-white p-4 shadow">
          <p className="mb-1 flex flex-wrap items-center gap-3 text-sm text-slate-700">
            <Outcome entry={entry} />
            <span>{entry.kind === "experiment" ? `${t("experiment")} · ${t(`experiments:method.${entry.methodType}`)}` : t("closedIdea")}</span>
            <time dateTime={entry.date}>{formatDate(i18n.language, entry.date)}</time>
          </p>
          <h2 className="text-lg font-semibold break-words">
            <Link to={`/ideas/${entry.ideaId}${entry.kind === "experiment" ? "#experiments" : ""}`} className="link" lang={entry.ideaLanguage}>
              <Highlighted text={entry.ideaTitle} />
            </Link>
          </h2>
          <p className="mb-2 text-sm text-slate-700">{entry.institution}</p>
          {entry.kind === "experiment" ? (
            <dl className="space-y-2">
              <div>
                <dt className="font-semibold">{t("experiments:fields.hypothesis.label")}</dt>
                <dd className="whitespace-pre-line">
                  <Highlighted text={entry.hypothesis} />
                </dd>
              </div>
              {entry.learned ? (
                <div>
                  <dt className="font-semibold">{t("experiments:fields.learned.label")}</dt>
                  <dd className="whitespace-pre-line">
                    <Highlighted text={entry.learned} />
                  </dd>
                </div>
              ) : null}
              {entry.decision ? (
                <div>
                  <dt className="font-semibold">{t("experiments:fields.decision.label")}</dt>
                  <dd>{t(`experiments:decision.${entry.decision}`)}</dd>
                </div>
              ) : null}
            </dl>
          ) : (
            <>
              <p className="whitespace-pre-line">
                <Highlighted text={entry.closingNote ?? ""} />
              </p>
              <p className="mt-2">
                <Link to={`/ideas/${entry.ideaId}/case`} className="link">
                  {t("caseLink")}
                </Link>
              </p>
            </>
          )}
          <div className="mt-2">
            <PrincipleChips keys={entry.principles} />
          </div>
        </li>
      ))}
    </ul>
  );
}

type Options = { institutions: { id: number; name: string }[]; principles: { key: string; title: string }[] };

export function LessonFilterForm({ options, values }: { options: Options; values: Record<string, string | undefined> }) {
  const { t } = useTranslation("lessons");
  const select = (name: string, label: string, choices: [string, string][]) => (
    <FilterSelect id={`lessons-${name}`} name={name} label={label} value={values[name]} anyLabel={t("any")} options={choices} />
  );
  return (
    <FilterBar label={t("filters")} clearTo="/lessons">
      <FilterInput id="lessons-q" name="q" label={t("q")} hint={t("qHelp")} value={values.q} />
      {select(
        "principle",
        t("principle"),
        options.principles.map((p) => [p.key, p.title]),
      )}
      {select(
        "institution",
        t("institution"),
        options.institutions.map((i) => [String(i.id), i.name]),
      )}
      {select(
        "method",
        t("method"),
        METHOD_TYPES.map((m) => [m, t(`experiments:method.${m}`)]),
      )}
      {select(
        "result",
        t("result"),
        RESULTS.map((r) => [r, t(`experiments:result.${r}`)]),
      )}
      {select(
        "decision",
        t("decision"),
        DECISIONS.map((d) => [d, t(`experiments:decision.${d}`)]),
      )}
    </FilterBar>
  );
}
