import type { SubmissionResult } from "@conform-to/react";
import { Form, Link, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Field, FieldErrors, FormError } from "~/components/ui/field";

type ManageData = {
  idea: {
    id: number;
    title: string;
    status: string;
    version: number;
    assigneeId: number | null;
    stage: { key: string; kind: string; name: string } | null;
    principles: string[];
  };
  stages: { key: string; name: string; kind: string; size: number }[];
  facilitators: { id: number; name: string }[];
  principles: { key: string; title: string }[];
};

type Result = { intent: string; reply: SubmissionResult<string[]>; link?: string } | null;

/** The facilitator's controls for one idea, each a plain form that works without JavaScript. */
export function ManageForms({ data, result, preselectedStage, returnTo }: { data: ManageData; result: Result; preselectedStage: string | null; returnTo: string | null }) {
  const { t } = useTranslation("board");
  const { idea } = data;
  const onBoard = idea.status === "ACTIVE" && idea.stage;
  const inIntake = onBoard && idea.stage!.kind === "INTAKE";
  const mine = (intent: string) => (result?.intent === intent ? result.reply : undefined);
  const value = (intent: string, field: string) => {
    const v = mine(intent)?.initialValue?.[field];
    return typeof v === "string" ? v : undefined;
  };
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
        {t("manage.now")}{" "}
        <strong>{onBoard ? idea.stage!.name : t(`ideas:status.${idea.status}`)}</strong>
      </p>

      {inIntake ? (
        <section id="triage" aria-labelledby="triage-title" className="rounded-lg bg-white p-6 shadow">
          <h2 id="triage-title" className="mb-4 text-xl font-semibold">
            {t("triage.title")}
          </h2>
          <Form method="post" className="mb-6">
            {hidden("accept")}
            <FormError id="accept-error" errors={mine("accept")?.error?.[""] ?? undefined} />
            <Select id="accept-stage" name="stage" label={t("triage.acceptInto")} errors={mine("accept")?.error?.stage ?? undefined} defaultValue={value("accept", "stage") ?? workStages[0]?.key}>
              {workStages.map((s) => (
                <option key={s.key} value={s.key}>
                  {s.name}
                </option>
              ))}
            </Select>
            <Submit label={t("triage.accept")} />
          </Form>
          <Form method="post" className="mb-6">
            {hidden("return")}
            <FormError id="return-error" errors={mine("return")?.error?.[""] ?? undefined} />
            <TextArea id="return-question" name="question" label={t("triage.question")} help={t("triage.questionHelp")} errors={mine("return")?.error?.question ?? undefined} defaultValue={value("return", "question")} />
            <Submit label={t("triage.return")} secondary />
          </Form>
          <Form method="post">
            {hidden("decline")}
            <FormError id="decline-error" errors={mine("decline")?.error?.[""] ?? undefined} />
            <TextArea id="decline-reason" name="reason" label={t("triage.reason")} help={t("triage.reasonHelp")} errors={mine("decline")?.error?.reason ?? undefined} defaultValue={value("decline", "reason")} />
            <Submit label={t("triage.decline")} secondary />
          </Form>
        </section>
      ) : null}

      {onBoard ? (
        <section id="move" aria-labelledby="move-title" className="rounded-lg bg-white p-6 shadow">
          <h2 id="move-title" className="mb-4 text-xl font-semibold">
            {t("move.title")}
          </h2>
          <Form method="post">
            {hidden("move")}
            <FormError id="move-error" errors={mine("move")?.error?.[""] ?? undefined} />
            {result?.intent === "move" && result.link ? (
              <p className="mb-5">
                <Link to={result.link} className="link font-semibold">
                  {t("gates.fix")}
                </Link>
              </p>
            ) : null}
            <Select id="move-stage" name="stage" label={t("move.stage")} errors={mine("move")?.error?.stage ?? undefined} defaultValue={value("move", "stage") ?? preselectedStage ?? idea.stage!.key}>
              {data.stages.map((s) => (
                <option key={s.key} value={s.key}>
                  {t("move.stageOption", { name: s.name, count: s.size })}
                </option>
              ))}
            </Select>
            <Field id="move-position" label={t("move.position")} help={t("move.positionHelp")} errors={mine("move")?.error?.position ?? undefined}>
              {(a11y) => <input {...a11y} name="position" type="number" min={1} step={1} inputMode="numeric" defaultValue={value("move", "position")} className="input max-w-[10rem]" />}
            </Field>
            <TextArea
              id="move-closing-note"
              name="closingNote"
              label={t("move.closingNote")}
              help={t("move.closingNoteHelp")}
              errors={mine("move")?.error?.closingNote ?? undefined}
              defaultValue={value("move", "closingNote")}
            />
            <Submit label={t("move.submit")} />
          </Form>
        </section>
      ) : null}

      {idea.status !== "WITHDRAWN" ? (
        <section id="assign" aria-labelledby="assign-title" className="rounded-lg bg-white p-6 shadow">
          <h2 id="assign-title" className="mb-4 text-xl font-semibold">
            {t("assign.title")}
          </h2>
          <Form method="post">
            {hidden("assign")}
            <FormError id="assign-error" errors={mine("assign")?.error?.[""] ?? undefined} />
            <Select id="assign-user" name="assigneeId" label={t("assign.label")} errors={mine("assign")?.error?.assigneeId ?? undefined} defaultValue={idea.assigneeId ? String(idea.assigneeId) : ""}>
              <option value="">{t("assign.nobody")}</option>
              {data.facilitators.map((f) => (
                <option key={f.id} value={f.id}>
                  {f.name}
                </option>
              ))}
            </Select>
            <Submit label={t("assign.submit")} secondary />
          </Form>
        </section>
      ) : null}

      <section id="tags" aria-labelledby="tags-title" className="rounded-lg bg-white p-6 shadow">
        <h2 id="tags-title" className="mb-4 text-xl font-semibold">
          {t("tags.title")}
        </h2>
        <Form method="post">
          {hidden("tags")}
          <FormError id="tags-error" errors={mine("tags")?.error?.[""] ?? undefined} />
          <fieldset aria-describedby={mine("tags")?.error?.principles ? "tags-principles-error" : undefined}>
            <legend className="mb-2 font-semibold">{t("tags.label")}</legend>
            <ul className="space-y-2">
              {data.principles.map((p) => (
                <li key={p.key} className="flex items-start gap-3">
                  <input type="checkbox" id={`tag-${p.key}`} name="principles" value={p.key} defaultChecked={idea.principles.includes(p.key)} className="mt-1 h-5 w-5 shrink-0" />
                  <label htmlFor={`tag-${p.key}`}>{p.title}</label>
                </li>
              ))}
            </ul>
            <FieldErrors id="tags-principles-error" errors={mine("tags")?.error?.principles ?? undefined} />
          </fieldset>
          <Submit label={t("tags.submit")} secondary />
        </Form>
      </section>
    </div>
  );
}


function Select({ id, name, label, errors, defaultValue, children }: { id: string; name: string; label: string; errors?: string[]; defaultValue?: string; children: React.ReactNode }) {
  return (
    <Field id={id} label={label} errors={errors}>
      {(a11y) => (
        <select {...a11y} name={name} defaultValue={defaultValue} className="input">
          {children}
        </select>
      )}
    </Field>
  );
}

function TextArea({ id, name, label, help, errors, defaultValue }: { id: string; name: string; label: string; help: string; errors?: string[]; defaultValue?: string }) {
  return (
    <Field id={id} label={label} help={help} errors={errors}>
      {(a11y) => <textarea {...a11y} name={name} rows={3} defaultValue={defaultValue} className="input" />}
    </Field>
  );
}

function Submit({ label, secondary = false }: { label: string; secondary?: boolean }) {
  const navigation = useNavigation();
  return (
    <button type="submit" className={secondary ? "btn-secondary" : "btn-primary"} disabled={navigation.state === "submitting"}>
      {label}
    </button>
  );
}
