import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { handleForm } from "~/core/form.server";
import { ExperimentForm } from "~/modules/experiment/experiment-form";
import { ExperimentSchema } from "~/modules/experiment/experiment.schema";
import { getExperimentForEdit, updateExperiment } from "~/modules/experiment/experiment.server";
import { requireUser } from "~/utils/auth.server";
import { requireIdParam } from "~/utils/http.server";
import { getT } from "~/utils/i18n.server";
import { pageMeta } from "~/utils/meta";

export const meta = pageMeta;
export { RouteErrorBoundary as ErrorBoundary } from "~/components/error-boundary";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const { idea, defaults } = await getExperimentForEdit(user, requireIdParam(params.id), requireIdParam(params.experimentId));
  const t = await getT(request, "experiments");
  return { title: `${t("edit")} · ${idea.title}`, idea, defaults };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const ideaId = requireIdParam(params.id);
  const experimentId = requireIdParam(params.experimentId);
  await getExperimentForEdit(user, ideaId, experimentId); // 404 or 403 before any message about fields
  return handleForm(request, {
    schema: ExperimentSchema,
    hidden: ["experimentId", "version"],
    run: (value) => updateExperiment(user, { ideaId, experimentId, value }),
    done: ({ completed }) => ({ redirect: `/ideas/${ideaId}#experiments`, toast: completed ? "experiments:toast.completed" : "experiments:toast.saved" }),
  });
}

export default function EditExperiment() {
  const { idea, defaults } = useLoaderData<typeof loader>();
  const { t } = useTranslation("experiments");
  return (
    <div className="max-w-3xl">
      <p className="mb-2">
        <Link to={`/ideas/${idea.id}`} className="link">
          ← {idea.title}
        </Link>
      </p>
      <h1 className="mb-6 text-3xl font-bold">{t("edit")}</h1>
      <ExperimentForm defaults={defaults} submitLabel={t("save")} />
    </div>
  );
}
