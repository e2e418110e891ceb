// The header's two buttons: the language switcher, and signing out.
import { z } from "zod";
import { LOCALES, errorMessage } from "~/utils/i18n";

export const LanguageSchema = z.object({ lng: z.enum(LOCALES, { error: errorMessage("invalidChoice") }), redirectTo: z.string().max(2000).optional() });

export const SignOutSchema = z.object({});
