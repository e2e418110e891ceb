import { Link, useLocation, useNavigate } from "@remix-run/react";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { AppForm, SubmitButton, TextareaField, useAppForm, useFormReply } from "~/components/app-form";
import type { Closing } from "./close-dialog";

const FORM = "board-close";

/**
 * The closing-note dialog (close-dialog.tsx loads this chunk when it first opens): the note's
 * field; the move is sent only with the note, and cancelling leaves the card where it was.
 */
export default function CloseNoteDialog({ closing, onClose }: { closing: Closing; onClose: (done: boolean) => void }) {
  const { t } = useTranslation("board");
  const { pathname, search } = useLocation();
  const navigate = useNavigate();
  const dialog = useRef<HTMLDialogElement>(null);
  const [form, fields] = useAppForm({ id: FORM });
  const reply = useFormReply(FORM);
  // Only an answer to this dialog's own submission counts, not one left from an earlier dialog.
  const [before] = useState(reply);
  const answered = reply !== before;

  useEffect(() => {
    dialog.current?.showModal();
  }, []);

  useEffect(() => {
    // The move's success answers with data; a refusal with messages.
    if (answered && reply?.data !== undefined) {
      dialog.current?.close();
      onClose(true);
    }
  }, [answered, reply, onClose]);

  const cancel = () => {
    dialog.current?.close();
    // A refused attempt leaves its messages on the page: reload it without them.
    if (answered) navigate(`${pathname}${search}`, { replace: true, preventScrollReset: true });
    onClose(false);
  };

  return (
    <dialog
      ref={dialog}
      aria-labelledby={`${FORM}-title`}
      onCancel={(event) => {
        event.preventDefault();
        cancel();
      }}
      className="w-full max-w-lg rounded-lg p-6 shadow-xl backdrop:bg-slate-900/60"
    >
      <h2 id={`${FORM}-title`} className="mb-4 text-xl font-bold">
        {t("close.title", { title: closing.card.title, column: closing.stageName })}
      </h2>
      <AppForm form={form} action={`/board${search}`}>
        <input type="hidden" name="intent" value="move" />
        <input type="hidden" name="ideaId" value={closing.card.id} />
        <input type="hidden" name="version" value={closing.card.version} />
        <input type="hidden" name="stage" value={closing.stage} />
        {answered && reply?.link ? (
          <p className="mb-5">
            <Link to={reply.link} className="link font-semibold">
              {t("gates.fix")}
            </Link>
          </p>
        ) : null}
        <TextareaField meta={fields.closingNote} label={t("move.closingNote")} help={t("move.closingNoteHelp")} rows={4} />
        <div className="flex flex-wrap gap-3">
          <SubmitButton form={form}>{t("close.submit")}</SubmitButton>
          <button type="button" className="btn-secondary" onClick={cancel}>
            {t("close.cancel")}
          </button>
        </div>
      </AppForm>
    </dialog>
  );
}
