import { z } from "zod";
import { errorMessage } from "~/utils/i18n";

/**
 * A code at the second step of signing in, or when enrolling: six digits from the authenticator app,
 * or one of the person's recovery codes (ten letters and digits, a dash in the middle is allowed).
 * Spaces people copy along are dropped.
 */
export const secondFactorCode = z
  .string({ error: errorMessage("required") })
  .transform((value) => value.replace(/[\s-]/g, "").toLowerCase())
  .pipe(
    z
      .string()
      .min(1, errorMessage("required"))
      .max(20, errorMessage("tooLong", { max: 20 }))
      .regex(/^[0-9a-z]+$/, errorMessage("account:twoFactor.errors.format")),
  );

export const CodeSchema = z.object({ code: secondFactorCode, redirectTo: z.string().optional() });

export const TwoFactorActionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("start") }),
  z.object({ intent: z.literal("confirm"), code: secondFactorCode }),
  z.object({ intent: z.literal("recovery-codes"), code: secondFactorCode }),
  z.object({ intent: z.literal("disable"), code: secondFactorCode }),
]);

export const RECOVERY_CODE_COUNT = 10;
