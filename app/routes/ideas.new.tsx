import { randomUUID } from "node:crypto";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData, type ShouldRevalidateFunction } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { handleForm } from "~/core/form.server";
import { BriefStepForm, StepProgress, stepPath, stepTitleKey } from "~/modules/idea/brief-steps";
import { NeedStepSchema } from "~/modules/idea/idea.schema";
import { saveBriefStep } from "~/modules/idea/idea.server";
import { getFilterOptions } from "~/modules/idea/idea-queries.server";
import { SimilarNeedStep } from "~/modules/idea/similar-panel";
import { isSimilarSubmission } from "~/modules/idea/similar.schema";
import { similarStepAnswer } from "~/modules/idea/similar.server";
import { requireUserWith } from "~/utils/auth.server";
import { getLocale, getT } from "~/utils/i18n.server";
import { pageMeta } from "~/utils/meta";

export const meta = pageMeta;
export { RouteErrorBoundary as ErrorBoundary } from "~/components/error-boundary";

// The brief's first step for a new idea: its answers start the draft, and the next steps edit it.
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUserWith(request, "idea:create");
  const locale = await getLocale(request);
  const [t, options] = await Promise.all([getT(request, "ideas"), getFilterOptions(locale)]);
  return {
    title: `${t(stepTitleKey("need"))} · ${t("new.title")} · ${t("common:appName")}`,
    options,
    defaults: {
      // The person's own institution, unless it no longer takes new ideas (then they choose).
      institutionId: options.institutions.some((i) => i.id === user.institutionId && i.active) ? user.institutionId : undefined,
      // A fresh token per form: the same form sent twice creates one idea.
      createToken: randomUUID(),
    },
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUserWith(request, "idea:create");
  // "Find similar ideas" and the similar-ideas panel's buttons: nothing is saved, everything typed comes back.
  const similar = await similarStepAnswer(request, user, await getLocale(request));
  if (similar) return data(similar.reply, { status: similar.status });
  return handleForm(request, {
    schema: NeedStepSchema,
    hidden: ["createToken"],
    run: (value) => saveBriefStep(user, { step: "need", value }),
    done: ({ id }) => ({ redirect: stepPath(id, "evidence"), toast: "ideas:toast.draftSaved" }),
  });
}

// The panel's answers change nothing this page's loader reads (and a new create token would only replace the form's).
export const shouldRevalidate: ShouldRevalidateFunction = ({ formData, defaultShouldRevalidate }) =>
  isSimilarSubmission(formData) ? false : defaultShouldRevalidate;

export default function NewIdea() {
  const { options, defaults } = useLoaderData<typeof loader>();
  const { t } = useTranslation("ideas");
  return (
    <div className="max-w-6xl">
      <StepProgress step="need" />
      <h1 className="mb-2 text-3xl font-bold">{t(stepTitleKey("need"))}</h1>
      <p className="mb-2 max-w-3xl text-slate-700">{t("new.intro")}</p>
      <p className="mb-8 max-w-3xl text-slate-700">{t("groups.users.help")}</p>
      <SimilarNeedStep
        initial={null}
        form={(typed, findButton) => <BriefStepForm step="need" defaults={{ ...defaults, ...typed }} options={options} extraButtons={findButton} />}
      />
    </div>
  );
}
