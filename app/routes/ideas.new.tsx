import { randomUUID } from "node:crypto";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { IdeaForm } from "~/modules/idea/idea-form";
import { IdeaFormSchema } from "~/modules/idea/idea.schema";
import { createIdea } from "~/modules/idea/idea.server";
import { getFilterOptions } from "~/modules/idea/idea-queries.server";
import { requireUserWith } from "~/utils/auth.server";
import { readFormData } from "~/utils/form.server";
import { getLocale, getT } from "~/utils/i18n.server";
import { flashToast } from "~/utils/session.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUserWith(request, "idea:create");
  const locale = await getLocale(request);
  const [t, options] = await Promise.all([getT(request, "ideas"), getFilterOptions(locale)]);
  return {
    title: `${t("new.title")} · ${t("common:appName")}`,
    options,
    // A fresh token per form: the same form sent twice creates one idea.
    // The person's own institution, unless it no longer takes new ideas (then they choose).
    defaults: { institutionId: options.institutions.some((i) => i.id === user.institutionId && i.active) ? user.institutionId : undefined, createToken: randomUUID() },
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUserWith(request, "idea:create");
  const submission = parseWithZod(await readFormData(request), { schema: IdeaFormSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  const result = await createIdea(user, submission.value);
  if (!result.ok) {
    return data(submission.reply({ fieldErrors: result.fieldErrors as Record<string, string[]>, formErrors: result.formErrors }), {
      status: result.status,
    });
  }
  const toast = submission.value.intent === "submit" ? "ideas:toast.submitted" : "ideas:toast.draftSaved";
  return redirect(`/ideas/${result.value.id}`, { headers: { "Set-Cookie": await flashToast(request, toast) } });
}

export default function NewIdea() {
  const { options, defaults } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const { t } = useTranslation("ideas");
  return (
    <div className="max-w-3xl">
      <h1 className="mb-2 text-3xl font-bold">{t("new.title")}</h1>
      <p className="mb-8 text-slate-700">{t("new.intro")}</p>
      <IdeaForm lastResult={lastResult} defaults={defaults} options={options} isDraft />
    </div>
  );
}
