// The forms of /account: the profile, the password, the notification preferences, ending a session.
import { z } from "zod";
import { PreferencesSchema } from "~/modules/notification/notification.schema";
import { errorMessage } from "~/utils/i18n";
import { requiredText } from "~/utils/schema";

export const PASSWORD_MIN = 12;

export const AccountActionSchema = z.discriminatedUnion(
  "intent",
  [
    z.object({
      intent: z.literal("profile"),
      name: requiredText(200),
      locale: z.enum(["lv", "en"], { error: errorMessage("invalidChoice") }).optional(),
    }),
    z
      .object({
        intent: z.literal("password"),
        currentPassword: z
          .string({ error: errorMessage("required") })
          .min(1, errorMessage("required"))
          .max(1000),
        newPassword: z
          .string({ error: errorMessage("required") })
          .min(PASSWORD_MIN, errorMessage("passwordTooShort", { min: PASSWORD_MIN }))
          .max(1000, errorMessage("tooLong", { max: 1000 })),
        confirmPassword: z.string({ error: errorMessage("required") }).max(1000),
      })
      .refine((v) => v.newPassword === v.confirmPassword, { path: ["confirmPassword"], message: errorMessage("passwordsDiffer") }),
    z.object({ intent: z.literal("end-session"), sessionId: z.string().min(1).max(100) }),
    PreferencesSchema,
  ],
  { error: errorMessage("invalid") },
);

/** The password fields, never sent back to the browser. */
export const PASSWORD_FIELDS = ["currentPassword", "newPassword", "confirmPassword"];
