import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { Trans, useTranslation } from "react-i18next";
import { ButtonForm } from "~/components/form";
import { handleForm } from "~/core/form.server";
import type { Result } from "~/core/result";
import { undoDecline } from "~/modules/board/board.server";
import { undoMerge } from "~/modules/board/merge.server";
import { ExperimentList } from "~/modules/experiment/experiment-list";
import { IdeaPageActionSchema } from "~/modules/idea/idea.schema";
import { addComment, deleteComment, toggleSupport, withdrawIdea } from "~/modules/idea/idea.server";
import { getIdeaPage } from "~/modules/idea/idea-queries.server";
import { BriefView, Comments, MergedIdeas, Timeline } from "~/modules/idea/idea-view";
import { SimilarIdeasSection } from "~/modules/idea/similar-panel";
import { similarToIdea } from "~/modules/idea/similar.server";
import { StatusLabel } from "~/modules/idea/status-label";
import { isClosedKind } from "~/modules/stage/kinds";
import { requireUser } from "~/utils/auth.server";
import { formatDate, formatNumber } from "~/utils/format";
import { requireIdParam } from "~/utils/http.server";
import { getLocale, getT } from "~/utils/i18n.server";
import { pageMeta } from "~/utils/meta";

export const meta = pageMeta;
export { RouteErrorBoundary as ErrorBoundary } from "~/components/error-boundary";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const id = requireIdParam(params.id);
  const locale = await getLocale(request);
  const [idea, t] = await Promise.all([getIdeaPage(user, id, locale), getT(request)]);
  // Those who triage see the ideas most like this one (nobody else, and for nobody else are they looked for).
  const similar = await similarToIdea(user, idea, locale);
  return { idea, similar, title: `${idea.title} · ${t("appName")}` };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const id = requireIdParam(params.id);
  return handleForm(request, {
    schema: IdeaPageActionSchema,
    async run(value): Promise<Result<unknown>> {
      switch (value.intent) {
        case "comment":
          return addComment(user, { ideaId: id, body: value.body, internal: value.internal });
        case "delete-comment":
          return deleteComment(user, { ideaId: id, commentId: value.commentId });
        case "support":
          return toggleSupport(user, { ideaId: id });
        case "withdraw":
          return withdrawIdea(user, { id });
        case "undo-decline":
          return undoDecline(user, { ideaId: id, eventId: value.eventId });
        case "undo-merge":
          return undoMerge(user, { ideaId: id, eventId: value.eventId });
      }
    },
    done(outcome, value) {
      switch (value.intent) {
        case "comment":
          return { redirect: `/ideas/${id}#comments`, toast: "ideas:toast.commented" };
        case "delete-comment":
          return { redirect: `/ideas/${id}#comments`, toast: "ideas:toast.commentDeleted" };
        case "support":
          return { redirect: `/ideas/${id}`, toast: outcome ? "ideas:toast.supported" : "ideas:toast.unsupported" };
        case "withdraw":
          return outcome === "deleted"
            ? { redirect: "/ideas/mine", toast: "ideas:toast.draftDeleted" }
            : { redirect: `/ideas/${id}`, toast: "ideas:toast.withdrawn" };
        case "undo-decline":
          return { redirect: `/ideas/${id}`, toast: "ideas:undo.done" };
        case "undo-merge":
          return { redirect: `/ideas/${id}`, toast: "ideas:undoMerge.done" };
      }
    },
  });
}

