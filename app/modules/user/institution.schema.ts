// The forms of /admin/institutions: add one, rename one, deactivate or reactivate one, and set its
// e-mail domains (single sign-on puts people whose e-mail is at one of them in the institution).
import { z } from "zod";
import { errorMessage } from "~/utils/i18n";
import { recordId, requiredText } from "~/utils/schema";

const name = requiredText(200, { min: 2 });
const institutionId = recordId;

/** The most e-mail domains one institution may have. */
export const MAX_DOMAINS = 20;

/**
 * A domain name as e-mail addresses end: two or more labels of a-z, 0-9 and "-" (not at a label's
 * ends, at most 63 characters each, 253 in all), the last one starting with a letter.
 */
const DOMAIN = /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

/**
 * The domains in what was typed: separated by commas, semicolons or spaces; lower case; a leading
 * "@" (as in "@vk.gov.lv") and a trailing dot dropped; each once, in the order given.
 */
export function splitDomains(text: string) {
  const domains = text
    .split(/[\s,;]+/)
    .map((d) => d.toLowerCase().replace(/^@/, "").replace(/\.$/, ""))
    .filter(Boolean);
  return [...new Set(domains)];
}

const domains = z
  .string({ error: errorMessage("invalid") })
  .max(5000, errorMessage("tooLong", { max: 5000 }))
  .optional()
  .transform((text) => splitDomains(text ?? ""))
  .superRefine((list, ctx) => {
    const bad = list.filter((d) => !DOMAIN.test(d));
    if (bad.length)
      ctx.addIssue({ code: "custom", message: errorMessage("admin:institutions.errors.domainSyntax", { domains: bad.join(", "), count: bad.length }) });
    if (list.length > MAX_DOMAINS) ctx.addIssue({ code: "custom", message: errorMessage("admin:institutions.errors.domainsTooMany", { max: MAX_DOMAINS }) });
  });

export const InstitutionSchema = z.discriminatedUnion(
  "intent",
  [
    z.object({
      intent: z.literal("create"),
      code: z
        .string({ error: errorMessage("required") })
        .trim()
        .toUpperCase()
        .regex(/^[A-Z0-9]{2,10}$/, errorMessage("institutionCode")),
      nameLv: name,
      nameEn: name,
    }),
    z.object({ intent: z.literal("rename"), institutionId, nameLv: name, nameEn: name }),
    z.object({ intent: z.literal("deactivate"), institutionId }),
    z.object({ intent: z.literal("reactivate"), institutionId }),
    z.object({ intent: z.literal("domains"), institutionId, domains }),
  ],
  { error: errorMessage("invalid") },
);
export type InstitutionValue = z.infer<typeof InstitutionSchema>;
