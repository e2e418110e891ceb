import { useTranslation } from "react-i18next";
import { AppForm, ChoiceField, InputField, SelectField, SubmitButton, TextareaField, useAppForm } from "~/components/app-form";
import { checkWith } from "~/components/form-check";
import { BRIEF_GROUPS } from "./brief";
import { schemaForIntent } from "./idea.schema";

export type IdeaFormDefaults = Record<string, unknown> & {
  id?: number;
  version?: number;
  createToken?: string;
  institutionId?: number;
  principles?: string[];
};

type Options = {
  institutions: { id: number; name: string; active: boolean }[];
  principles: { key: string; title: string; help: string }[];
};

const OECD_DECLARATION = "https://legalinstruments.oecd.org/en/instruments/OECD-LEGAL-0450";

/** The brief as the lab's guidelines ask for it (brief.ts): a draft needs only a title, a submission all of it. */
export function IdeaForm({
  defaults,
  options,
  returnQuestion,
  isDraft,
}: {
  defaults: IdeaFormDefaults;
  options: Options;
  returnQuestion?: string | null;
  isDraft: boolean;
}) {
  const { t } = useTranslation("ideas");
  const [form, fields] = useAppForm({
    id: "idea-brief",
    check: checkWith((formData) => schemaForIntent(formData.get("intent"))),
    defaultValue: { ...defaults, usersTalkedTo: defaults.usersTalkedTo ?? undefined, principles: defaults.principles ?? [] },
  });
  const field = fields as unknown as Record<string, Parameters<typeof InputField>[0]["meta"]>;
  return (
    <AppForm form={form} className="space-y-8" errors={[fields.intent.errors, fields.id.errors, fields.version.errors]}>
      {returnQuestion ? (
        <div role="note" className="rounded-md border-l-4 border-amber-600 bg-amber-50 px-4 py-3">
          <h2 className="font-semibold">{t("form.questionTitle")}</h2>
          <p className="whitespace-pre-line">{returnQuestion}</p>
        </div>
      ) : null}
      {defaults.id ? <input type="hidden" name="id" value={defaults.id} /> : null}
      {defaults.version ? <input type="hidden" name="version" value={defaults.version} /> : null}
      {defaults.createToken ? <input type="hidden" name="createToken" value={defaults.createToken} /> : null}

      <fieldset className="rounded-lg bg-white p-6 shadow">
        <legend className="px-1 text-xl font-semibold">{t("groups.idea.title")}</legend>
        <InputField meta={fields.title} label={t("fields.title.label")} help={t("fields.title.help")} />
        <SelectField
          meta={fields.institutionId}
          label={t("fields.institutionId.label")}
          empty={defaults.institutionId ? undefined : t("form.chooseInstitution")}
          options={options.institutions.filter((i) => i.active || i.id === defaults.institutionId).map((i) => [String(i.id), i.name])}
        />
      </fieldset>

      {BRIEF_GROUPS.map((group) => (
        <fieldset key={group.key} className="rounded-lg bg-white p-6 shadow">
          <legend className="px-1 text-xl font-semibold">{t(`groups.${group.key}.title`)}</legend>
          <p className="mb-4 text-slate-700">{t(`groups.${group.key}.help`)}</p>
          {group.fields.map((f) =>
            f.kind === "count" ? (
              <InputField
                key={f.name}
                meta={field[f.name]}
                type="number"
                min={0}
                step={1}
                inputMode="numeric"
                className="input max-w-[12rem]"
                label={t(`fields.${f.name}.label`)}
                help={t(`fields.${f.name}.help`)}
              />
            ) : (
              <TextareaField
                key={f.name}
                meta={field[f.name]}
                label={t(`fields.${f.name}.label`)}
                help={t(`fields.${f.name}.help`)}
                max={f.max}
                rows={f.rows}
              />
            ),
          )}
          {group.key === "partners" ? (
            <ChoiceField
              meta={fields.principles}
              type="checkbox"
              legend={t("fields.principles.label")}
              help={
                <>
                  {t("fields.principles.help")}{" "}
                  <a href={OECD_DECLARATION} className="link" rel="noreferrer">
                    {t("fields.principles.link")}
                  </a>
                </>
              }
              options={options.principles.map((p) => ({ value: p.key, label: p.title, help: p.help }))}
            />
          ) : null}
        </fieldset>
      ))}

      <div className="flex flex-wrap gap-3">
        <SubmitButton form={form} name="intent" value="submit">
          {isDraft ? t("form.submit") : t("form.resubmit")}
        </SubmitButton>
        <SubmitButton form={form} name="intent" value="draft" secondary>
          {isDraft ? t("form.saveDraft") : t("form.saveChanges")}
        </SubmitButton>
      </div>
      <p className="text-sm text-slate-700">{t("form.draftHint")}</p>
    </AppForm>
  );
}
