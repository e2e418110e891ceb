// The home page's lists: what waits for the person, each list with its total, a link to the full
// list and, when empty, a sentence that says so.
import { Link } from "@remix-run/react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { ButtonForm } from "~/components/form";
import { formatDate, formatNumber } from "~/utils/format";
import type { HomeChange, HomeData } from "./home.server";

type Translate = ReturnType<typeof useTranslation>["t"];

/** "today", "1 day ago", "3 days ago", in the reader's plural forms. */
const ago = (t: Translate, days: number) => (days === 0 ? t("home.today") : t("home.ago", { count: days }));

function Section({
  id,
  title,
  desc,
  intro,
  shown,
  total,
  changes = false,
  empty,
  link,
  actions,
  children,
}: {
  id: string;
  title: string;
  desc?: string;
  /** Shown before the list (the week's figures). */
  intro?: ReactNode;
  shown: number;
  total: number;
  changes?: boolean;
  empty: string;
  link: { to: string; label: string } | null;
  actions?: ReactNode;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby={`${id}-title`} id={id} className="mb-6 rounded-lg bg-white p-4 shadow">
      <h2 id={`${id}-title`} className="mb-1 text-xl font-semibold">
        {title}
      </h2>
      {desc ? <p className="mb-3 text-sm text-slate-700">{desc}</p> : null}
      {intro}
      {shown ? <ul className="mb-3 divide-y divide-slate-200">{children}</ul> : <p className="mb-3">{empty}</p>}
      {total > shown ? <p className="mb-2 text-sm text-slate-700">{t(changes ? "home.changesShown" : "home.shown", { shown, count: total })}</p> : null}
      <div className="flex flex-wrap items-center gap-4">
        {link ? (
          <Link to={link.to} className="link">
            {link.label}
          </Link>
        ) : null}
        {actions}
      </div>
    </section>
  );
}

function Change({ change }: { change: HomeChange }) {
  const { t } = useTranslation();
  return (
    <li className="py-2">
      <Link to={`/ideas/${change.ideaId}`} className="link break-words" lang={change.language}>
        {change.title}
      </Link>
      <span className="block text-sm text-slate-700">
        {t(`ideas:events.${change.type}`, { from: change.from, to: change.to })}
        {change.actor ? ` · ${change.actor}` : ""} · <time dateTime={change.at}>{ago(t, change.days)}</time>
      </span>
    </li>
  );
}

/** A submitter's part: drafts, ideas returned with a question, news since they last marked it seen. */
export function MineSections({ mine, loadedAt }: { mine: NonNullable<HomeData["mine"]>; loadedAt: number }) {
  const { t, i18n } = useTranslation();
  const { drafts, returned, news } = mine;
  return (
    <>
      <Section
        id="returned"
        title={t("home.returned.title")}
        shown={returned.items.length}
        total={returned.total}
        empty={t("home.returned.empty")}
        link={{ to: "/ideas/mine", label: t("home.returned.all") }}
      >
        {returned.items.map((idea) => (
          <li key={idea.id} className="py-2">
            <Link to={`/ideas/${idea.id}`} className="link break-words font-semibold" lang={idea.language}>
              {idea.title}
            </Link>
            <p className="mt-1 whitespace-pre-line break-words">
              <span className="font-semibold">{t("home.returned.question")}</span> {idea.question}
            </p>
            <Link to={`/ideas/${idea.id}/edit`} className="link text-sm">
              {t("home.returned.answer", { title: idea.title })}
            </Link>
          </li>
        ))}
      </Section>
      <Section
        id="drafts"
        title={t("home.drafts.title")}
        shown={drafts.items.length}
        total={drafts.total}
        empty={t("home.drafts.empty")}
        link={{ to: "/ideas/mine", label: t("home.drafts.all") }}
        actions={
          <Link to="/ideas/new" className="btn-secondary">
            {t("home.drafts.new")}
          </Link>
        }
      >
        {drafts.items.map((idea) => (
          <li key={idea.id} className="py-2">
            <Link to={`/ideas/${idea.id}/edit`} className="link break-words" lang={idea.language}>
              {idea.title}
            </Link>
            <span className="block text-sm text-slate-700">{t("home.drafts.edited", { when: ago(t, idea.days) })}</span>
          </li>
        ))}
      </Section>
      <Section
        id="news"
        title={t("home.news.title")}
        desc={news.since ? t("home.news.since", { date: formatDate(i18n.language, news.since) }) : t("home.news.never")}
        shown={news.items.length}
        total={news.total}
        changes
        empty={t("home.news.empty")}
        link={{ to: "/notifications", label: t("home.news.all") }}
        actions={news.items.length ? <ButtonForm id="seen" fields={{ intent: "seen", until: loadedAt }} label={t("home.news.seen")} /> : null}
      >
        {news.items.map((change) => (
          <Change key={change.id} change={change} />
        ))}
      </Section>
    </>
  );
}

