import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { handleForm } from "~/core/form.server";
import { fail } from "~/core/result";
import { ManageSchema } from "~/modules/board/board.schema";
import { acceptIdea, assignIdea, declineIdea, getManageData, moveIdea, returnIdea, tagIdea } from "~/modules/board/board.server";
import { ManageForms } from "~/modules/board/manage-forms";
import { requireUser } from "~/utils/auth.server";
import { requireIdParam } from "~/utils/http.server";
import { getLocale, getT } from "~/utils/i18n.server";
import { pageMeta } from "~/utils/meta";
import { safeRedirect } from "~/utils/safe-redirect";

export const meta = pageMeta;
export { RouteErrorBoundary as ErrorBoundary } from "~/components/error-boundary";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const id = requireIdParam(params.id);
  const manage = await getManageData(user, id, await getLocale(request));
  const t = await getT(request, "board");
  return { title: `${t("manage.title")} · ${manage.idea.title} · ${t("common:appName")}`, ...manage };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const id = requireIdParam(params.id);
  return handleForm(request, {
    schema: ManageSchema,
    hidden: ["ideaId", "version"],
    async run(value) {
      if (value.ideaId !== id) return fail(400, "common:errors.tampered");
      switch (value.intent) {
        case "move":
          return moveIdea(user, value);
        case "accept":
          return acceptIdea(user, value);
        case "return":
          return returnIdea(user, { ideaId: value.ideaId, version: value.version, text: value.question });
        case "decline":
          return declineIdea(user, { ideaId: value.ideaId, version: value.version, text: value.reason });
        case "assign":
          return assignIdea(user, value);
        case "tags":
          return tagIdea(user, value);
      }
    },
    done: (_, value) => ({ redirect: safeRedirect(value.returnTo, `/board#card-${id}`), toast: `board:toast.${value.intent}` }),
  });
}

export default function ManageIdea() {
  const data = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  const { t } = useTranslation("board");
  return (
    <div className="max-w-3xl">
      <p className="mb-2 flex flex-wrap gap-4">
        <Link to={`/board#card-${data.idea.id}`} className="link">
          {t("manage.backToBoard")}
        </Link>
        <Link to={`/ideas/${data.idea.id}`} className="link">
          {t("manage.toIdea")}
        </Link>
      </p>
      <h1 className="mb-1 text-3xl font-bold">{t("manage.title")}</h1>
      <p className="mb-6 text-lg break-words">{data.idea.title}</p>
      <ManageForms data={data} preselectedStage={params.get("stage")} returnTo={params.get("returnTo")} />
    </div>
  );
}
