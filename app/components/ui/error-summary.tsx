// The GOV.UK error summary: at the top of a form that was sent with mistakes, "Ir problēma" and
// each message, a field's as a link to it. It takes the focus when it appears: without JavaScript
// through `autofocus` (the page was drawn again by the server), with it each time a submission fails.
import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { useHydrated } from "~/utils/use-hydrated";
import { useErrorTitle } from "../page-meta";
import { useMessage } from "./message";

export type SummaryItem = { message: string; /** The field's control, when the message is a field's. */ target?: string };

/** Focuses the field a summary's link names: its control, or the first control inside it (a group of choices). */
export function focusField(id: string) {
  const target = document.getElementById(id);
  if (!target) return false;
  const control = target.matches("input, select, textarea, button") ? target : target.querySelector<HTMLElement>("input, select, textarea, button");
  if (!control) return false;
  // The label (or the group's legend) above the control is brought into view with it.
  const label = target.closest("fieldset")?.querySelector("legend") ?? document.querySelector(`label[for="${CSS.escape(control.id)}"]`);
  control.focus({ preventScroll: true });
  (label ?? control).scrollIntoView({ block: "start" });
  return true;
}

export function ErrorSummary({
  id,
  formMessages,
  items,
  attempt,
}: {
  id: string;
  /** Messages about the whole form, announced as they come (role="alert"). */
  formMessages: string[];
  items: SummaryItem[];
  /** Changes with every failed submission: the summary takes the focus again. */
  attempt: unknown;
}) {
  const { t } = useTranslation();
  const message = useMessage();
  const hydrated = useHydrated();
  const ref = useRef<HTMLDivElement>(null);
  const showing = formMessages.length + items.length > 0;
  useErrorTitle(showing);
  useEffect(() => {
    if (!attempt) return;
    ref.current?.focus();
    // A refusal from the server: conform then focuses the first field with a message, in its form's
    // effect, which runs after this one (a parent's effects run after its children's). The summary
    // takes the focus back once the effects have run, so it is where the person lands either way.
    const frame = requestAnimationFrame(() => ref.current?.focus());
    return () => cancelAnimationFrame(frame);
  }, [attempt]);
  if (!showing) return null;
  const titleId = `${id}-summary-title`;
  return (
    <div
      ref={ref}
      // The GOV.UK pattern: the summary is where the person must go first, so it takes the focus.
      // On the page the server draws (without JavaScript) through autofocus; in the browser through
      // the effect above, on each refused submission only: a summary drawn again while the person
      // corrects a field (its messages change as they type) must not take the focus from the field.
      tabIndex={-1}
      // eslint-disable-next-line jsx-a11y/no-autofocus
      autoFocus={!hydrated}
      aria-labelledby={titleId}
      data-error-summary=""
      className="mb-6 border-4 border-red-700 bg-white p-4 focus:outline focus:outline-4 focus:outline-offset-0 focus:outline-yellow-400"
    >
      <h2 id={titleId} className="mb-3 text-xl font-bold">
        {t("errorSummary.title")}
      </h2>
      {formMessages.length ? (
        <div id={id} role="alert" className="mb-2 text-red-900">
          {formMessages.map((m) => (
            <p key={m}>{message(m)}</p>
          ))}
        </div>
      ) : null}
      {items.length ? (
        <ul className="space-y-1">
          {items.map((item) => (
            <li key={`${item.target}:${item.message}`}>
              <a
                href={`#${item.target}`}
                className="font-semibold text-red-800 underline underline-offset-2 hover:text-red-900"
                onClick={(event) => {
                  if (item.target && focusField(item.target)) event.preventDefault();
                }}
              >
                {message(item.message)}
              </a>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
