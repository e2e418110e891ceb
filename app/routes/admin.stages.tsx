import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { BackLink } from "~/components/ui/back-link";
import { handleForm } from "~/core/form.server";
import { StageAdmin } from "~/modules/stage/stage-admin-view";
import { StageAdminSchema } from "~/modules/stage/stage.schema";
import { addStage, archiveStage, listStages, moveStage, switchGate, updateStage } from "~/modules/stage/stages.server";
import { requireUserWith } from "~/utils/auth.server";
import { getT } from "~/utils/i18n.server";
import { pageMeta } from "~/utils/meta";

export const meta = pageMeta;
export { RouteErrorBoundary as ErrorBoundary } from "~/components/error-boundary";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUserWith(request, "admin:stages");
  const [t, stages] = await Promise.all([getT(request, "admin"), listStages(user)]);
  return { title: `${t("stages.title")} · ${t("common:appName")}`, stages };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUserWith(request, "admin:stages");
  return handleForm(request, {
    schema: StageAdminSchema,
    hidden: ["stageId", "order", "direction", "enabled"],
    run(value) {
      switch (value.intent) {
        case "update":
          return updateStage(user, value);
        case "create":
          return addStage(user, value);
        case "archive":
          return archiveStage(user, value);
        case "move":
          return moveStage(user, value);
        case "gate":
          return switchGate(user, { stageId: value.stageId, enabled: value.enabled === "true" });
      }
    },
    done: (_, value) => ({
      redirect: "/admin/stages",
      toast: value.intent === "gate" ? (value.enabled === "true" ? "board:gates.switchedOn" : "board:gates.switchedOff") : `admin:stages.toast.${value.intent}`,
    }),
  });
}

export default function Stages() {
  const { stages } = useLoaderData<typeof loader>();
  const { t } = useTranslation("admin");
  return (
    <div className="max-w-4xl">
      <BackLink to="/admin">{t("back")}</BackLink>
      <h1 className="mb-2 text-3xl font-bold">{t("stages.title")}</h1>
      <p className="mb-6 text-slate-700">{t("stages.intro")}</p>
      <StageAdmin stages={stages} />
    </div>
  );
}
