import { Link, useActionData } from "@remix-run/react";
import { Trans, useTranslation } from "react-i18next";
import { AppForm, ButtonForm, CheckboxField, SubmitButton, TextareaField, useAppForm } from "~/components/app-form";
import { FormError } from "~/components/ui/field";
import { checkWith } from "~/components/form-check";
import { formatDateTime } from "~/utils/format";
import { isFailedReply, type FormReply } from "~/utils/form";
import { BRIEF_FIELDS, BRIEF_GROUPS, COMMENT_MAX, type Brief } from "./brief";
import { CommentSchema } from "./idea.schema";
import type { IdeaPageData } from "./idea-queries.server";

/**
 * The brief as plain text, in the brief's order: line breaks kept, nothing rendered as HTML or
 * Markdown; the answers marked with the language the idea is written in (`lang`).
 */
export function BriefView({
  brief,
  lang,
  sections = false,
}: {
  brief: Brief;
  lang?: string;
  /** In collapsible sections, one a group (the first open). */ sections?: boolean;
}) {
  const { t } = useTranslation("ideas");
  if (!sections) return <BriefAnswers brief={brief} fields={BRIEF_FIELDS} lang={lang} />;
  return (
    <div className="space-y-3">
      {BRIEF_GROUPS.map((group, index) => (
        <details key={group.key} open={index === 0} className="rounded-md border border-slate-300 bg-white">
          <summary className="cursor-pointer px-4 py-3 font-semibold">{t(`groups.${group.key}.title`)}</summary>
          <div className="border-t border-slate-200 px-4 py-3">
            <BriefAnswers brief={brief} fields={group.fields} lang={lang} />
          </div>
        </details>
      ))}
    </div>
  );
}

function BriefAnswers({ brief, fields, lang }: { brief: Brief; fields: readonly { name: keyof Brief }[]; lang?: string }) {
  const { t } = useTranslation("ideas");
  return (
    <dl className="space-y-5">
      {fields.map(({ name }) => {
        const value = brief[name];
        return (
          <div key={name} className="break-inside-avoid">
            <dt className="font-semibold">{t(`fields.${name}.label`)}</dt>
            <dd className="whitespace-pre-line text-slate-900">
              {value === null || value === "" ? <span className="italic text-slate-600">{t("page.notGiven")}</span> : <span lang={lang}>{String(value)}</span>}
            </dd>
          </div>
        );
      })}
    </dl>
  );
}

/** The undo-merge form of a MERGED_IN event: one per event, as several merges into an idea may be undone. */
export const undoMergeFormId = (eventId: number) => `undo-merge-${eventId}`;

/** "#12 «title»", linking to the idea, its title marked with the idea's language. */
export function IdeaRef({ idea }: { idea: { id: number; title: string; language: string } }) {
  return (
    <Trans
      ns="ideas"
      i18nKey="merged.ref"
      values={{ id: idea.id, title: idea.title }}
      components={{ idea: <Link to={`/ideas/${idea.id}`} className="link" />, name: <span lang={idea.language} /> }}
    />
  );
}

