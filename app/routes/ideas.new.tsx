import { randomUUID } from "node:crypto";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { handleForm } from "~/core/form.server";
import { BriefStepForm, StepProgress, stepPath, stepTitleKey } from "~/modules/idea/brief-steps";
import { NeedStepSchema } from "~/modules/idea/idea.schema";
import { saveBriefStep } from "~/modules/idea/idea.server";
import { getFilterOptions } from "~/modules/idea/idea-queries.server";
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
  return handleForm(request, {
    schema: NeedStepSchema,
    hidden: ["createToken"],
    run: (value) => saveBriefStep(user, { step: "need", value }),
    done: ({ id }) => ({ redirect: stepPath(id, "evidence"), toast: "ideas:toast.draftSaved" }),
  });
}

export default function NewIdea() {
  const { options, defaults } = useLoaderData<typeof loader>();
  const { t } = useTranslation("ideas");
  return (
    <div className="max-w-3xl">
      <StepProgress step="need" />
      <h1 className="mb-2 text-3xl font-bold">{t(stepTitleKey("need"))}</h1>
      <p className="mb-2 text-slate-700">{t("new.intro")}</p>
      <p className="mb-8 text-slate-700">{t("groups.users.help")}</p>
      <BriefStepForm step="need" defaults={defaults} options={options} />
    </div>
  );
}
