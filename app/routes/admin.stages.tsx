import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { listStageGates, setStageGate } from "~/modules/board/stage-gates.server";
import { requireUserWith } from "~/utils/auth.server";
import { readFormData } from "~/utils/form.server";
import { httpError } from "~/utils/http.server";
import { getLocale, getT } from "~/utils/i18n.server";
import { flashToast } from "~/utils/session.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUserWith(request, "admin:stages");
  const [t, gates] = await Promise.all([getT(request, "board"), listStageGates(user, await getLocale(request))]);
  return { title: `${t("gates.adminTitle")} · ${t("common:appName")}`, gates };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUserWith(request, "admin:stages");
  const form = await readFormData(request);
  const stage = form.get("stage");
  const enabled = form.get("enabled");
  if (typeof stage !== "string" || (enabled !== "true" && enabled !== "false")) httpError(400);
  await setStageGate(user, stage, enabled === "true");
  return redirect("/admin/stages", { headers: { "Set-Cookie": await flashToast(request, enabled === "true" ? "board:gates.switchedOn" : "board:gates.switchedOff") } });
}

export default function StageGates() {
  const { gates } = useLoaderData<typeof loader>();
  const { t } = useTranslation("board");
  return (
    <div className="max-w-3xl">
      <p className="mb-2">
        <Link to="/admin" className="link">
          {t("gates.backToAdmin")}
        </Link>
      </p>
      <h1 className="mb-2 text-3xl font-bold">{t("gates.adminTitle")}</h1>
      <p className="mb-6 text-slate-700">{t("gates.adminIntro")}</p>
      <ul className="space-y-4">
        {gates.map((g) => (
          <li key={g.key} className="rounded-lg bg-white p-4 shadow">
            <h2 className="font-semibold">{g.name}</h2>
            <p className="mb-2 text-slate-700">{t(`gates.${g.key === "implemented" ? "validated" : g.key === "scale" ? "validated" : g.key === "test" ? "test" : "learning"}`)}</p>
            <p className="mb-2">
              {t("gates.state")} <strong>{g.gateEnabled ? t("gates.on") : t("gates.off")}</strong>
            </p>
            <Form method="post">
              <input type="hidden" name="stage" value={g.key} />
              <input type="hidden" name="enabled" value={g.gateEnabled ? "false" : "true"} />
              <button type="submit" className="btn-secondary">
                {g.gateEnabled ? t("gates.switchOff", { stage: g.name }) : t("gates.switchOn", { stage: g.name })}
              </button>
            </Form>
          </li>
        ))}
      </ul>
    </div>
  );
}
