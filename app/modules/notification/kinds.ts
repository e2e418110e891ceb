// What people can be told about, and how they choose to hear it. Safe for the browser.
export const NOTIFICATION_KINDS = ["idea.moved", "idea.closed", "idea.returned", "idea.declined", "comment", "assigned"] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export const DELIVERY_MODES = ["INSTANT", "DIGEST", "OFF"] as const;
export type DeliveryMode = (typeof DELIVERY_MODES)[number];

/** Without a choice of their own, people hear of decisions on their ideas at once and of comments in the daily digest. */
export const DEFAULT_MODES: Record<NotificationKind, DeliveryMode> = {
  "idea.moved": "INSTANT",
  "idea.closed": "INSTANT",
  "idea.returned": "INSTANT",
  "idea.declined": "INSTANT",
  comment: "DIGEST",
  assigned: "INSTANT",
};

/** The form field for a kind (form field names cannot hold dots). */
export type PreferenceField = NotificationKind extends infer K ? (K extends `${infer A}.${infer B}` ? `${A}_${B}` : K) : never;
export const preferenceField = (kind: NotificationKind) => kind.replace(".", "_") as PreferenceField;

/** The choices of a submitted preferences form, by kind. */
export function modesFromFields(fields: Record<PreferenceField, DeliveryMode>): Record<NotificationKind, DeliveryMode> {
  return Object.fromEntries(NOTIFICATION_KINDS.map((kind) => [kind, fields[preferenceField(kind)]])) as Record<NotificationKind, DeliveryMode>;
}
