// The manage page's merging: the likely duplicates, each with a button to merge this idea into it,
// and a field for any idea's number; then the confirmation that says what will happen. Both steps
// post the form "merge", so a refusal (a number that names no open idea, someone else first) is
// shown beside the number field, with what was sent kept. Everything works without JavaScript.
import { Form, Link } from "@remix-run/react";
import { useEffect, useRef, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { AppForm, ButtonForm, InputField, SubmitButton, useAppForm, useBusy } from "~/components/app-form";
import { checkWith } from "~/components/form-check";
import { IdeaRef } from "~/modules/idea/idea-view";
import { StatusLabel } from "~/modules/idea/status-label";
import { FORM_ID_FIELD } from "~/utils/form";
import { formatNumber } from "~/utils/format";
import { MergeSchema } from "./board.schema";
import type { ManageData } from "./board.server";
import type { MergePreview } from "./merge.server";

/** The form both merging steps post: its replies show beside the number field. */
const MERGE_FORM = "merge-form";

/** "Likely duplicates": this idea's similar ideas, each to merge into with one button, and any idea by its number. */
export function MergeSection({ data, hidden }: { data: ManageData; hidden: ReactNode }) {
  const { t, i18n } = useTranslation("board");
  const [form, fields] = useAppForm({ id: "merge", check: checkWith(MergeSchema) });
  const busy = useBusy(MERGE_FORM);
  const candidates = data.merge?.items ?? [];
  return (
    <section id="merge" aria-labelledby="merge-title" className="rounded-lg bg-white p-6 shadow">
      <h2 id="merge-title" className="mb-2 text-xl font-semibold">
        {t("merge.title")}
      </h2>
      <p className="mb-4">{t("merge.intro")}</p>
      {candidates.length ? (
        <>
          {data.merge?.institutions ? <p className="mb-3 text-sm text-slate-700">{t("merge.institutions", { count: data.merge.institutions })}</p> : null}
          <ul className="mb-6 space-y-3">
            {candidates.map((c) => (
              <li key={c.id} className="rounded-md border border-slate-300 p-3">
                <p className="font-medium break-words">
                  <IdeaRef idea={c} />
                </p>
                <p className="mt-1 flex flex-wrap items-center gap-x-3 gap-y-1 text-sm text-slate-700">
                  <StatusLabel status={c.status} stage={c.stage} />
                  <span>{c.institution}</span>
                  <span>{t("card.supports", { count: c.supports, formatted: formatNumber(i18n.language, c.supports) })}</span>
                </p>
                {/* One button a candidate, posting the merge form's first step with its number. */}
                {c.mergeable ? (
                  <Form method="post" id={`merge-into-${c.id}`} className="mt-2">
                    <input type="hidden" name={FORM_ID_FIELD} value={MERGE_FORM} />
                    {hidden}
                    <input type="hidden" name="into" value={c.id} />
                    <button type="submit" className="btn-secondary" disabled={busy} aria-label={t("merge.candidateLabel", { id: c.id, title: c.title })}>
                      {t("merge.candidate")}
                    </button>
                  </Form>
                ) : (
                  <p className="mt-2 text-sm text-slate-700">{t("merge.closed")}</p>
                )}
              </li>
            ))}
          </ul>
        </>
      ) : (
        <p className="mb-6 text-slate-700">{t("merge.none")}</p>
      )}
      <AppForm form={form}>
        {hidden}
        <InputField meta={fields.into} label={t("merge.number")} help={t("merge.numberHelp")} inputMode="numeric" className="input max-w-[10rem]" />
        <SubmitButton form={form} secondary>
          {t("merge.submit")}
        </SubmitButton>
      </AppForm>
    </section>
  );
}

/**
 * Merging's second step (GOV.UK's "check" pattern): the idea this one goes into and what will
 * happen, "Yes, merge" and a way back. Nothing has changed until it is confirmed. With JavaScript
 * it replaces the page's forms and takes the focus, as declining's confirmation does.
 */
export function MergeConfirm({ data, preview, returnTo }: { data: ManageData; preview: MergePreview; returnTo: string | null }) {
  const { t } = useTranslation("board");
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const back = `/ideas/${data.idea.id}/manage${returnTo ? `?returnTo=${encodeURIComponent(returnTo)}` : ""}`;
  const { into } = preview;
  return (
    <section aria-labelledby="merge-confirm-title" className="max-w-2xl rounded-lg border-l-4 border-blue-800 bg-white p-6 shadow">
      <h2 id="merge-confirm-title" ref={heading} tabIndex={-1} className="mb-3 text-2xl font-bold">
        {t("mergeConfirm.title")}
      </h2>
      <p className="mb-1 font-semibold">{t("mergeConfirm.into")}</p>
      <div className="mb-4 border-l-4 border-slate-300 pl-4">
        <p className="font-medium break-words">
          <IdeaRef idea={into} />
        </p>
        <p className="mt-1 flex flex-wrap items-center gap-x-3 gap-y-1 text-sm text-slate-700">
          <StatusLabel status={into.status} stage={into.stage} />
          <span>{into.institution}</span>
        </p>
      </div>
      <p className="mb-1 font-semibold">{t("mergeConfirm.what")}</p>
      <ul className="mb-6 list-disc space-y-1 pl-5">
        <li>{t("mergeConfirm.moving", { count: preview.moving })}</li>
        {preview.shared ? <li>{t("mergeConfirm.shared", { count: preview.shared })}</li> : null}
        <li>{t("mergeConfirm.board")}</li>
        <li>{t("mergeConfirm.comments", { count: preview.comments })}</li>
        <li>{t("mergeConfirm.told")}</li>
        <li>{t("mergeConfirm.undo")}</li>
      </ul>
      <div className="flex flex-wrap items-center gap-6">
        <ButtonForm
          id="merge"
          fields={{
            intent: "merge",
            confirmed: "yes",
            ideaId: data.idea.id,
            version: data.idea.version,
            into: into.id,
            ...(returnTo ? { returnTo } : {}),
          }}
          label={t("mergeConfirm.yes")}
          className="btn-primary"
        />
        <Link to={back} className="link">
          {t("mergeConfirm.cancel")}
        </Link>
      </div>
    </section>
  );
}
