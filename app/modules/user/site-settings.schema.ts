// The form of /admin/sign-in: who may sign in with a password.
import { z } from "zod";
import { errorMessage } from "~/utils/i18n";

export const PASSWORD_CHOICES = ["everyone", "admins"] as const;

export const SiteSettingsSchema = z.object({
  passwords: z.enum(PASSWORD_CHOICES, { error: errorMessage("invalidChoice") }),
});
export type SiteSettingsValue = z.infer<typeof SiteSettingsSchema>;
