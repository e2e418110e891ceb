import { useTranslation } from "react-i18next";
import { AppForm, InputField, SelectField, SubmitButton, TextareaField, useAppForm } from "~/components/app-form";
import { checkWith } from "~/components/form-check";
import { LEARNING_CARD, TEST_CARD, type CardField } from "./cards";
import { ExperimentSchema } from "./experiment.schema";

export type ExperimentDefaults = Partial<Record<string, string | number | null>>;

/** The Test Card, and the Learning Card that completing the experiment asks for (cards.ts). Works without JavaScript. */
export function ExperimentForm({ defaults, submitLabel }: { defaults: ExperimentDefaults; submitLabel: string }) {
  const { t } = useTranslation("experiments");
  const [form, fields] = useAppForm({
    id: "experiment",
    check: checkWith(ExperimentSchema),
    defaultValue: Object.fromEntries(Object.entries(defaults).map(([k, v]) => [k, v === null || v === undefined ? undefined : String(v)])),
  });
  const metas = fields as unknown as Record<string, Parameters<typeof InputField>[0]["meta"]>;
  const control = (f: CardField) => {
    const meta = metas[f.name];
    const label = t(`fields.${f.name}.label`);
    switch (f.type) {
      case "text":
        return <TextareaField key={f.name} meta={meta} label={label} help={t(`fields.${f.name}.help`)} rows={f.rows} />;
      case "choice":
        return (
          <SelectField
            key={f.name}
            meta={meta}
            label={label}
            empty={f.name === "status" ? undefined : t("choose")}
            options={f.options.map((o) => [o, t(`${f.labels}.${o}`)])}
          />
        );
      case "date":
        return <InputField key={f.name} meta={meta} type="date" label={label} className="input max-w-[14rem]" />;
      case "count":
        return <InputField key={f.name} meta={meta} type="number" min={0} step={1} inputMode="numeric" label={label} className="input max-w-[14rem]" />;
    }
  };
  // Dates and the count sit side by side; the other fields one under another.
  const small = (f: CardField) => f.type === "date" || f.type === "count" || (f.type === "choice" && f.name !== "status" && f.name !== "methodType");
  const layout = (card: readonly CardField[]) => {
    const blocks: CardField[][] = [];
    for (const f of card) {
      const last = blocks.at(-1);
      if (last && small(f) && small(last[0])) last.push(f);
      else blocks.push([f]);
    }
    return blocks.map((block) =>
      block.length > 1 ? (
        <div key={block[0].name} className="grid gap-x-6 sm:grid-cols-3">
          {block.map(control)}
        </div>
      ) : (
        control(block[0])
      ),
    );
  };
  return (
    <AppForm form={form} className="space-y-8" errors={[fields.version.errors, fields.experimentId.errors]}>
      {defaults.experimentId ? <input type="hidden" name="experimentId" value={String(defaults.experimentId)} /> : null}
      {defaults.version ? <input type="hidden" name="version" value={String(defaults.version)} /> : null}
      <fieldset className="rounded-lg bg-white p-6 shadow">
        <legend className="px-1 text-xl font-semibold">{t("testCard")}</legend>
        <p className="mb-4 text-slate-700">{t("testCardHelp")}</p>
        {layout(TEST_CARD)}
      </fieldset>
      <fieldset className="rounded-lg bg-white p-6 shadow">
        <legend className="px-1 text-xl font-semibold">{t("learningCard")}</legend>
        <p className="mb-4 text-slate-700">{t("learningCardHelp")}</p>
        {layout(LEARNING_CARD)}
      </fieldset>
      <SubmitButton form={form}>{submitLabel}</SubmitButton>
    </AppForm>
  );
}
