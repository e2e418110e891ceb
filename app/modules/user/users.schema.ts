import { z } from "zod";
import { errorMessage } from "~/utils/i18n";
import { idFilter, MAX_ID, pageFilter, recordId, requiredText } from "~/utils/schema";
import { ROLES } from "~/utils/permissions";
import { PASSWORD_MIN } from "./account.schema";

/** How long a set-password link works. */
export const TOKEN_HOURS = 72;

const email = z
  .string({ error: errorMessage("required") })
  .trim()
  .toLowerCase()
  .min(1, errorMessage("required"))
  .max(254, errorMessage("tooLong", { max: 254 }))
  .pipe(z.email({ error: errorMessage("email") }));
const name = requiredText(200);
const role = z.enum(ROLES, { error: errorMessage("invalidChoice") });
const institutionId = z
  .number({ error: errorMessage("required") })
  .int()
  .positive(errorMessage("invalidChoice"))
  .max(MAX_ID, errorMessage("invalidChoice"));

/** /admin/users: a new person. */
export const CreateUserSchema = z.object({ intent: z.literal("create"), email, name, role, institutionId });

/**
 * A person's page: role and institution, deactivate or reactivate, a new set-password link, reset
 * two-factor, link a waiting identity at a provider or unlink one.
 */
export const UserAdminSchema = z.discriminatedUnion(
  "intent",
  [
    z.object({ intent: z.literal("update"), userId: recordId, role, institutionId }),
    z.object({ intent: z.literal("deactivate"), userId: recordId }),
    z.object({ intent: z.literal("reactivate"), userId: recordId }),
    z.object({ intent: z.literal("reset-link"), userId: recordId }),
    z.object({ intent: z.literal("reset-two-factor"), userId: recordId }),
    z.object({ intent: z.literal("link-identity"), userId: recordId, identityId: recordId }),
    z.object({ intent: z.literal("unlink-identity"), userId: recordId, identityId: recordId }),
  ],
  { error: errorMessage("invalid") },
);

export const SetPasswordSchema = z
  .object({
    password: z
      .string({ error: errorMessage("required") })
      .min(PASSWORD_MIN, errorMessage("passwordTooShort", { min: PASSWORD_MIN }))
      .max(1000, errorMessage("tooLong", { max: 1000 })),
    confirmPassword: z.string({ error: errorMessage("required") }).max(1000),
  })
  .refine((v) => v.password === v.confirmPassword, { path: ["confirmPassword"], message: errorMessage("passwordsDiffer") });

export const UserListSchema = z.object({
  q: z.string().trim().max(200).optional(),
  role: role.optional(),
  institution: idFilter,
  active: z.enum(["yes", "no"]).optional(),
  page: pageFilter,
});
export type UserListFilters = z.infer<typeof UserListSchema>;
