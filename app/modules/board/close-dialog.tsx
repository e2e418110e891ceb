import { lazy, Suspense } from "react";
import type { BoardCard } from "./board.server";

/** A card dropped on a closed column, waiting for its closing note. */
export type Closing = { card: BoardCard; stage: string; stageName: string };

// The dialog is a chunk of its own, with the form library it is built with: it only opens after a
// drop on a closed column, so the board works without it and loads it the first time it is needed.
const CloseNoteDialog = lazy(() => import("./close-note-dialog"));

/**
 * The closing-note step of a drag or keyboard move into a closed column (close-note-dialog.tsx):
 * a modal dialog with the note's field. The move is sent only with the note; cancelling leaves the
 * card where it was. Without JavaScript the card's "Move to…" page asks for the same note.
 */
export function CloseDialog(props: { closing: Closing; onClose: (done: boolean) => void }) {
  return (
    <Suspense fallback={null}>
      <CloseNoteDialog {...props} />
    </Suspense>
  );
}
