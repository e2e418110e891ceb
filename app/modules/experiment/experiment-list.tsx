import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { formatDate } from "~/utils/format";

type Experiment = {
  id: number;
  hypothesis: string;
  method: string;
  methodType: string;
  metric: string;
  successCriterion: string;
  participants: number | null;
  status: string;
  startsOn: string | null;
  endsOn: string | null;
  observed: string | null;
  learned: string | null;
  result: string | null;
  evidenceStrength: string | null;
  decision: string | null;
};

/** Each experiment as its Test Card and, once completed, its Learning Card. */
export function ExperimentList({ ideaId, experiments, canEdit }: { ideaId: number; experiments: Experiment[]; canEdit: boolean }) {
  const { t, i18n } = useTranslation("experiments");
  const row = (label: string, value: string | number | null) =>
    value === null || value === "" ? null : (
      <div className="break-inside-avoid">
        <dt className="font-semibold">{label}</dt>
        <dd className="whitespace-pre-line">{value}</dd>
      </div>
    );
  return (
    <div>
      {experiments.length === 0 ? <p className="mb-3 text-slate-700">{t("ideas:page.noExperiments")}</p> : null}
      <ol className="space-y-4">
        {experiments.map((e, i) => (
          <li key={e.id} className="rounded-lg border border-slate-300 bg-white p-4">
            <h3 className="mb-2 font-semibold">
              {t("number", { n: i + 1 })} · {t(`method.${e.methodType}`)} · {t(`status.${e.status}`)}
              {e.result ? ` · ${t(`result.${e.result}`)}` : ""}
            </h3>
            <p className="mb-3 text-sm text-slate-700">
              {e.startsOn ? formatDate(i18n.language, e.startsOn) : ""}
              {e.endsOn ? ` – ${formatDate(i18n.language, e.endsOn)}` : ""}
              {e.participants !== null ? ` · ${t("participantsCount", { count: e.participants })}` : ""}
            </p>
            <div className="grid gap-4 md:grid-cols-2">
              <div>
                <p className="mb-2 text-sm font-semibold uppercase tracking-wide text-slate-700">{t("testCard")}</p>
                <dl className="space-y-2">
                  {row(t("fields.hypothesis.label"), e.hypothesis)}
                  {row(t("fields.method.label"), e.method)}
                  {row(t("fields.metric.label"), e.metric)}
                  {row(t("fields.successCriterion.label"), e.successCriterion)}
                </dl>
              </div>
              {e.status === "COMPLETED" ? (
                <div>
                  <p className="mb-2 text-sm font-semibold uppercase tracking-wide text-slate-700">{t("learningCard")}</p>
                  <dl className="space-y-2">
                    {row(t("fields.observed.label"), e.observed)}
                    {row(t("fields.learned.label"), e.learned)}
                    {row(t("fields.evidenceStrength.label"), e.evidenceStrength ? t(`strength.${e.evidenceStrength}`) : null)}
                    {row(t("fields.decision.label"), e.decision ? t(`decision.${e.decision}`) : null)}
                  </dl>
                </div>
              ) : null}
            </div>
            {canEdit ? (
              <p className="mt-3 no-print">
                <Link to={`/ideas/${ideaId}/experiments/${e.id}`} className="link" aria-label={t("editNumber", { n: i + 1 })}>
                  {e.status === "COMPLETED" ? t("edit") : t("updateOrComplete")}
                </Link>
              </p>
            ) : null}
          </li>
        ))}
      </ol>
      {canEdit ? (
        <p className="mt-4 no-print">
          <Link to={`/ideas/${ideaId}/experiments/new`} className="btn-secondary">
            {t("add")}
          </Link>
        </p>
      ) : null}
    </div>
  );
}