export function Timeline({ events }: { events: IdeaPageData["events"] }) {
  const { t, i18n } = useTranslation("ideas");
  // A refused undo (the idea moved meanwhile, or someone else was first) is said beside the event it was about.
  const answer = useActionData() as FormReply | undefined;
  const refused = answer && isFailedReply(answer) ? answer : undefined;
  const refusedFor = (id: string) => (refused?.formId === `${id}-form` ? Number(refused.result.initialValue?.eventId) : null);
  return (
    <ol className="space-y-3 border-l-2 border-slate-300 pl-4">
      {events.map((event) => (
        <li key={event.id}>
          <p>{t(`events.${event.text}`, { from: event.from ?? "", to: event.to ?? "", status: event.toStatus ? t(`status.${event.toStatus}`) : "" })}</p>
          {event.related ? (
            <p className="break-words">
              {t("events.related")} <IdeaRef idea={event.related} />
            </p>
          ) : null}
          <p className="text-sm text-slate-700">
            {event.actor ?? t("page.system")} · <time dateTime={event.at}>{formatDateTime(i18n.language, event.at)}</time>
          </p>
          {event.undoable ? (
            <div className="mt-2 no-print">
              <ButtonForm id="undo-decline" fields={{ intent: "undo-decline", eventId: event.id }} label={t("undo.button")} />
            </div>
          ) : refusedFor("undo-decline") === event.id ? (
            <FormError id="undo-decline-form-error" errors={refused?.result.error?.[""] ?? []} />
          ) : null}
          {event.undoableMerge ? (
            <div className="mt-2 no-print">
              <ButtonForm
                id={undoMergeFormId(event.id)}
                fields={{ intent: "undo-merge", eventId: event.id }}
                label={t("undoMerge.button")}
                ariaLabel={event.related ? t("undoMerge.label", { id: event.related.id, title: event.related.title }) : undefined}
              />
            </div>
          ) : refusedFor(undoMergeFormId(event.id)) === event.id ? (
            <FormError id={`${undoMergeFormId(event.id)}-form-error`} errors={refused?.result.error?.[""] ?? []} />
          ) : null}
        </li>
      ))}
    </ol>
  );
}

/** The ideas merged into this one, each with its comments (which stayed with it). */
export function MergedIdeas({ ideas }: { ideas: IdeaPageData["mergedIdeas"] }) {
  const { t } = useTranslation("ideas");
  return (
    <ul className="space-y-2">
      {ideas.map((idea) => (
        <li key={idea.id} className="break-words">
          <IdeaRef idea={idea} /> <span className="text-sm text-slate-700">· {t("merged.comments", { count: idea.comments })}</span>
        </li>
      ))}
    </ul>
  );
}

export function Comments({ comments, canComment, canInternal }: { comments: IdeaPageData["comments"]; canComment: boolean; canInternal: boolean }) {
  const { t, i18n } = useTranslation("ideas");
  return (
    <div>
      {comments.length === 0 ? <p className="mb-4 text-slate-700">{t("comments.none")}</p> : null}
      <ul className="mb-6 space-y-4">
        {comments.map((c) => (
          <li key={c.id} className={`rounded-md border p-4 ${c.internal ? "border-amber-700 bg-amber-50" : "border-slate-300 bg-white"}`}>
            <p className="mb-1 text-sm text-slate-700">
              <span className="font-semibold text-slate-900">{c.author.name}</span> ·{" "}
              <time dateTime={c.createdAt}>{formatDateTime(i18n.language, c.createdAt)}</time>
              {c.internal ? (
                <span className="ml-2 rounded border border-amber-800 px-1 text-xs font-semibold text-amber-900">{t("comments.internalBadge")}</span>
              ) : null}
            </p>
            <p className="whitespace-pre-line">{c.body}</p>
            {c.mine ? (
              <div className="mt-2">
                <ButtonForm
                  id={`delete-comment-${c.id}`}
                  fields={{ intent: "delete-comment", commentId: c.id }}
                  label={t("comments.delete")}
                  className="text-sm text-red-800 underline"
                />
              </div>
            ) : null}
          </li>
        ))}
      </ul>
      {/* A new comment's form starts empty: it is a new form once the list has grown. */}
      {canComment ? <CommentForm key={comments.length} canInternal={canInternal} /> : null}
    </div>
  );
}

function CommentForm({ canInternal }: { canInternal: boolean }) {
  const { t } = useTranslation("ideas");
  const [form, fields] = useAppForm({ id: "comment", check: checkWith(CommentSchema) });
  return (
    <div className="no-print rounded-lg bg-white p-4 shadow">
      <AppForm form={form}>
        <input type="hidden" name="intent" value="comment" />
        <TextareaField meta={fields.body} label={t("comments.label")} help={t("comments.help", { max: COMMENT_MAX, count: COMMENT_MAX })} />
        {canInternal ? <CheckboxField meta={fields.internal} label={t("comments.internal")} /> : null}
        <div className="mt-3">
          <SubmitButton form={form}>{t("comments.submit")}</SubmitButton>
        </div>
      </AppForm>
    </div>
  );
}
