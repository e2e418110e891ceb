import type { SubmissionResult } from "@conform-to/react";
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Field, FormError } from "~/components/ui/field";
import { gateRule } from "./gates";
import { localName } from "~/utils/i18n";

type Stage = { id: number; key: string; nameLv: string; nameEn: string; kind: string; wipLimit: number | null; gateEnabled: boolean; ideas: number };
type Result = { target: string; reply: SubmissionResult<string[]> } | null;


function TextInput({ id, name, label, defaultValue, errors, type = "text" }: { id: string; name: string; label: string; defaultValue?: string | number | null; errors?: string[] | null; type?: string }) {
  return (
    <Field id={id} label={label} errors={errors ?? undefined} compact>
      {(a11y) => <input {...a11y} name={name} type={type} min={type === "number" ? 1 : undefined} defaultValue={defaultValue ?? undefined} className="input" />}
    </Field>
  );
}

/** Rename, limit, reorder, add, archive and gates: plain forms that work without JavaScript. */
export function StageAdmin({ stages, result }: { stages: Stage[]; result: Result }) {
  const { t, i18n } = useTranslation("admin");
  const nameOf = (s: Stage) => localName(i18n.language, s);
  const order = stages.map((s) => s.id).join(",");
  const mine = (target: string) => (result?.target === target ? result.reply : undefined);
  const work = stages.filter((s) => s.kind === "WORK");
  return (
    <div className="space-y-4">
      {stages.map((s) => {
        const reply = mine(String(s.id)) ?? mine(s.key);
        const values = (reply?.initialValue ?? {}) as Record<string, string>;
        const w = work.indexOf(s);
        return (
          <section key={s.id} aria-labelledby={`stage-${s.id}-title`} className="rounded-lg bg-white p-4 shadow">
            <h2 id={`stage-${s.id}-title`} className="font-semibold">
              {s.nameLv} / {s.nameEn} <span className="text-sm font-normal text-slate-700">({t(`stages.kinds.${s.kind}`)}, {t("stages.ideas", { count: s.ideas })})</span>
            </h2>
            <FormError id={`stage-${s.id}-error`} errors={reply?.error?.[""] ?? undefined} />
            <Form method="post" noValidate className="mt-3 grid gap-3 md:grid-cols-4">
              <input type="hidden" name="intent" value="update" />
              <input type="hidden" name="stageId" value={s.id} />
              <TextInput id={`stage-${s.id}-lv`} name="nameLv" label={t("stages.nameLv")} defaultValue={values.nameLv ?? s.nameLv} errors={reply?.error?.nameLv} />
              <TextInput id={`stage-${s.id}-en`} name="nameEn" label={t("stages.nameEn")} defaultValue={values.nameEn ?? s.nameEn} errors={reply?.error?.nameEn} />
              <TextInput id={`stage-${s.id}-wip`} name="wipLimit" type="number" label={t("stages.wipLimit")} defaultValue={values.wipLimit ?? s.wipLimit} errors={reply?.error?.wipLimit} />
              <div className="flex items-end">
                <button type="submit" className="btn-secondary">
                  {t("stages.save")}
                </button>
              </div>
            </Form>
            <div className="mt-3 flex flex-wrap gap-3">
              {w > 0 ? (
                <Form method="post">
                  <input type="hidden" name="intent" value="move" />
                  <input type="hidden" name="stageId" value={s.id} />
                  <input type="hidden" name="direction" value="up" />
                  <input type="hidden" name="order" value={order} />
                  <button type="submit" className="btn-secondary">
                    {t("stages.up", { name: nameOf(s) })}
                  </button>
                </Form>
              ) : null}
              {w !== -1 && w < work.length - 1 ? (
                <Form method="post">
                  <input type="hidden" name="intent" value="move" />
                  <input type="hidden" name="stageId" value={s.id} />
                  <input type="hidden" name="direction" value="down" />
                  <input type="hidden" name="order" value={order} />
                  <button type="submit" className="btn-secondary">
                    {t("stages.down", { name: nameOf(s) })}
                  </button>
                </Form>
              ) : null}
              {s.kind === "WORK" && s.ideas === 0 ? (
                <Form method="post">
                  <input type="hidden" name="intent" value="archive" />
                  <input type="hidden" name="stageId" value={s.id} />
                  <button type="submit" className="btn-secondary">
                    {t("stages.archive", { name: nameOf(s) })}
                  </button>
                </Form>
              ) : null}
              {gateRule(s.key) ? (
                <Form method="post">
                  <input type="hidden" name="intent" value="gate" />
                  <input type="hidden" name="stage" value={s.key} />
                  <input type="hidden" name="enabled" value={s.gateEnabled ? "false" : "true"} />
                  <button type="submit" className="btn-secondary">
                    {s.gateEnabled ? t("board:gates.switchOff", { stage: nameOf(s) }) : t("board:gates.switchOn", { stage: nameOf(s) })}
                  </button>
                </Form>
              ) : null}
            </div>
            {gateRule(s.key) ? (
              <p className="mt-2 text-sm text-slate-700">
                {t("board:gates.state")} <strong>{s.gateEnabled ? t("board:gates.on") : t("board:gates.off")}</strong> — {t(`board:gates.${gateRule(s.key)}`)}
              </p>
            ) : null}
          </section>
        );
      })}
      <section aria-labelledby="new-stage" className="rounded-lg bg-white p-4 shadow">
        <h2 id="new-stage" className="mb-3 font-semibold">
          {t("stages.add")}
        </h2>
        <Form method="post" noValidate className="grid gap-3 md:grid-cols-3">
          <input type="hidden" name="intent" value="create" />
          <TextInput id="new-stage-lv" name="nameLv" label={t("stages.nameLv")} defaultValue={(mine("new")?.initialValue?.nameLv as string) ?? ""} errors={mine("new")?.error?.nameLv} />
          <TextInput id="new-stage-en" name="nameEn" label={t("stages.nameEn")} defaultValue={(mine("new")?.initialValue?.nameEn as string) ?? ""} errors={mine("new")?.error?.nameEn} />
          <div className="flex items-end">
            <button type="submit" className="btn-primary">
              {t("stages.addSubmit")}
            </button>
          </div>
        </Form>
      </section>
    </div>
  );
}
