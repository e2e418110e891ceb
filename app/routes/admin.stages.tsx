import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { BackLink } from "~/components/ui/back-link";
import { StageAdmin } from "~/modules/board/stage-admin-view";
import { StageAdminSchema, changeStage, listStages } from "~/modules/board/stages-admin.server";
import { setStageGate } from "~/modules/board/stage-gates.server";
import { requireUserWith } from "~/utils/auth.server";
import { readFormData } from "~/utils/form.server";
import { getT } from "~/utils/i18n.server";
import { flashToast } from "~/utils/session.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUserWith(request, "admin:stages");
  const [t, stages] = await Promise.all([getT(request, "admin"), listStages(user)]);
  return { title: `${t("stages.title")} · ${t("common:appName")}`, stages };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUserWith(request, "admin:stages");
  const formData = await readFormData(request);
  const submission = parseWithZod(formData, { schema: StageAdminSchema });
  const target = String(formData.get("stageId") ?? formData.get("stage") ?? "new");
  if (submission.status !== "success") return data({ target, reply: submission.reply() }, { status: 400 });
  const value = submission.value;
  if (value.intent === "gate") {
    await setStageGate(user, value.stage, value.enabled === "true");
    return redirect("/admin/stages", { headers: { "Set-Cookie": await flashToast(request, value.enabled === "true" ? "board:gates.switchedOn" : "board:gates.switchedOff") } });
  }
  const result = await changeStage(user, value);
  if (!result.ok) {
    const reply = result.field ? submission.reply({ fieldErrors: { [result.field]: [result.message] } }) : submission.reply({ formErrors: [result.message] });
    return data({ target, reply }, { status: result.status });
  }
  return redirect("/admin/stages", { headers: { "Set-Cookie": await flashToast(request, `admin:stages.toast.${value.intent}`) } });
}

export default function Stages() {
  const { stages } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useTranslation("admin");
  return (
    <div className="max-w-4xl">
      <BackLink to="/admin">{t("back")}</BackLink>
      <h1 className="mb-2 text-3xl font-bold">{t("stages.title")}</h1>
      <p className="mb-6 text-slate-700">{t("stages.intro")}</p>
      <StageAdmin stages={stages} result={result ?? null} />
    </div>
  );
}
