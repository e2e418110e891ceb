import { useTranslation } from "react-i18next";
import { formatDate } from "~/utils/format";
import type { CaseData } from "./case.server";

/** A day of the case (YYYY-MM-DD) as the rest of the app shows dates: "2026. gada 14. novembris". */
function Day({ day, locale }: { day: string | null; locale: string }) {
  return day ? <time dateTime={day}>{formatDate(locale, day)}</time> : <>—</>;
}

/** The case summary as one printable page. */
export function CaseView({ c }: { c: CaseData }) {
  const { t, i18n } = useTranslation("lessons");
  const locale = i18n.language;
  const section = (key: string, children: React.ReactNode) => (
    <section aria-labelledby={`case-${key}`} className="mb-6 break-inside-avoid">
      <h2 id={`case-${key}`} className="mb-2 text-xl font-semibold">
        {t(`case.${key}`)}
      </h2>
      {children}
    </section>
  );
  // The idea's own answers are marked with the language it is written in; the lab's notes are not.
  const text = (value: string | null | undefined, lang?: string) =>
    value && value.trim() ? (
      <p className="mb-2 whitespace-pre-line" lang={lang}>
        {value}
      </p>
    ) : null;
  return (
    <article>
      <p className="text-sm text-slate-700">{t("case.label")}</p>
      <h1 className="mb-2 text-3xl font-bold break-words" lang={c.ideaLanguage}>
        {c.title}
      </h1>
      <dl className="mb-4 grid gap-x-6 gap-y-1 text-sm sm:grid-cols-2">
        <div>
          <dt className="inline font-semibold">{t("case.institution")}: </dt>
          <dd className="inline">{c.institution}</dd>
        </div>
        <div>
          <dt className="inline font-semibold">{t("case.outcome")}: </dt>
          <dd className="inline">{t(`case.${c.outcome}`)}</dd>
        </div>
        <div>
          <dt className="inline font-semibold">{t("case.period")}: </dt>
          <dd className="inline">
            <Day day={c.submittedOn} locale={locale} /> – <Day day={c.closedOn} locale={locale} />
          </dd>
        </div>
        <div>
          <dt className="inline font-semibold">{t("case.principles")}: </dt>
          <dd className="inline">{c.principles.map((p) => p.title).join("; ")}</dd>
        </div>
      </dl>
      {text(c.summary, c.ideaLanguage)}
      {section(
        "problemAndUsers",
        <>
          {Object.entries(c.problemAndUsers).map(([field, value]) => (typeof value === "string" ? <div key={field}>{text(value, c.ideaLanguage)}</div> : null))}
        </>,
      )}
      {section(
        "whatWasTried",
        <>
          {text(c.whatWasTried.solution, c.ideaLanguage)}
          <ul className="list-disc pl-6">
            {c.whatWasTried.experiments.map((e, i) => (
              <li key={i}>
                <strong>{t(`experiments:method.${e.methodType}`)}</strong> (<Day day={e.startsOn} locale={locale} /> – <Day day={e.endsOn} locale={locale} />
                ): {e.hypothesis}
              </li>
            ))}
          </ul>
        </>,
      )}
      {section("partners", text(c.partners || "—", c.partners ? c.ideaLanguage : undefined))}
      {section(
        "resultsAndImpact",
        <>
          {text(c.resultsAndImpact.closingNote)}
          <ul className="list-disc pl-6">
            {c.resultsAndImpact.results.map((r, i) => (
              <li key={i}>
                <strong>{r.result ? t(`experiments:result.${r.result}`) : "—"}</strong>: {r.observed}
              </li>
            ))}
          </ul>
        </>,
      )}
      {section(
        "challengesAndFailures",
        c.challengesAndFailures.length ? (
          <ul className="list-disc pl-6">
            {c.challengesAndFailures.map((f, i) => (
              <li key={i}>
                {f.hypothesis} — {f.learned}
              </li>
            ))}
          </ul>
        ) : (
          <p>{t("case.none")}</p>
        ),
      )}
      {section(
        "lessons",
        <ul className="list-disc pl-6">
          {c.lessons.map((l, i) => (
            <li key={i} className="whitespace-pre-line">
              {l.learned}
            </li>
          ))}
        </ul>,
      )}
      {section(
        "conditionsForReplication",
        <ul className="list-disc pl-6">
          <li>
            {t("case.methods")}: {c.conditionsForReplication.methods.map((m) => t(`experiments:method.${m}`)).join(", ") || "—"}
          </li>
          <li>
            {t("case.participants")}: {c.conditionsForReplication.participants}
          </li>
          {c.conditionsForReplication.firstTest ? (
            <li>
              {t("case.firstTest")}: <span lang={c.ideaLanguage}>{c.conditionsForReplication.firstTest}</span>
            </li>
          ) : null}
        </ul>,
      )}
    </article>
  );
}