/** A facilitator's part: waiting for triage, assigned to them, stale. */
export function WorkSections({ work }: { work: NonNullable<HomeData["work"]> }) {
  const { t } = useTranslation();
  const { triage, assigned, stale } = work;
  return (
    <>
      <Section
        id="triage"
        title={t("home.triage.title")}
        desc={t("home.triage.desc")}
        shown={triage.items.length}
        total={triage.total}
        empty={t("home.triage.empty")}
        link={work.intakeKey ? { to: `/ideas?stage=${encodeURIComponent(work.intakeKey)}`, label: t("home.triage.all") } : null}
      >
        {triage.items.map((idea) => (
          <li key={idea.id} className="py-2">
            <Link to={`/ideas/${idea.id}/manage`} className="link break-words" lang={idea.language}>
              {idea.title}
            </Link>
            <span className="block text-sm text-slate-700">
              {idea.institution} · {t("home.triage.waiting", { when: ago(t, idea.days) })}
            </span>
          </li>
        ))}
      </Section>
      <Section
        id="assigned"
        title={t("home.assigned.title")}
        desc={t("home.assigned.desc")}
        shown={assigned.items.length}
        total={assigned.total}
        empty={t("home.assigned.empty")}
        link={{ to: "/board?assignee=mine", label: t("home.assigned.all") }}
      >
        {assigned.items.map((idea) => (
          <li key={idea.id} className="py-2">
            <Link to={`/ideas/${idea.id}`} className="link break-words" lang={idea.language}>
              {idea.title}
            </Link>
            <span className="block text-sm text-slate-700">
              {idea.stage} · {t("board:card.days", { count: idea.days })}
            </span>
          </li>
        ))}
      </Section>
      <Section
        id="stale"
        title={t("home.stale.title")}
        desc={t("home.stale.desc")}
        shown={stale.items.length}
        total={stale.total}
        empty={t("home.stale.empty")}
        link={{ to: "/dashboard#stale-title", label: t("home.stale.all") }}
      >
        {stale.items.map((idea) => (
          <li key={idea.id} className="py-2">
            <Link to={`/ideas/${idea.id}`} className="link break-words" lang={idea.language}>
              {idea.title}
            </Link>
            <span className="block text-sm text-slate-700">
              {idea.stage} · {t("home.stale.last", { when: ago(t, idea.days) })}
            </span>
          </li>
        ))}
      </Section>
    </>
  );
}

const HEADLINE = ["submitted", "inPipeline", "implemented", "stopped", "declined", "experimentsCompleted"] as const;

/** A manager's part: the headline figures of this year, the last seven days' changes. */
export function FigureSections({ figures }: { figures: NonNullable<HomeData["figures"]> }) {
  const { t, i18n } = useTranslation();
  const { headline, week } = figures;
  const num = (v: number) => formatNumber(i18n.language, v);
  return (
    <>
      <section aria-labelledby="headline-title" className="mb-6 rounded-lg bg-white p-4 shadow">
        <h2 id="headline-title" className="mb-1 text-xl font-semibold">
          {t("home.headline.title")}
        </h2>
        <p className="mb-3 text-sm text-slate-700">
          {t("dashboard:periodShown", { from: formatDate(i18n.language, headline.period.from), to: formatDate(i18n.language, headline.period.to) })}
        </p>
        <dl className="mb-3 grid grid-cols-2 gap-3 sm:grid-cols-3">
          {HEADLINE.map((key) => (
            <div key={key} className="rounded border border-slate-200 p-3">
              <dt className="text-sm text-slate-700">{t(`dashboard:headline.${key}`)}</dt>
              <dd className="text-2xl font-bold tabular-nums" data-testid={`home-headline-${key}`}>
                {num(headline[key])}
              </dd>
            </div>
          ))}
        </dl>
        <Link to="/dashboard" className="link">
          {t("home.headline.all")}
        </Link>
      </section>
      <Section
        id="week"
        title={t("home.week.title")}
        intro={
          <ul aria-label={t("home.week.counts")} className="mb-3 flex flex-wrap gap-x-6 gap-y-1">
            {Object.entries(week.counts).map(([type, count]) => (
              <li key={type} className="font-semibold">
                {t(`home.week.${type}`, { count })}
              </li>
            ))}
          </ul>
        }
        shown={week.items.length}
        total={week.total}
        changes
        empty={t("home.week.empty")}
        link={{ to: "/ideas", label: t("home.week.all") }}
      >
        {week.items.map((change) => (
          <Change key={change.id} change={change} />
        ))}
      </Section>
    </>
  );
}
