import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { handleForm } from "~/core/form.server";
import { IdeaForm } from "~/modules/idea/idea-form";
import { IdeaFormSchema } from "~/modules/idea/idea.schema";
import { updateIdea } from "~/modules/idea/idea.server";
import { getEditableIdea, getFilterOptions } from "~/modules/idea/idea-queries.server";
import { requireUser } from "~/utils/auth.server";
import { requireIdParam } from "~/utils/http.server";
import { getLocale, getT } from "~/utils/i18n.server";
import { pageMeta } from "~/utils/meta";

export const meta = pageMeta;
export { RouteErrorBoundary as ErrorBoundary } from "~/components/error-boundary";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const idea = await getEditableIdea(user, requireIdParam(params.id));
  const [t, options] = await Promise.all([getT(request, "ideas"), getFilterOptions(await getLocale(request))]);
  return { ...idea, title: `${t("edit.title")} · ${idea.title} · ${t("common:appName")}`, options };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const id = requireIdParam(params.id);
  await getEditableIdea(user, id); // 404 or 403 before any message about fields
  return handleForm(request, {
    schema: IdeaFormSchema,
    hidden: ["id", "version"],
    run: (value) => updateIdea(user, { id, value }),
    done: (_, value) => ({ redirect: `/ideas/${id}`, toast: value.intent === "submit" ? "ideas:toast.submitted" : "ideas:toast.saved" }),
  });
}

export default function EditIdea() {
  const { options, defaults, returnQuestion, status } = useLoaderData<typeof loader>();
  const { t } = useTranslation("ideas");
  return (
    <div className="max-w-3xl">
      <p className="mb-2">
        <Link to={`/ideas/${defaults.id}`} className="link">
          {t("edit.back")}
        </Link>
      </p>
      <h1 className="mb-6 text-3xl font-bold">{t("edit.title")}</h1>
      <IdeaForm defaults={defaults} options={options} returnQuestion={returnQuestion} isDraft={status === "DRAFT"} />
    </div>
  );
}
