// The catalogue of events: everything a command can emit. A command writes its change and emits
// its events in one transaction; reactors registered at start-up react to them (see
// reactors.server.ts and docs/architecture.md).
import type { AuditAction, AuditTarget, EventType, IdeaStatus } from "~/generated/prisma/enums";

/** A step in an idea's life. Its record is a row of the idea's history (the Event table). */
export type IdeaEvent = {
  kind: "idea";
  type: EventType;
  ideaId: number;
  actorId: number | null;
  fromStageId?: number | null;
  toStageId?: number | null;
  fromStatus?: IdeaStatus | null;
  toStatus?: IdeaStatus | null;
  /** An internal note's event: only those who may read internal notes see it. */
  internal?: boolean;
  /** Details the history shows: a closing note, a question, the new assignee. */
  data?: Record<string, unknown>;
  at: Date;
};

/** An administrative change or a sign-in. Its record is an entry of the audit log. */
export type AuditEvent = {
  kind: "audit";
  action: AuditAction;
  actorId: number | null;
  targetType?: AuditTarget;
  targetId?: string | number;
  before?: unknown;
  after?: unknown;
  ip?: string | null;
  at: Date;
};

/** People were notified of an idea's event; `instant` when someone asked to hear at once. */
export type NotifiedEvent = {
  kind: "notified";
  ideaId: number;
  userIds: number[];
  instant: boolean;
  at: Date;
};

/** A person's password was changed: by them on /account, or with a set-password link. They are told by e-mail. */
export type PasswordChangedEvent = {
  kind: "passwordChanged";
  userId: number;
  how: "account" | "link";
  /** The address the change came from, when known. */
  ip?: string | null;
  at: Date;
};

export type DomainEvent = IdeaEvent | AuditEvent | NotifiedEvent | PasswordChangedEvent;
export type EventKind = DomainEvent["kind"];
export type EventOf<K extends EventKind> = Extract<DomainEvent, { kind: K }>;

/** An event as a command emits it: `at` defaults to the command's moment. */
export type NewEvent = DomainEvent extends infer E ? (E extends DomainEvent ? Omit<E, "at"> & { at?: Date } : never) : never;

/** Events travel to after-commit reactors as JSON: dates as ISO strings, restored on the way back. */
export function serializeEvent(event: DomainEvent): string {
  return JSON.stringify(event);
}

export function parseEvent(json: string): DomainEvent {
  const event = JSON.parse(json) as DomainEvent & { at: string };
  return { ...event, at: new Date(event.at) } as DomainEvent;
}
