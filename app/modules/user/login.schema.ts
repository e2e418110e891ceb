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
