import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { handleForm } from "~/core/form.server";
import { ExperimentForm } from "~/modules/experiment/experiment-form";
import { ExperimentSchema } from "~/modules/experiment/experiment.schema";
import { createExperiment, requireExperimentIdea } from "~/modules/experiment/experiment.server";
import { requireUser } from "~/utils/auth.server";
import { requireIdParam } from "~/utils/http.server";
import { getT } from "~/utils/i18n.server";
import { pageMeta } from "~/utils/meta";

export const meta = pageMeta;
export { RouteErrorBoundary as ErrorBoundary } from "~/components/error-boundary";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const idea = await requireExperimentIdea(user, requireIdParam(params.id));
  const t = await getT(request, "experiments");
  return { title: `${t("new")} · ${idea.title}`, idea: { id: idea.id, title: idea.title } };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const ideaId = requireIdParam(params.id);
  await requireExperimentIdea(user, ideaId); // 404 or 403 before any message about fields
  return handleForm(request, {
    schema: ExperimentSchema,
    run: (value) => createExperiment(user, { ideaId, value }),
    done: () => ({ redirect: `/ideas/${ideaId}#experiments`, toast: "experiments:toast.created" }),
  });
}

export default function NewExperiment() {
  const { idea } = useLoaderData<typeof loader>();
  const { t } = useTranslation("experiments");
  return (
    <div className="max-w-3xl">
      <p className="mb-2">
        <Link to={`/ideas/${idea.id}`} className="link">
          ← {idea.title}
        </Link>
      </p>
      <h1 className="mb-6 text-3xl font-bold">{t("new")}</h1>
      <ExperimentForm defaults={{ status: "PLANNED" }} submitLabel={t("save")} />
    </div>
  );
}
