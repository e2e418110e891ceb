import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { AppForm, SubmitButton, useAppForm } from "~/components/app-form";
import { BackLink } from "~/components/ui/back-link";
import { handleForm } from "~/core/form.server";
import { CheckAnswersList, ReturnQuestion, stepPath } from "~/modules/idea/brief-steps";
import { CheckAnswersSchema } from "~/modules/idea/idea.schema";
import { submitBrief } from "~/modules/idea/idea.server";
import { getEditableIdea, getFilterOptions } from "~/modules/idea/idea-queries.server";
import { requireUser } from "~/utils/auth.server";
import { requireIdParam } from "~/utils/http.server";
import { getLocale, getT } from "~/utils/i18n.server";
import { pageMeta } from "~/utils/meta";

export const meta = pageMeta;
export { RouteErrorBoundary as ErrorBoundary } from "~/components/error-boundary";

// Check your answers (the GOV.UK pattern): the whole brief, each answer with a "Change" link to its
// step, and the submit, which checks the brief whole and names what is missing beside it.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const idea = await getEditableIdea(user, requireIdParam(params.id));
  const [t, options] = await Promise.all([getT(request, "ideas"), getFilterOptions(await getLocale(request))]);
  return { ...idea, title: `${t("steps.check.title")} · ${idea.title} · ${t("common:appName")}`, options };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const id = requireIdParam(params.id);
  await getEditableIdea(user, id); // 404 or 403 before any message
  return handleForm(request, {
    schema: CheckAnswersSchema,
    hidden: ["intent", "version"],
    run: ({ version }) => submitBrief(user, { id, version }),
    done: () => ({ redirect: `/ideas/${id}`, toast: "ideas:toast.submitted" }),
  });
}

export default function CheckAnswers() {
  const { options, defaults, returnQuestion, status, language } = useLoaderData<typeof loader>();
  const { t } = useTranslation("ideas");
  const [form, fields] = useAppForm({ id: "brief-check" });
  const field = fields as unknown as Record<string, { errors?: string[] }>;
  const errors = Object.fromEntries(["title", "institutionId", "language", "principles", ...Object.keys(defaults)].map((name) => [name, field[name]?.errors]));
  const { id, version, title, institutionId, principles, language: _language, ...brief } = defaults;
  return (
    <div className="max-w-4xl">
      <BackLink to={stepPath(id, "partners")}>{t("steps.backLink")}</BackLink>
      <h1 className="mb-2 text-3xl font-bold">{t("steps.check.title")}</h1>
      <p className="mb-8 text-slate-700">{t("steps.check.intro")}</p>
      {returnQuestion ? <ReturnQuestion question={returnQuestion} /> : null}
      <AppForm form={form} className="space-y-8" errors={[field.intent?.errors, field.version?.errors]}>
        <input type="hidden" name="intent" value="submit" />
        <input type="hidden" name="version" value={version} />
        <CheckAnswersList idea={{ id, title, institutionId, language, principles, brief }} options={options} errors={errors} />
        <div>
          <h2 className="mb-2 text-xl font-semibold">{t(status === "DRAFT" ? "steps.check.sendTitle" : "steps.check.resendTitle")}</h2>
          <p className="mb-4 text-slate-700">{t("steps.check.sendHint")}</p>
          <SubmitButton form={form}>{status === "DRAFT" ? t("form.submit") : t("form.resubmit")}</SubmitButton>
        </div>
      </AppForm>
    </div>
  );
}
