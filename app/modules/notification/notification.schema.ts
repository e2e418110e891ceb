// The notification preferences form (one choice per kind; the field is the kind) and "mark all read".
import { z } from "zod";
import { errorMessage } from "~/utils/i18n";
import { DELIVERY_MODES, NOTIFICATION_KINDS, type DeliveryMode, type NotificationKind } from "./kinds";

const mode = z.enum(DELIVERY_MODES, { error: errorMessage("invalidChoice") });

export const PreferencesSchema = z.object({
  intent: z.literal("notifications"),
  ...(Object.fromEntries(NOTIFICATION_KINDS.map((kind) => [kind, mode])) as Record<NotificationKind, typeof mode>),
});

/** The chosen mode of each kind, from a submitted preferences form. */
export function modesOf(value: Record<NotificationKind, DeliveryMode>): Record<NotificationKind, DeliveryMode> {
  return Object.fromEntries(NOTIFICATION_KINDS.map((kind) => [kind, value[kind]])) as Record<NotificationKind, DeliveryMode>;
}

export const MarkReadSchema = z.object({ intent: z.literal("read-all") });
