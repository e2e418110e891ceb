// "Similar ideas" beside the brief's first step, and on an idea's page for those who triage.
//
// The panel lists up to five existing ideas like the one being written, with a button to support
// each ("I have this problem too"). With JavaScript it asks /ideas/similar as the title and the
// need are typed (after a pause, once there are a few letters) and says how many it found in a
// polite live region; its buttons post the step's form through a fetcher. Without JavaScript the
// step's "Find similar ideas" and the panel's buttons post the step's form (the buttons name it
// with the `form` attribute, so everything typed goes with them), and the step comes back with the
// panel filled and everything typed kept. After a support the panel offers to stop writing.
import { Link, useActionData, useFetcher } from "@remix-run/react";
import { useCallback, useEffect, useRef, useState, type MouseEvent, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { formElementId } from "~/components/form";
import { focusField } from "~/components/ui/error-summary";
import { useMessage } from "~/components/ui/message";
import { formatNumber } from "~/utils/format";
import type { SimilarIdea } from "./search.server";
import type { PanelIdea, SimilarPanelData, SimilarStepReply, SupportOutcome } from "./similar.server";
import { enoughToSearch, SIMILAR_DEBOUNCE_MS, SIMILAR_FIELDS, similarQueryOf } from "./similar.schema";
import { StatusLabel } from "./status-label";

/** The brief's first step's form, which the panel reads and its buttons send. */
export const NEED_FORM_ID = formElementId("brief-need");

/** A translated sentence with an idea's title in it, the title marked with its own language. */
function WithTitle({ text, title, lang }: { text: (title: string) => string; title: string; lang: string }) {
  const MARK = "\u0001";
  const [before, after = ""] = text(MARK).split(MARK);
  return (
    <>
      {before}
      <span lang={lang}>{title}</span>
      {after}
    </>
  );
}

/** The panel's state: the ideas found for what is typed (null before anything was looked for), and whether the last look failed. */
export type SimilarState = {
  data: SimilarPanelData | null;
  failed: boolean;
  /** Counts the answers: a support's answer is newer than the list it was sent from while this has not changed. */
  seq: number;
  /** Looks at once (the "Find similar ideas" button, with JavaScript). */
  findNow: () => void;
};

/** The query string for what the form holds now, or null when it holds too little to look for. */
function currentQuery(formId: string, exclude: number | undefined) {
  const form = document.getElementById(formId);
  if (!(form instanceof HTMLFormElement)) return null;
  const value = (name: string) => {
    const field = form.elements.namedItem(name);
    return field && "value" in field ? String(field.value) : "";
  };
  const query = similarQueryOf(Object.fromEntries(SIMILAR_FIELDS.map((name) => [name, value(name)])));
  if (!enoughToSearch(query)) return null;
  const params = new URLSearchParams({ title: query.title, need: query.need });
  if (exclude) params.set("exclude", String(exclude));
  return params.toString();
}

/**
 * The panel's state for the step's form `formId`: what the server found when it drew the page
 * (`initial`), then, with JavaScript, what /ideas/similar answers as the title and need are typed.
 */
export function useSimilarIdeas({ formId, initial, exclude }: { formId: string; initial: SimilarPanelData | null; exclude?: number }): SimilarState {
  const [state, setState] = useState<{ data: SimilarPanelData | null; failed: boolean; seq: number }>({ data: initial, failed: false, seq: 0 });
  const asked = useRef<string | null>(null);
  const pending = useRef<AbortController | null>(null);

  const ask = useCallback(
    async (force: boolean) => {
      const query = currentQuery(formId, exclude);
      if (query === null) {
        pending.current?.abort();
        asked.current = null;
        setState((previous) => ({ data: null, failed: false, seq: previous.seq + 1 }));
        return;
      }
      if (!force && query === asked.current) return;
      asked.current = query;
      pending.current?.abort();
      const controller = new AbortController();
      pending.current = controller;
      try {
        // A signed-out person is sent to sign in: here that is a failure to show, never a page to follow.
        const response = await fetch(`/ideas/similar?${query}`, { headers: { Accept: "application/json" }, redirect: "manual", signal: controller.signal });
        if (!response.ok) throw new Error(`HTTP ${response.status}`);
        const data = (await response.json()) as SimilarPanelData;
        if (!controller.signal.aborted) setState((previous) => ({ data, failed: false, seq: previous.seq + 1 }));
      } catch {
        if (controller.signal.aborted) return;
        asked.current = null;
        setState((previous) => ({ ...previous, failed: true }));
      }
    },
    [formId, exclude],
  );

  const initialRef = useRef(initial);
  useEffect(() => {
    const form = document.getElementById(formId);
    if (!form) return;
    let timer: number | undefined;
    const onInput = (event: Event) => {
      const name = (event.target as HTMLInputElement | null)?.name ?? "";
      if (!(SIMILAR_FIELDS as readonly string[]).includes(name)) return;
      window.clearTimeout(timer);
      timer = window.setTimeout(() => void ask(false), SIMILAR_DEBOUNCE_MS);
    };
    form.addEventListener("input", onInput);
    // What the server drew is for the text as it is; a page drawn without it (a new idea) looks once the text is there.
    if (initialRef.current) asked.current = currentQuery(formId, exclude);
    else void ask(false);
    return () => {
      form.removeEventListener("input", onInput);
      window.clearTimeout(timer);
      pending.current?.abort();
    };
  }, [formId, exclude, ask]);

  return { ...state, findNow: useCallback(() => void ask(true), [ask]) };
}

/** "Find similar ideas", beside the step's Save and continue: without JavaScript it sends the form to look (nothing is saved or checked). */
export function FindSimilarButton({ onFind }: { onFind?: () => void }) {
  const { t } = useTranslation("ideas");
  return (
    <button
      type="submit"
      name="intent"
      value="similar"
      formNoValidate
      className="btn-secondary"
      onClick={(event) => {
        if (!onFind) return;
        event.preventDefault();
        onFind();
      }}
    >
      {t("similar.find")}
    </button>
  );
}

/** One similar idea: its title (a link), where it stands, its institution and how many support it. */
function SimilarItem({ idea, newTab, children }: { idea: SimilarIdea; newTab: boolean; children?: ReactNode }) {
  const { t, i18n } = useTranslation("ideas");
  return (
    <li className="rounded-md border border-slate-300 bg-white p-3">
      <h3 className="font-semibold break-words">
        {newTab ? (
          <a href={`/ideas/${idea.id}`} target="_blank" rel="noopener noreferrer" className="link">
            <span lang={idea.language}>{idea.title}</span> <span className="text-sm font-normal">{t("similar.newTab")}</span>
          </a>
        ) : (
          <Link to={`/ideas/${idea.id}`} className="link" lang={idea.language}>
            {idea.title}
          </Link>
        )}
      </h3>
      <div className="mt-2 flex flex-wrap items-center gap-x-3 gap-y-1 text-sm text-slate-700">
        <StatusLabel status={idea.status} stage={idea.stage} />
        <span>{idea.institution}</span>
        <span>{t("list.supports", { count: idea.supports, formatted: formatNumber(i18n.language, idea.supports) })}</span>
      </div>
      {children}
    </li>
  );
}

/** How many were found and from how many institutions, in words. */
function foundText(t: (key: string, options?: Record<string, unknown>) => string, data: SimilarPanelData | SimilarResult) {
  if (data.items.length === 0) return t("similar.empty");
  return `${t("similar.found", { count: data.items.length })} ${t("similar.institutions", { count: data.institutions })}`;
}
type SimilarResult = { items: SimilarIdea[]; institutions: number };

/** After a support: what was supported, the offer to stop writing, or why it could not be. */
function SupportNotice({ outcome, existingId, onContinue }: { outcome: SupportOutcome; existingId?: number; onContinue: () => void }) {
  const { t } = useTranslation("ideas");
  const message = useMessage();
  // It takes the focus: without JavaScript through `autofocus`, with it when drawn (React focuses only form controls itself).
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), []);
  const box = "mb-4 border-l-4 p-4 focus:outline focus:outline-4 focus:outline-offset-0 focus:outline-yellow-400";
  if ("error" in outcome)
    return (
      // eslint-disable-next-line jsx-a11y/no-autofocus -- the answer to the button just pressed (GOV.UK's notification banner)
      <div ref={ref} tabIndex={-1} autoFocus className={`${box} border-red-700 bg-red-50`} data-support-notice="">
        <p className="font-semibold text-red-900">{message(outcome.error)}</p>
      </div>
    );
  const titleField = `${NEED_FORM_ID}-title`;
  return (
    // eslint-disable-next-line jsx-a11y/no-autofocus -- the answer to the button just pressed (GOV.UK's notification banner)
    <div ref={ref} tabIndex={-1} autoFocus className={`${box} border-green-700 bg-green-50`} data-support-notice="">
      <p className="font-semibold break-words">
        <WithTitle
          text={(title) => t(outcome.supported ? "similar.supported" : "similar.unsupported", { title })}
          title={outcome.title}
          lang={outcome.language}
        />
      </p>
      {outcome.supported ? (
        <>
          <p className="mt-2">{t("similar.stopHelp")}</p>
          <ul className="mt-3 space-y-2">
            <li>
              <a href={`/ideas/${outcome.id}`} className="link font-semibold">
                {t("similar.stop")}
              </a>
            </li>
            <li>
              <a
                href={`#${titleField}`}
                className="link"
                onClick={(event) => {
                  if (!focusField(titleField)) return;
                  event.preventDefault();
                  onContinue();
                }}
              >
                {t("similar.continue")}
              </a>
            </li>
          </ul>
          <p className="mt-3 text-sm">
            {existingId ? (
              <>
                {t("similar.keptExisting")}{" "}
                <a href={`/ideas/${existingId}`} className="link">
                  {t("similar.openOwn")}
                </a>
              </>
            ) : (
              t("similar.notSavedNew")
            )}
          </p>
        </>
      ) : null}
    </div>
  );
}

