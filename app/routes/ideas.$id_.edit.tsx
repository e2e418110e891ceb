import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { IdeaForm } from "~/modules/idea/idea-form";
import { IdeaFormSchema } from "~/modules/idea/idea.schema";
import { getEditableIdea, updateIdea } from "~/modules/idea/idea.server";
import { getFilterOptions } from "~/modules/idea/idea-queries.server";
import { requireUser } from "~/utils/auth.server";
import { readFormData } from "~/utils/form.server";
import { requireIdParam } from "~/utils/http.server";
import { getLocale, getT } from "~/utils/i18n.server";
import { flashToast } from "~/utils/session.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const id = requireIdParam(params.id);
  const idea = await getEditableIdea(user, id);
  const locale = await getLocale(request);
  const [t, options] = await Promise.all([getT(request, "ideas"), getFilterOptions(locale)]);
  return {
    title: `${t("edit.title")} · ${idea.title} · ${t("common:appName")}`,
    options,
    status: idea.status,
    returnQuestion: idea.status === "NEEDS_INFO" ? idea.returnQuestion : null,
    defaults: {
      id: idea.id,
      version: idea.version,
      title: idea.title,
      summary: idea.summary,
      usersAffected: idea.usersAffected,
      problem: idea.problem,
      evidence: idea.evidence,
      usersTalkedTo: idea.usersTalkedTo,
      solution: idea.solution,
      expectedValue: idea.expectedValue,
      firstTest: idea.firstTest,
      partners: idea.partners,
      principles: idea.principles.map((p) => p.principle.key),
      institutionId: idea.institutionId,
    },
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const id = requireIdParam(params.id);
  const submission = parseWithZod(await readFormData(request), { schema: IdeaFormSchema });
  if (submission.status !== "success") {
    await getEditableIdea(user, id); // 404 or 403 before any message about fields
    return data(submission.reply(), { status: 400 });
  }
  const result = await updateIdea(user, id, submission.value);
  if (!result.ok) {
    return data(submission.reply({ fieldErrors: result.fieldErrors as Record<string, string[]>, formErrors: result.formErrors }), {
      status: result.status,
    });
  }
  const toast = submission.value.intent === "submit" ? "ideas:toast.submitted" : "ideas:toast.saved";
  return redirect(`/ideas/${id}`, { headers: { "Set-Cookie": await flashToast(request, toast) } });
}

export default function EditIdea() {
  const { options, defaults, returnQuestion, status } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const { t } = useTranslation("ideas");
  return (
    <div className="max-w-3xl">
      <p className="mb-2">
        <Link to={`/ideas/${defaults.id}`} className="link">
          {t("edit.back")}
        </Link>
      </p>
      <h1 className="mb-6 text-3xl font-bold">{t("edit.title")}</h1>
      <IdeaForm lastResult={lastResult} defaults={defaults} options={options} returnQuestion={returnQuestion} isDraft={status === "DRAFT"} />
    </div>
  );
}
