import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ManageSchema } from "~/modules/board/board.schema";
import { getManageData, manageIdea } from "~/modules/board/board.server";
import { ManageForms } from "~/modules/board/manage-forms";
import { requireUser } from "~/utils/auth.server";
import { readFormData } from "~/utils/form.server";
import { requireIdParam } from "~/utils/http.server";
import { getLocale, getT } from "~/utils/i18n.server";
import { safeRedirect } from "~/utils/safe-redirect";
import { flashToast } from "~/utils/session.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title }];

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
  const formData = await readFormData(request);
  const submission = parseWithZod(formData, { schema: ManageSchema });
  if (submission.status !== "success") {
    // A hidden field that does not parse has no place on the page to show its message: say it for the form.
    const hidden = ["ideaId", "version"].some((name) => submission.error?.[name]);
    return data({ intent: String(formData.get("intent") ?? ""), reply: submission.reply(hidden ? { formErrors: ["board:errors.tampered"] } : undefined) }, { status: 400 });
  }
  if (submission.value.ideaId !== id) return data({ intent: submission.value.intent, reply: submission.reply({ formErrors: ["board:errors.tampered"] }) }, { status: 400 });
  const result = await manageIdea(user, submission.value);
  if (!result.ok) {
    const reply = result.field
      ? submission.reply({ fieldErrors: { [result.field]: [result.message] } })
      : submission.reply({ formErrors: [result.message] });
    return data({ intent: submission.value.intent, reply, link: result.link }, { status: result.status });
  }
  const back = safeRedirect(formData.get("returnTo"), `/board#card-${id}`);
  return redirect(back, { headers: { "Set-Cookie": await flashToast(request, `board:toast.${submission.value.intent}`) } });
}

export default function ManageIdea() {
  const loaderData = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const { t } = useTranslation("board");
  return (
    <div className="max-w-3xl">
      <p className="mb-2 flex flex-wrap gap-4">
        <Link to={`/board#card-${loaderData.idea.id}`} className="link">
          {t("manage.backToBoard")}
        </Link>
        <Link to={`/ideas/${loaderData.idea.id}`} className="link">
          {t("manage.toIdea")}
        </Link>
      </p>
      <h1 className="mb-1 text-3xl font-bold">{t("manage.title")}</h1>
      <p className="mb-6 text-lg break-words">{loaderData.idea.title}</p>
      <ManageForms data={loaderData} result={actionData ?? null} preselectedStage={params.get("stage")} returnTo={params.get("returnTo")} />
    </div>
  );
}
