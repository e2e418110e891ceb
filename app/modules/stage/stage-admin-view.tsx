import { useTranslation } from "react-i18next";
import { AppForm, ButtonForm, InputField, SubmitButton, useAppForm } from "~/components/app-form";
import { checkWith } from "~/components/form-check";
import { localName } from "~/utils/i18n";
import { gateRule } from "./gates";
import { StageAdminSchema } from "./stage.schema";

type Stage = { id: number; key: string; nameLv: string; nameEn: string; kind: string; wipLimit: number | null; gateEnabled: boolean; ideas: number };

function UpdateStage({ stage }: { stage: Stage }) {
  const { t } = useTranslation("admin");
  const [form, fields] = useAppForm({
    id: `update-${stage.id}`,
    check: checkWith(StageAdminSchema),
    defaultValue: { nameLv: stage.nameLv, nameEn: stage.nameEn, wipLimit: stage.wipLimit === null ? undefined : String(stage.wipLimit) },
  });
  return (
    // The names get a half of the row each, so a long one ("Prototipēšana un testēšana") shows whole; the limit and the button go below.
    <AppForm form={form} className="mt-3 grid gap-3 md:grid-cols-2">
      <input type="hidden" name="intent" value="update" />
      <input type="hidden" name="stageId" value={stage.id} />
      <InputField meta={fields.nameLv} label={t("stages.nameLv")} compact />
      <InputField meta={fields.nameEn} label={t("stages.nameEn")} compact />
      <div className="flex flex-wrap items-end gap-3 md:col-span-2">
        <div className="w-48">
          <InputField meta={fields.wipLimit} type="number" min={1} label={t("stages.wipLimit")} compact />
        </div>
        <SubmitButton form={form} secondary>
          {t("stages.save")}
        </SubmitButton>
      </div>
    </AppForm>
  );
}

function AddStage() {
  const { t } = useTranslation("admin");
  const [form, fields] = useAppForm({ id: "add-stage", check: checkWith(StageAdminSchema) });
  return (
    <AppForm form={form} className="grid gap-3 md:grid-cols-3">
      <input type="hidden" name="intent" value="create" />
      <InputField meta={fields.nameLv} label={t("stages.nameLv")} compact />
      <InputField meta={fields.nameEn} label={t("stages.nameEn")} compact />
      <div className="flex items-end">
        <SubmitButton form={form}>{t("stages.addSubmit")}</SubmitButton>
      </div>
    </AppForm>
  );
}

/** Rename, limit, reorder, add, archive and gates: forms that work without JavaScript. */
export function StageAdmin({ stages }: { stages: Stage[] }) {
  const { t, i18n } = useTranslation("admin");
  const nameOf = (s: Stage) => localName(i18n.language, s);
  const order = stages.map((s) => s.id).join(",");
  const work = stages.filter((s) => s.kind === "WORK");
  return (
    <div className="space-y-4">
      {stages.map((s) => {
        const w = work.indexOf(s);
        const rule = gateRule(s.key);
        return (
          <section key={s.id} aria-labelledby={`stage-${s.id}-title`} className="rounded-lg bg-white p-4 shadow">
            <h2 id={`stage-${s.id}-title`} className="font-semibold">
              {s.nameLv} / {s.nameEn}{" "}
              <span className="text-sm font-normal text-slate-700">
                ({t(`stages.kinds.${s.kind}`)}, {t("stages.ideas", { count: s.ideas })})
              </span>
            </h2>
            <UpdateStage stage={s} />
            <div className="mt-3 flex flex-wrap gap-3">
              {w > 0 ? (
                <ButtonForm id={`up-${s.id}`} fields={{ intent: "move", stageId: s.id, direction: "up", order }} label={t("stages.up", { name: nameOf(s) })} />
              ) : null}
              {w !== -1 && w < work.length - 1 ? (
                <ButtonForm
                  id={`down-${s.id}`}
                  fields={{ intent: "move", stageId: s.id, direction: "down", order }}
                  label={t("stages.down", { name: nameOf(s) })}
                />
              ) : null}
              {s.kind === "WORK" && s.ideas === 0 ? (
                <ButtonForm id={`archive-${s.id}`} fields={{ intent: "archive", stageId: s.id }} label={t("stages.archive", { name: nameOf(s) })} />
              ) : null}
              {rule ? (
                <ButtonForm
                  id={`gate-${s.id}`}
                  fields={{ intent: "gate", stageId: s.id, enabled: s.gateEnabled ? "false" : "true" }}
                  label={s.gateEnabled ? t("board:gates.switchOff", { stage: nameOf(s) }) : t("board:gates.switchOn", { stage: nameOf(s) })}
                />
              ) : null}
            </div>
            {rule ? (
              <p className="mt-2 text-sm text-slate-700">
                {t("board:gates.state")} <strong>{s.gateEnabled ? t("board:gates.on") : t("board:gates.off")}</strong> — {t(`board:gates.${rule}`)}
              </p>
            ) : null}
          </section>
        );
      })}
      <section aria-labelledby="new-stage" className="rounded-lg bg-white p-4 shadow">
        <h2 id="new-stage" className="mb-3 font-semibold">
          {t("stages.add")}
        </h2>
        <AddStage />
      </section>
    </div>
  );
}