export default function IdeaPage() {
  const { idea, similar } = useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation("ideas");
  return (
    <article className="max-w-4xl">
      <p className="mb-2 no-print">
        <Link to="/ideas" className="link">
          {t("page.back")}
        </Link>
      </p>
      <header className="mb-6">
        <p className="mb-1 text-sm text-slate-700">{t("page.number", { id: idea.id })}</p>
        <h1 className="mb-3 text-3xl font-bold break-words" lang={idea.language}>
          {idea.title}
        </h1>
        <div className="flex flex-wrap items-center gap-3">
          <StatusLabel status={idea.status} stage={idea.stage} />
          <span>{idea.institution}</span>
        </div>
      </header>

      {idea.mergedInto ? (
        <div role="note" className="mb-6 rounded-md border-l-4 border-blue-800 bg-blue-50 px-4 py-3">
          <h2 className="font-semibold break-words">
            <Trans
              ns="ideas"
              i18nKey="merged.banner"
              values={{ id: idea.mergedInto.id, title: idea.mergedInto.title }}
              components={{ idea: <Link to={`/ideas/${idea.mergedInto.id}`} className="link" />, name: <span lang={idea.mergedInto.language} /> }}
            />
          </h2>
          <p>{t("merged.bannerHelp")}</p>
        </div>
      ) : null}
      {idea.returnQuestion ? (
        <div role="note" className="mb-6 rounded-md border-l-4 border-amber-600 bg-amber-50 px-4 py-3">
          <h2 className="font-semibold">{t("form.questionTitle")}</h2>
          <p className="whitespace-pre-line">{idea.returnQuestion}</p>
        </div>
      ) : null}
      {idea.declineReason ? (
        <div role="note" className="mb-6 rounded-md border-l-4 border-slate-600 bg-slate-100 px-4 py-3">
          <h2 className="font-semibold">{t("page.declineReason")}</h2>
          <p className="whitespace-pre-line">{idea.declineReason}</p>
        </div>
      ) : null}
      {idea.closingNote ? (
        <div role="note" className="mb-6 rounded-md border-l-4 border-green-700 bg-green-50 px-4 py-3">
          <h2 className="font-semibold">{t("page.closingNote")}</h2>
          <p className="whitespace-pre-line">{idea.closingNote}</p>
          {isClosedKind(idea.stage?.kind) ? (
            <p className="mt-2 no-print">
              <Link to={`/ideas/${idea.id}/case`} className="link">
                {t("page.case")}
              </Link>
            </p>
          ) : null}
        </div>
      ) : null}

      <div className="mb-8 grid gap-6 md:grid-cols-3 print:block">
        <section aria-labelledby="brief-title" className="rounded-lg bg-white p-6 shadow md:col-span-2 print:p-0 print:shadow-none">
          <h2 id="brief-title" className="mb-4 text-xl font-semibold">
            {t("page.brief")}
          </h2>
          <BriefView brief={idea.brief} lang={idea.language} />
        </section>
        <aside aria-labelledby="facts-title" className="space-y-4">
          <h2 id="facts-title" className="sr-only">
            {t("page.facts")}
          </h2>
          <dl className="space-y-3 rounded-lg bg-white p-6 shadow print:mt-4 print:grid print:grid-cols-2 print:gap-2 print:space-y-0 print:p-0 print:shadow-none">
            <div>
              <dt className="font-semibold">{t("page.author")}</dt>
              <dd>
                {idea.author.name}, {idea.author.institution}
              </dd>
            </div>
            <div>
              <dt className="font-semibold">{t("page.assignee")}</dt>
              <dd>{idea.assignee?.name ?? t("page.unassigned")}</dd>
            </div>
            <div>
              <dt className="font-semibold">{t(idea.submittedAt ? "page.submittedAt" : "page.createdAt")}</dt>
              <dd>{formatDate(i18n.language, idea.submittedAt ?? idea.createdAt)}</dd>
            </div>
            <div>
              <dt className="font-semibold">{t("fields.principles.label")}</dt>
              <dd>
                {idea.principles.length ? (
                  <ul className="list-disc pl-5">
                    {idea.principles.map((p) => (
                      <li key={p.key}>
                        {p.title}
                        {p.confirmed ? <span className="sr-only"> ({t("page.confirmed")})</span> : null}
                        {p.confirmed ? <span aria-hidden="true"> ✓</span> : null}
                      </li>
                    ))}
                  </ul>
                ) : (
                  t("page.notGiven")
                )}
              </dd>
            </div>
            <div>
              <dt className="font-semibold">{t("page.supports")}</dt>
              <dd data-testid="support-count">{formatNumber(i18n.language, idea.supports)}</dd>
            </div>
          </dl>
          <div className="space-y-3 no-print">
            {idea.can.support ? (
              <ButtonForm
                id="support"
                fields={{ intent: "support" }}
                label={t("page.support")}
                pressed={idea.supportedByMe}
                className={idea.supportedByMe ? "btn-primary w-full" : "btn-secondary w-full"}
              />
            ) : null}
            {idea.can.manage ? (
              <Link to={`/ideas/${idea.id}/manage?returnTo=${encodeURIComponent(`/ideas/${idea.id}`)}`} className="btn-primary w-full">
                {idea.stage?.kind === "INTAKE" ? t("page.triage") : t("page.manage")}
              </Link>
            ) : null}
            {idea.can.edit ? (
              <Link to={`/ideas/${idea.id}/edit`} className="btn-primary w-full">
                {idea.status === "NEEDS_INFO" ? t("page.answer") : t("page.edit")}
              </Link>
            ) : null}
            {idea.can.withdraw ? (
              <details className="rounded-lg border border-slate-300 bg-white p-4">
                <summary className="cursor-pointer font-medium">{idea.status === "DRAFT" ? t("page.deleteDraft") : t("page.withdraw")}</summary>
                <p className="my-2 text-sm">{idea.status === "DRAFT" ? t("page.deleteDraftConfirm") : t("page.withdrawConfirm")}</p>
                <ButtonForm
                  id="withdraw"
                  fields={{ intent: "withdraw" }}
                  label={idea.status === "DRAFT" ? t("page.deleteDraftYes") : t("page.withdrawYes")}
                  className="btn border-red-800 bg-red-800 text-white hover:bg-red-900"
                />
              </details>
            ) : null}
          </div>
        </aside>
      </div>

      {idea.mergedIdeas.length ? (
        <section aria-labelledby="merged-title" id="merged" className="mb-8">
          <h2 id="merged-title" className="mb-3 text-xl font-semibold">
            {t("merged.listTitle")}
          </h2>
          <MergedIdeas ideas={idea.mergedIdeas} />
        </section>
      ) : null}

      {similar ? <SimilarIdeasSection similar={similar} /> : null}

      <section aria-labelledby="experiments-title" id="experiments" className="mb-8">
        <h2 id="experiments-title" className="mb-3 text-xl font-semibold">
          {t("page.experiments")}
        </h2>
        <ExperimentList ideaId={idea.id} experiments={idea.experiments} canEdit={idea.can.experiments} />
      </section>

      {idea.status !== "DRAFT" ? (
        <section aria-labelledby="comments-title" id="comments" className="mb-8 no-print">
          <h2 id="comments-title" className="mb-3 text-xl font-semibold">
            {t("comments.title", { count: idea.comments.length })}
          </h2>
          <Comments comments={idea.comments} canComment={idea.can.comment} canInternal={idea.can.internalNote} />
        </section>
      ) : null}

      <section aria-labelledby="history-title" className="mb-8 print:hidden">
        <h2 id="history-title" className="mb-3 text-xl font-semibold">
          {t("page.history")}
        </h2>
        <Timeline events={idea.events} />
      </section>
    </article>
  );
}
