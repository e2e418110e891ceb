import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { AppForm, ChoiceField, InputField, SelectField, SubmitButton, TextareaField, useAppForm, useFormReply } from "~/components/app-form";
import { checkWith } from "~/components/form-check";
import { AcceptSchema, AssignSchema, DeclineSchema, MoveSchema, ReturnSchema, TagsSchema } from "./board.schema";
import type { ManageData } from "./board.server";

/** The facilitator's controls for one idea, each its own form, all working without JavaScript. */
export function ManageForms({ data, preselectedStage, returnTo }: { data: ManageData; preselectedStage: string | null; returnTo: string | null }) {
  const { t } = useTranslation("board");
  const { idea } = data;
  const onBoard = idea.status === "ACTIVE" && idea.stage;
  const inIntake = onBoard && idea.stage!.kind === "INTAKE";
  const hidden = (intent: string) => (
    <>
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name="ideaId" value={idea.id} />
      <input type="hidden" name="version" value={idea.version} />
      {returnTo ? <input type="hidden" name="returnTo" value={returnTo} /> : null}
    </>
  );
  const workStages = data.stages.filter((s) => s.kind === "WORK");
  return (
    <div className="space-y-8">
      <p>
        {t("manage.now")} <strong>{onBoard ? idea.stage!.name : t(`ideas:status.${idea.status}`)}</strong>
      </p>

      {inIntake ? (
        <section id="triage" aria-labelledby="triage-title" className="rounded-lg bg-white p-6 shadow">
          <h2 id="triage-title" className="mb-4 text-xl font-semibold">
            {t("triage.title")}
          </h2>
          <AcceptForm hidden={hidden("accept")} stages={workStages} />
          <TextForm
            id="return"
            schema={ReturnSchema}
            field="question"
            hidden={hidden("return")}
            label={t("triage.question")}
            help={t("triage.questionHelp")}
            submit={t("triage.return")}
          />
          <TextForm
            id="decline"
            schema={DeclineSchema}
            field="reason"
            hidden={hidden("decline")}
            label={t("triage.reason")}
            help={t("triage.reasonHelp")}
            submit={t("triage.decline")}
          />
        </section>
      ) : null}

      {onBoard ? <MoveForm data={data} hidden={hidden("move")} preselectedStage={preselectedStage} /> : null}

      {idea.status !== "WITHDRAWN" ? <AssignForm data={data} hidden={hidden("assign")} /> : null}

      <TagsForm data={data} hidden={hidden("tags")} />
    </div>
  );
}

type Hidden = { hidden: React.ReactNode };

function AcceptForm({ hidden, stages }: Hidden & { stages: ManageData["stages"] }) {
  const { t } = useTranslation("board");
  const [form, fields] = useAppForm({ id: "accept", check: checkWith(AcceptSchema), defaultValue: { stage: stages[0]?.key } });
  return (
    <AppForm form={form} className="mb-6">
      {hidden}
      <SelectField meta={fields.stage} label={t("triage.acceptInto")} options={stages.map((s) => [s.key, s.name])} />
      <SubmitButton form={form}>{t("triage.accept")}</SubmitButton>
    </AppForm>
  );
}

function TextForm({
  id,
  schema,
  field,
  hidden,
  label,
  help,
  submit,
}: Hidden & { id: string; schema: typeof ReturnSchema | typeof DeclineSchema; field: "question" | "reason"; label: string; help: string; submit: string }) {
  const [form, fields] = useAppForm({ id, check: checkWith(schema) });
  const meta = (fields as unknown as Record<string, Parameters<typeof TextareaField>[0]["meta"]>)[field];
  return (
    <AppForm form={form} className="mb-6">
      {hidden}
      <TextareaField meta={meta} label={label} help={help} />
      <SubmitButton form={form} secondary>
        {submit}
      </SubmitButton>
    </AppForm>
  );
}

function MoveForm({ data, hidden, preselectedStage }: Hidden & { data: ManageData; preselectedStage: string | null }) {
  const { t } = useTranslation("board");
  const [form, fields] = useAppForm({ id: "move", check: checkWith(MoveSchema), defaultValue: { stage: preselectedStage ?? data.idea.stage!.key } });
  const reply = useFormReply("move");
  return (
    <section id="move" aria-labelledby="move-title" className="rounded-lg bg-white p-6 shadow">
      <h2 id="move-title" className="mb-4 text-xl font-semibold">
        {t("move.title")}
      </h2>
      <AppForm form={form}>
        {hidden}
        {reply?.link ? (
          <p className="mb-5">
            <Link to={reply.link} className="link font-semibold">
              {t("gates.fix")}
            </Link>
          </p>
        ) : null}
        <SelectField
          meta={fields.stage}
          label={t("move.stage")}
          options={data.stages.map((s) => [s.key, t("move.stageOption", { name: s.name, count: s.size })])}
        />
        <InputField
          meta={fields.position}
          type="number"
          min={1}
          step={1}
          inputMode="numeric"
          className="input max-w-[10rem]"
          label={t("move.position")}
          help={t("move.positionHelp")}
        />
        <TextareaField meta={fields.closingNote} label={t("move.closingNote")} help={t("move.closingNoteHelp")} />
        <SubmitButton form={form}>{t("move.submit")}</SubmitButton>
      </AppForm>
    </section>
  );
}

function AssignForm({ data, hidden }: Hidden & { data: ManageData }) {
  const { t } = useTranslation("board");
  const [form, fields] = useAppForm({
    id: "assign",
    check: checkWith(AssignSchema),
    defaultValue: { assigneeId: data.idea.assigneeId ? String(data.idea.assigneeId) : "" },
  });
  return (
    <section id="assign" aria-labelledby="assign-title" className="rounded-lg bg-white p-6 shadow">
      <h2 id="assign-title" className="mb-4 text-xl font-semibold">
        {t("assign.title")}
      </h2>
      <AppForm form={form}>
        {hidden}
        <SelectField
          meta={fields.assigneeId}
          label={t("assign.label")}
          empty={t("assign.nobody")}
          options={data.facilitators.map((f) => [String(f.id), f.name])}
        />
        <SubmitButton form={form} secondary>
          {t("assign.submit")}
        </SubmitButton>
      </AppForm>
    </section>
  );
}

function TagsForm({ data, hidden }: Hidden & { data: ManageData }) {
  const { t } = useTranslation("board");
  const [form, fields] = useAppForm({ id: "tags", check: checkWith(TagsSchema), defaultValue: { principles: data.idea.principles } });
  return (
    <section id="tags" aria-labelledby="tags-title" className="rounded-lg bg-white p-6 shadow">
      <h2 id="tags-title" className="mb-4 text-xl font-semibold">
        {t("tags.title")}
      </h2>
      <AppForm form={form}>
        {hidden}
        <ChoiceField
          meta={fields.principles}
          type="checkbox"
          legend={t("tags.label")}
          options={data.principles.map((p) => ({ value: p.key, label: p.title }))}
        />
        <SubmitButton form={form} secondary>
          {t("tags.submit")}
        </SubmitButton>
      </AppForm>
    </section>
  );
}