/**
 * The panel beside the brief's first step. `similar` is its state (useSimilarIdeas); `support` is
 * the step's answer to a support sent without JavaScript; `existingId` is the idea being edited
 * (a draft or one returned with a question), which stopping leaves as it was.
 */
export function SimilarPanel({ similar, support, existingId }: { similar: SimilarState; support?: SupportOutcome; existingId?: number }) {
  const { t } = useTranslation("ideas");
  const fetcher = useFetcher<SimilarStepReply>();
  // Each support sent (n), and the list it was sent from (seq): its answer shows until the list is looked for again.
  const [sent, setSent] = useState({ n: 0, seq: -1 });
  const [dismissed, setDismissed] = useState(-1);
  const busy = fetcher.state !== "idle";
  const reply = busy ? undefined : fetcher.data;
  // The notice of each answer is drawn anew (it takes the focus); while a support is on its way there is none.
  const outcome = sent.n === 0 ? support : reply?.support;
  const data = reply && similar.seq === sent.seq ? reply.similar : similar.data;
  const send = (event: MouseEvent<HTMLButtonElement>) => {
    event.preventDefault();
    if (busy) return;
    setSent({ n: sent.n + 1, seq: similar.seq });
    fetcher.submit(event.currentTarget);
  };
  return (
    <section aria-labelledby="similar-title" id="similar" className="rounded-lg border border-slate-300 bg-slate-50 p-4">
      <h2 id="similar-title" className="mb-2 text-xl font-semibold">
        {t("similar.title")}
      </h2>
      {outcome && dismissed !== sent.n ? <SupportNotice outcome={outcome} existingId={existingId} onContinue={() => setDismissed(sent.n)} /> : null}
      {data ? null : <p className="text-slate-800">{t("similar.intro")}</p>}
      {similar.failed ? <p className="mt-2 font-semibold text-red-800">{t("similar.failed")}</p> : null}
      {/* The count is announced as it changes; the list itself is read when the person goes to it. */}
      <div aria-live="polite" aria-atomic="true" data-testid="similar-count">
        {data ? <p className="font-semibold">{foundText(t, data)}</p> : null}
      </div>
      {data && data.items.length ? (
        <ul className="mt-3 space-y-3" aria-busy={busy || undefined}>
          {data.items.map((idea: PanelIdea) => (
            <SimilarItem key={idea.id} idea={idea} newTab>
              {idea.canSupport ? (
                <button
                  type="submit"
                  form={NEED_FORM_ID}
                  formNoValidate
                  name={idea.supportedByMe ? "unsupport" : "support"}
                  value={idea.id}
                  aria-pressed={idea.supportedByMe}
                  className={`mt-3 w-full ${idea.supportedByMe ? "btn-primary" : "btn-secondary"}`}
                  onClick={send}
                >
                  {t("page.support")}
                  <span className="sr-only">
                    {": "}
                    <span lang={idea.language}>{idea.title}</span>
                  </span>
                </button>
              ) : null}
            </SimilarItem>
          ))}
        </ul>
      ) : null}
    </section>
  );
}

