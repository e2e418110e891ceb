import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ExperimentForm } from "~/modules/experiment/experiment-form";
import { ExperimentSchema } from "~/modules/experiment/experiment.schema";
import { getExperimentForEdit, updateExperiment } from "~/modules/experiment/experiment.server";
import { requireUser } from "~/utils/auth.server";
import { readFormData } from "~/utils/form.server";
import { requireIdParam } from "~/utils/http.server";
import { getT } from "~/utils/i18n.server";
import { flashToast } from "~/utils/session.server";
import { isoDayOf } from "~/utils/iso-day";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title }];

const isoDay = (d: Date | null) => (d ? isoDayOf(d) : null);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const { idea, experiment: e } = await getExperimentForEdit(user, requireIdParam(params.id), requireIdParam(params.experimentId));
  const t = await getT(request, "experiments");
  return {
    title: `${t("edit")} · ${idea.title}`,
    idea: { id: idea.id, title: idea.title },
    defaults: {
      experimentId: e.id,
      version: e.version,
      hypothesis: e.hypothesis,
      method: e.method,
      methodType: e.methodType,
      metric: e.metric,
      successCriterion: e.successCriterion,
      startsOn: isoDay(e.startsOn),
      endsOn: isoDay(e.endsOn),
      participants: e.participants,
      status: e.status,
      observed: e.observed,
      learned: e.learned,
      result: e.result,
      evidenceStrength: e.evidenceStrength,
      decision: e.decision,
    },
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const ideaId = requireIdParam(params.id);
  const experimentId = requireIdParam(params.experimentId);
  await getExperimentForEdit(user, ideaId, experimentId);
  const submission = parseWithZod(await readFormData(request), { schema: ExperimentSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  const result = await updateExperiment(user, ideaId, experimentId, submission.value);
  if (!result.ok) {
    const reply = result.field ? submission.reply({ fieldErrors: { [result.field]: [result.message] } }) : submission.reply({ formErrors: [result.message] });
    return data(reply, { status: result.status });
  }
  const toast = submission.value.status === "COMPLETED" ? "experiments:toast.completed" : "experiments:toast.saved";
  return redirect(`/ideas/${ideaId}#experiments`, { headers: { "Set-Cookie": await flashToast(request, toast) } });
}

export default function EditExperiment() {
  const { idea, defaults } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const { t } = useTranslation("experiments");
  return (
    <div className="max-w-3xl">
      <p className="mb-2">
        <Link to={`/ideas/${idea.id}`} className="link">
          ← {idea.title}
        </Link>
      </p>
      <h1 className="mb-6 text-3xl font-bold">{t("edit")}</h1>
      <ExperimentForm lastResult={lastResult} defaults={defaults} submitLabel={t("save")} />
    </div>
  );
}
