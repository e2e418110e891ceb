-- Undoing a decline (#16): the event type DECLINE_UNDONE. SQLite keeps enums as text: nothing to change.
SELECT 1;
