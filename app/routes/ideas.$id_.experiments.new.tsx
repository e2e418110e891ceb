import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ExperimentForm } from "~/modules/experiment/experiment-form";
import { ExperimentSchema } from "~/modules/experiment/experiment.schema";
import { createExperiment, requireExperimentIdea } from "~/modules/experiment/experiment.server";
import { requireUser } from "~/utils/auth.server";
import { readFormData } from "~/utils/form.server";
import { requireIdParam } from "~/utils/http.server";
import { getT } from "~/utils/i18n.server";
import { flashToast } from "~/utils/session.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const idea = await requireExperimentIdea(user, requireIdParam(params.id));
  const t = await getT(request, "experiments");
  return { title: `${t("new")} · ${idea.title}`, idea: { id: idea.id, title: idea.title } };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const ideaId = requireIdParam(params.id);
  await requireExperimentIdea(user, ideaId);
  const submission = parseWithZod(await readFormData(request), { schema: ExperimentSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  await createExperiment(user, ideaId, submission.value);
  return redirect(`/ideas/${ideaId}#experiments`, { headers: { "Set-Cookie": await flashToast(request, "experiments:toast.created") } });
}

export default function NewExperiment() {
  const { idea } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const { t } = useTranslation("experiments");
  return (
    <div className="max-w-3xl">
      <p className="mb-2">
        <Link to={`/ideas/${idea.id}`} className="link">
          ← {idea.title}
        </Link>
      </p>
      <h1 className="mb-6 text-3xl font-bold">{t("new")}</h1>
      <ExperimentForm lastResult={lastResult} defaults={{ status: "PLANNED" }} submitLabel={t("save")} />
    </div>
  );
}
