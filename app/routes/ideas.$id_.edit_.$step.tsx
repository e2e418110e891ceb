import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData, type ShouldRevalidateFunction } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { BackLink } from "~/components/ui/back-link";
import { handleForm } from "~/core/form.server";
import { BRIEF_STEP_KEYS, isBriefStep, type BriefStep } from "~/modules/idea/brief";
import { BriefStepForm, ReturnQuestion, StepProgress, stepNumber, stepPath, stepTitleKey } from "~/modules/idea/brief-steps";
import { stepFormSchema, type StepValue } from "~/modules/idea/idea.schema";
import { saveBriefStep } from "~/modules/idea/idea.server";
import { getEditableIdea, getFilterOptions } from "~/modules/idea/idea-queries.server";
import { SimilarNeedStep } from "~/modules/idea/similar-panel";
import { enoughToSearch, isSimilarSubmission, similarQueryOf } from "~/modules/idea/similar.schema";
import { similarForBrief, similarStepAnswer } from "~/modules/idea/similar.server";
import { requireUser } from "~/utils/auth.server";
import { invariantResponse, requireIdParam } from "~/utils/http.server";
import { getLocale, getT } from "~/utils/i18n.server";
import { pageMeta } from "~/utils/meta";

export const meta = pageMeta;
export { RouteErrorBoundary as ErrorBoundary } from "~/components/error-boundary";

// One step of an idea's brief (brief.ts, BRIEF_STEPS): /ideas/1/edit/evidence. "Save and continue"
// checks and saves the step, then opens the next (or check-your-answers, when the person came from
// there to change an answer); "Back" saves what was typed and opens the previous step.

function requireStep(param: string | undefined): BriefStep {
  invariantResponse(isBriefStep(param), 404);
  return param;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const step = requireStep(params.step);
  const id = requireIdParam(params.id);
  const idea = await getEditableIdea(user, id);
  const locale = await getLocale(request);
  // The first step's panel starts with the ideas like the text as it was saved.
  const query = similarQueryOf(idea.defaults);
  const [t, options, similar] = await Promise.all([
    getT(request, "ideas"),
    getFilterOptions(locale),
    step === "need" && enoughToSearch(query) ? similarForBrief(user, { ...query, exclude: id }, locale) : null,
  ]);
  const progress = t("steps.progress", { current: stepNumber(step), total: BRIEF_STEP_KEYS.length });
  return {
    ...idea,
    step,
    similar,
    then: new URL(request.url).searchParams.get("then") === "check" ? ("check" as const) : undefined,
    title: `${t(stepTitleKey(step))} · ${progress} · ${idea.title} · ${t("common:appName")}`,
    options,
  };
}

/** Where a saved step leads: back, to check-your-answers, or on. */
function nextPath(id: number, step: BriefStep, value: StepValue) {
  const index = BRIEF_STEP_KEYS.indexOf(step);
  if (value.intent === "back") return stepPath(id, BRIEF_STEP_KEYS[Math.max(index - 1, 0)]);
  if (value.then === "check" || index === BRIEF_STEP_KEYS.length - 1) return stepPath(id, "check");
  return stepPath(id, BRIEF_STEP_KEYS[index + 1]);
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const step = requireStep(params.step);
  const id = requireIdParam(params.id);
  await getEditableIdea(user, id); // 404 or 403 before any message about fields
  // The first step's "Find similar ideas" and the similar-ideas panel's buttons: nothing is saved, everything typed comes back.
  const similar = step === "need" ? await similarStepAnswer(request, user, await getLocale(request), { excludeId: id }) : null;
  if (similar) return data(similar.reply, { status: similar.status });
  return handleForm(request, {
    schema: stepFormSchema(step),
    hidden: ["id", "version", "intent", "then"],
    run: (value) => saveBriefStep(user, { id, step, value }),
    done: (_, value) => ({ redirect: nextPath(id, step, value) }),
  });
}

// The panel's answers change nothing this page's loader reads.
export const shouldRevalidate: ShouldRevalidateFunction = ({ formData, defaultShouldRevalidate }) =>
  isSimilarSubmission(formData) ? false : defaultShouldRevalidate;

export default function EditStep() {
  const { options, defaults, returnQuestion, step, then, similar } = useLoaderData<typeof loader>();
  const { t } = useTranslation("ideas");
  return (
    <div className={step === "need" ? "max-w-6xl" : "max-w-3xl"}>
      <BackLink to={`/ideas/${defaults.id}`}>{t("edit.back")}</BackLink>
      <StepProgress step={step} />
      <h1 className="mb-2 text-3xl font-bold">{t(stepTitleKey(step))}</h1>
      <p className="mb-8 max-w-3xl text-slate-700">{t(`${stepTitleKey(step).replace(/\.title$/, ".help")}`)}</p>
      {returnQuestion ? (
        <div className="max-w-3xl">
          <ReturnQuestion question={returnQuestion} />
        </div>
      ) : null}
      {/* A step is a new form when the step changes (the same component serves every step). */}
      {step === "need" ? (
        <SimilarNeedStep
          key={step}
          initial={similar}
          existingId={defaults.id}
          form={(typed, findButton) => (
            <BriefStepForm step={step} defaults={{ ...defaults, ...typed }} options={options} then={then} extraButtons={findButton} />
          )}
        />
      ) : (
        <BriefStepForm key={step} step={step} defaults={defaults} options={options} then={then} />
      )}
    </div>
  );
}
