// The kinds of event an idea's history is made of. Every change writes one, in the same
// transaction as the change; the timeline and every flow metric read them.
export const EVENT_TYPES = [
  "CREATED", // draft saved for the first time
  "SUBMITTED", // entered the `submitted` stage
  "RESUBMITTED", // came back after NEEDS_INFO
  "EDITED",
  "RETURNED", // NEEDS_INFO, with a question
  "DECLINED",
  "WITHDRAWN",
  "MOVED", // from one stage to another (data.closingNote when closing)
  "REORDERED", // within a column
  "ASSIGNED",
  "TAGGED", // principles changed or confirmed
  "COMMENTED",
  "EXPERIMENT_CREATED",
  "EXPERIMENT_UPDATED",
  "EXPERIMENT_COMPLETED",
] as const;

export type EventType = (typeof EVENT_TYPES)[number];
