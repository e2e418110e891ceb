import { Link } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { AppForm, ButtonForm, ChoiceField, InputField, SelectField, SubmitButton, TextareaField, useAppForm, useFormReply } from "~/components/app-form";
import { checkWith } from "~/components/form-check";
import { isClosedKind } from "~/modules/stage/kinds";
import { isFailedReply } from "~/utils/form";
import { useHydrated } from "~/utils/use-hydrated";
import { AcceptSchema, AssignSchema, DeclineSchema, MoveSchema, RETURN_STEPS, ReturnSchema, TagsSchema } from "./board.schema";
import type { ManageData } from "./board.server";
import { MergeSection } from "./merge-forms";

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
  const mergeRefused = isFailedReply(useFormReply("merge"));
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
          <ReturnForm hidden={hidden("return")} />
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

      {/* Shown while the idea can be merged, and to say why a merge was refused when it no longer can. */}
      {data.merge || mergeRefused ? <MergeSection data={data} hidden={hidden("merge")} /> : null}

      {onBoard ? <MoveForm data={data} hidden={hidden("move")} preselectedStage={preselectedStage} /> : null}

      {idea.status !== "WITHDRAWN" && idea.status !== "MERGED" ? <AssignForm data={data} hidden={hidden("assign")} /> : null}

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

function ReturnForm({ hidden }: Hidden) {
  const { t } = useTranslation("board");
  const [form, fields] = useAppForm({ id: "return", check: checkWith(ReturnSchema) });
  return (
    <AppForm form={form} className="mb-6">
      {hidden}
      <TextareaField meta={fields.question} label={t("triage.question")} help={t("triage.questionHelp")} />
      <SelectField
        meta={fields.step}
        label={t("returnStep.label")}
        empty={t("returnStep.none")}
        options={RETURN_STEPS.map((step) => [step, t(`returnStep.${step}`)])}
      />
      <SubmitButton form={form} secondary>
        {t("triage.return")}
      </SubmitButton>
    </AppForm>
  );
}

/**
 * The second step of declining: what will happen, "Yes, decline" and a way back. The reason the
 * facilitator wrote travels with the confirmation; nothing has changed until it is confirmed.
 */
export function DeclineConfirm({ data, reason, returnTo }: { data: ManageData; reason: string; returnTo: string | null }) {
  const { t } = useTranslation("board");
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const back = `/ideas/${data.idea.id}/manage${returnTo ? `?returnTo=${encodeURIComponent(returnTo)}` : ""}`;
  return (
    <section aria-labelledby="decline-confirm-title" className="max-w-2xl rounded-lg border-l-4 border-red-800 bg-white p-6 shadow">
      <h2 id="decline-confirm-title" ref={heading} tabIndex={-1} className="mb-3 text-2xl font-bold">
        {t("declineConfirm.title")}
      </h2>
      <p className="mb-3">{t("declineConfirm.what")}</p>
      <p className="mb-1 font-semibold">{t("declineConfirm.reason")}</p>
      <blockquote className="mb-4 whitespace-pre-line border-l-4 border-slate-300 pl-4">{reason}</blockquote>
      <p className="mb-6">{t("declineConfirm.undo")}</p>
      <div className="flex flex-wrap items-center gap-6">
        <ButtonForm
          id="decline-confirm"
          fields={{
            intent: "decline",
            confirmed: "yes",
            ideaId: data.idea.id,
            version: data.idea.version,
            reason,
            ...(returnTo ? { returnTo } : {}),
          }}
          label={t("declineConfirm.yes")}
          className="btn border-red-800 bg-red-800 text-white hover:bg-red-900"
        />
        <Link to={back} className="link">
          {t("declineConfirm.cancel")}
        </Link>
      </div>
    </section>
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
  // The closing note is asked only for a move into a closed stage: with JavaScript it shows as such a
  // stage is chosen; without, it is always there, saying when it is needed (the server asks the same).
  const hydrated = useHydrated();
  const chosen = data.stages.find((s) => s.key === (fields.stage.value ?? data.idea.stage!.key));
  const closing = isClosedKind(chosen?.kind) && !isClosedKind(data.idea.stage!.kind);
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
        <div hidden={hydrated && !closing}>
          <TextareaField meta={fields.closingNote} label={t("move.closingNote")} help={t(hydrated ? "move.closingNoteHelp" : "closingNoteNoScript.help")} />
        </div>
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
