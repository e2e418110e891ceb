import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { formatDate } from "~/utils/format";
import { LEARNING_CARD, TEST_CARD } from "./cards";

type Experiment = {
  id: number;
  methodType: string;
  status: string;
  result: string | null;
  startsOn: string | null;
  endsOn: string | null;
  participants: number | null;
} & Record<(typeof TEST_CARD)[number]["name"] | (typeof LEARNING_CARD)[number]["name"], string | number | null>;

/** The card fields shown as text on the idea page (the rest are in the heading and the dates line). */
const TEST_CARD_SHOWN = TEST_CARD.filter((f) => f.type === "text");
const LEARNING_CARD_SHOWN = LEARNING_CARD.filter((f) => f.name !== "result");

/** Each experiment as its Test Card and, once completed, its Learning Card. */
export function ExperimentList({ ideaId, experiments, canEdit }: { ideaId: number; experiments: Experiment[]; canEdit: boolean }) {
  const { t, i18n } = useTranslation("experiments");
  const row = (key: string, label: string, value: string | number | null) =>
    value === null || value === "" ? null : (
      <div key={key} className="break-inside-avoid">
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
                <dl className="space-y-2">{TEST_CARD_SHOWN.map((f) => row(f.name, t(`fields.${f.name}.label`), e[f.name]))}</dl>
              </div>
              {e.status === "COMPLETED" ? (
                <div>
                  <p className="mb-2 text-sm font-semibold uppercase tracking-wide text-slate-700">{t("learningCard")}</p>
                  <dl className="space-y-2">
                    {LEARNING_CARD_SHOWN.map((f) => {
                      const value = e[f.name];
                      return row(f.name, t(`fields.${f.name}.label`), f.type === "choice" && value ? t(`${f.labels}.${value}`) : value);
                    })}
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