/** The idea page's section for those who triage: other ideas with a like need, without support buttons. */
export function SimilarIdeasSection({ similar }: { similar: SimilarResult }) {
  const { t } = useTranslation("ideas");
  return (
    <section aria-labelledby="similar-title" id="similar" className="mb-8 no-print">
      <h2 id="similar-title" className="mb-1 text-xl font-semibold">
        {t("similar.title")}
      </h2>
      <p className="mb-3 text-slate-800">{foundText(t, similar)}</p>
      {similar.items.length ? (
        <ul className="grid gap-3 md:grid-cols-2">
          {similar.items.map((idea) => (
            <SimilarItem key={idea.id} idea={idea} newTab={false} />
          ))}
        </ul>
      ) : null}
    </section>
  );
}

/** True when the step's action answered the panel's buttons (not a form reply). */
export function isSimilarReply(value: unknown): value is SimilarStepReply {
  return !!value && typeof value === "object" && "similar" in value && "typed" in value;
}

/**
 * The brief's first step with its panel: beside the form on a wide screen, after it on a narrow one
 * (Save and continue comes first either way). `form` draws the step's form with what was typed
 * when the step answered the panel's buttons, and the "Find similar ideas" button; `initial` is
 * what the server found for the stored text; `existingId` is the idea being edited.
 */
export function SimilarNeedStep({
  initial,
  existingId,
  form,
}: {
  initial: SimilarPanelData | null;
  existingId?: number;
  form: (typed: Record<string, string> | undefined, findButton: ReactNode) => ReactNode;
}) {
  const answer = useActionData();
  const reply = isSimilarReply(answer) ? answer : undefined;
  const similar = useSimilarIdeas({ formId: NEED_FORM_ID, initial: reply?.similar ?? initial, exclude: existingId });
  return (
    <div className="grid gap-8 lg:grid-cols-[minmax(0,48rem)_minmax(18rem,1fr)]">
      <div className="min-w-0">{form(reply?.typed, <FindSimilarButton onFind={similar.findNow} />)}</div>
      <SimilarPanel similar={similar} support={reply?.support} existingId={existingId} />
    </div>
  );
}
