import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { useFormReply } from "~/components/form";
import { handleForm, type Done } from "~/core/form.server";
import { fail, type Result } from "~/core/result";
import { ManageSchema, type ManageValue } from "~/modules/board/board.schema";
import { acceptIdea, askDecline, assignIdea, declineIdea, getManageData, moveIdea, returnIdea, tagIdea } from "~/modules/board/board.server";
import { DeclineConfirm, ManageForms } from "~/modules/board/manage-forms";
import { askMerge, mergeIdeas, type MergePreview } from "~/modules/board/merge.server";
import { MergeConfirm } from "~/modules/board/merge-forms";
import { BriefView } from "~/modules/idea/idea-view";
import { requireUser } from "~/utils/auth.server";
import { requireIdParam } from "~/utils/http.server";
import { getLocale, getT } from "~/utils/i18n.server";
import { pageMeta } from "~/utils/meta";
import { safeRedirect } from "~/utils/safe-redirect";

export const meta = pageMeta;
export { RouteErrorBoundary as ErrorBoundary } from "~/components/error-boundary";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const id = requireIdParam(params.id);
  const manage = await getManageData(user, id, await getLocale(request));
  const t = await getT(request, "board");
  return { title: `${t("manage.title")} · ${manage.idea.title} · ${t("common:appName")}`, ...manage };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const id = requireIdParam(params.id);
  const locale = await getLocale(request);
  return handleForm(request, {
    schema: ManageSchema,
    hidden: ["ideaId", "version"],
    async run(value): Promise<Result<unknown>> {
      if (value.ideaId !== id) return fail(400, "common:errors.tampered");
      return onThisPage(await runIntent(value));
    },
    done(outcome, value): Done<{ confirmDecline?: { reason: string }; confirmMerge?: MergePreview }> {
      // Declining asks first: the reason is checked, then the page asks "Yes, decline?" (nothing changed yet).
      if (value.intent === "decline" && !value.confirmed) return { data: { confirmDecline: { reason: value.reason } } };
      // So does merging: the number is checked, then the page says what will happen and asks "Yes, merge?".
      if (value.intent === "merge" && !value.confirmed) return { data: { confirmMerge: outcome as MergePreview } };
      if (value.intent === "merge") return { redirect: safeRedirect(value.returnTo, `/ideas/${value.into}`), toast: "board:toast.merge" };
      return { redirect: safeRedirect(value.returnTo, `/board#card-${id}`), toast: `board:toast.${value.intent}` };
    },
  });

  async function runIntent(value: ManageValue): Promise<Result<unknown>> {
    switch (value.intent) {
      case "move":
        return moveIdea(user, value);
      case "accept":
        return acceptIdea(user, value);
      case "return":
        return returnIdea(user, { ideaId: value.ideaId, version: value.version, text: value.question, step: value.step });
      case "decline":
        if (!value.confirmed) return askDecline(user, { ideaId: value.ideaId, version: value.version });
        return declineIdea(user, { ideaId: value.ideaId, version: value.version, text: value.reason });
      case "merge": {
        const input = { ideaId: value.ideaId, version: value.version, into: value.into };
        return value.confirmed ? mergeIdeas(user, input) : askMerge(user, { ...input, locale });
      }
      case "assign":
        return assignIdea(user, value);
      case "tags":
        return tagIdea(user, value);
    }
  }
}

/** Someone else changed the idea first: said as this page shows it (the board's own message speaks of the board). */
function onThisPage(result: Result<unknown>): Result<unknown> {
  if (result.ok || result.status !== 409 || !result.formErrors.includes("board:errors.conflict")) return result;
  return { ...result, formErrors: result.formErrors.map((m) => (m === "board:errors.conflict" ? "board:manageErrors.conflict" : m)) };
}

export default function ManageIdea() {
  const data = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  const { t } = useTranslation("board");
  const returnTo = params.get("returnTo");
  // Declining's second step: after the reason was checked, or when the confirmation itself was refused.
  const asked = useFormReply<{ confirmDecline?: { reason: string } }>("decline")?.data?.confirmDecline?.reason;
  const refused = useFormReply("decline-confirm");
  const declineReason = asked ?? (refused ? String(refused.result.initialValue?.reason ?? "") : null);
  // Merging's second step, after the number (or a likely duplicate's button) was checked.
  const merging = useFormReply<{ confirmMerge?: MergePreview }>("merge")?.data?.confirmMerge;
  return (
    <div className="max-w-7xl">
      <p className="mb-2 flex flex-wrap gap-4">
        <Link to={`/board#card-${data.idea.id}`} className="link">
          {t("manage.backToBoard")}
        </Link>
        <Link to={`/ideas/${data.idea.id}`} className="link">
          {t("manage.toIdea")}
        </Link>
      </p>
      <h1 className="mb-1 text-3xl font-bold">{t("manage.title")}</h1>
      <p className="mb-6 text-lg break-words" lang={data.idea.language}>
        {data.idea.title}
      </p>
      {declineReason !== null ? (
        <DeclineConfirm data={data} reason={declineReason} returnTo={returnTo} />
      ) : merging ? (
        <MergeConfirm data={data} preview={merging} returnTo={returnTo} />
      ) : (
        // The brief first (on phones above the decision), beside it on wide screens.
        <div className="grid gap-8 lg:grid-cols-2">
          <section aria-labelledby="brief-title">
            <h2 id="brief-title" className="mb-4 text-xl font-semibold">
              {t("triageBrief.title")}
            </h2>
            <BriefView brief={data.idea.brief} lang={data.idea.language} sections />
          </section>
          <div>
            <ManageForms data={data} preselectedStage={params.get("stage")} returnTo={returnTo} />
          </div>
        </div>
      )}
    </div>
  );
}
