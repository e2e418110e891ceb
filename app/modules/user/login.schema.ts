import { z } from "zod";
import { errorMessage } from "~/utils/i18n";

export const LoginSchema = z.object({
  email: z
    .string({ error: errorMessage("required") })
    .trim()
    .min(1, errorMessage("required"))
    .max(254, errorMessage("tooLong", { max: 254 }))
    .pipe(z.email({ error: errorMessage("email") })),
  password: z
    .string({ error: errorMessage("required") })
    .min(1, errorMessage("required"))
    .max(1000, errorMessage("tooLong", { max: 1000 })),
  redirectTo: z.string().optional(),
});

/** The button that starts a sign-in at a provider: only where to go afterwards (it travels in cookies: kept short). */
export const ProviderSignInSchema = z.object({ redirectTo: z.string().max(512).optional() });

/** Linking a provider's identity to an existing account: that account's password, once. */
export const LinkSchema = z.object({
  password: z
    .string({ error: errorMessage("required") })
    .min(1, errorMessage("required"))
    .max(1000, errorMessage("tooLong", { max: 1000 })),
});
