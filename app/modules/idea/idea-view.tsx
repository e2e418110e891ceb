import { Form, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Field } from "~/components/ui/field";
import { formatDateTime } from "~/utils/format";
import type { IdeaPageData } from "./idea-queries.server";
import { LIMITS } from "./idea.schema";

type Brief = IdeaPageData["brief"];

const BRIEF_ORDER: (keyof Brief)[] = [
  "summary",
  "usersAffected",
  "problem",
  "evidence",
  "usersTalkedTo",
  "solution",
  "expectedValue",
  "firstTest",
  "partners",
];

/** The brief as plain text: line breaks kept, nothing rendered as HTML or Markdown. */
export function BriefView({ brief }: { brief: Brief }) {
  const { t } = useTranslation("ideas");
  return (
    <dl className="space-y-5">
      {BRIEF_ORDER.map((key) => {
        const value = brief[key];
        return (
          <div key={key} className="break-inside-avoid">
            <dt className="font-semibold">{t(`fields.${key}.label`)}</dt>
            <dd className="whitespace-pre-line text-slate-900">
              {value === null || value === "" ? <span className="italic text-slate-600">{t("page.notGiven")}</span> : String(value)}
            </dd>
          </div>
        );
      })}
    </dl>
  );
}

export function Timeline({ events }: { events: IdeaPageData["events"] }) {
  const { t, i18n } = useTranslation("ideas");
  return (
    <ol className="space-y-3 border-l-2 border-slate-300 pl-4">
      {events.map((event) => (
        <li key={event.id}>
          <p>
            {t(`events.${event.type}`, { from: event.from ?? "", to: event.to ?? "", status: event.toStatus ? t(`status.${event.toStatus}`) : "" })}
          </p>
          <p className="text-sm text-slate-700">
            {event.actor ?? t("page.system")} · <time dateTime={event.at}>{formatDateTime(i18n.language, event.at)}</time>
          </p>
        </li>
      ))}
    </ol>
  );
}

export function Comments({
  comments,
  canComment,
  canInternal,
  errors,
  bodyDefault,
}: {
  comments: IdeaPageData["comments"];
  canComment: boolean;
  canInternal: boolean;
  errors?: string[];
  bodyDefault?: string;
}) {
  const { t, i18n } = useTranslation("ideas");
  const navigation = useNavigation();
  const busy = navigation.state !== "idle" && navigation.formData?.get("intent") === "comment";
  return (
    <div>
      {comments.length === 0 ? <p className="mb-4 text-slate-700">{t("comments.none")}</p> : null}
      <ul className="mb-6 space-y-4">
        {comments.map((c) => (
          <li key={c.id} className={`rounded-md border p-4 ${c.internal ? "border-amber-700 bg-amber-50" : "border-slate-300 bg-white"}`}>
            <p className="mb-1 text-sm text-slate-700">
              <span className="font-semibold text-slate-900">{c.author.name}</span> ·{" "}
              <time dateTime={c.createdAt}>{formatDateTime(i18n.language, c.createdAt)}</time>
              {c.internal ? <span className="ml-2 rounded border border-amber-800 px-1 text-xs font-semibold text-amber-900">{t("comments.internalBadge")}</span> : null}
            </p>
            <p className="whitespace-pre-line">{c.body}</p>
            {c.mine ? (
              <Form method="post" className="mt-2">
                <input type="hidden" name="intent" value="delete-comment" />
                <input type="hidden" name="commentId" value={c.id} />
                <button type="submit" className="text-sm text-red-800 underline">
                  {t("comments.delete")}
                </button>
              </Form>
            ) : null}
          </li>
        ))}
      </ul>
      {canComment ? (
        <Form method="post" className="rounded-lg bg-white p-4 shadow no-print" key={comments.length}>
          <input type="hidden" name="intent" value="comment" />
          <Field id="comment-body" label={t("comments.label")} help={t("comments.help", { max: LIMITS.comment })} errors={errors}>
            {(a11y) => <textarea {...a11y} name="body" rows={3} className="input" defaultValue={bodyDefault} />}
          </Field>
          {canInternal ? (
            <p className="mt-3 flex items-center gap-2">
              <input type="checkbox" id="comment-internal" name="internal" value="on" className="h-5 w-5" />
              <label htmlFor="comment-internal">{t("comments.internal")}</label>
            </p>
          ) : null}
          <button type="submit" className="btn-primary mt-3" disabled={busy}>
            {t("comments.submit")}
          </button>
        </Form>
      ) : null}
    </div>
  );
}
