// The OpenID Connect providers people may sign in with (docs/sso.md), from the environment:
//   OIDC_PROVIDERS        a JSON array of providers
//   OIDC_PROVIDERS_FILE   or the path of a JSON file holding that array
// and, on a workstation with IDEALAB_DEMO_OIDC=1, the local demo provider the server started
// (IDEALAB_DEMO_OIDC_PROVIDER, set by server/serve.js). Read once and checked: a bad entry stops the
// server at start with a message that names the entry and the field.
import { readFileSync } from "node:fs";
import { z } from "zod";

const LOOPBACK = new Set(["127.0.0.1", "[::1]", "localhost"]);
// Microsoft's multi-tenant endpoints: their issuer is a template ({tenantid}), so no token matches it.
const MULTI_TENANT = /^\/(common|organizations|consumers)(\/|$)/i;

const claimName = z
  .string()
  .trim()
  .regex(/^[A-Za-z_][A-Za-z0-9_.:-]{0,63}$/, "a claim's name");

const ProviderSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9-]{2,32}$/, "2 to 32 of a-z, 0-9 and -"),
    name: z.object({ lv: z.string().trim().min(1).max(80), en: z.string().trim().min(1).max(80) }).strict(),
    issuer: z
      .string()
      .url()
      .superRefine((value, ctx) => {
        const url = new URL(value);
        if (url.protocol !== "https:" && !(url.protocol === "http:" && LOOPBACK.has(url.hostname)))
          ctx.addIssue({ code: "custom", message: "must be https (http only on this machine's loopback address)" });
        if (url.hostname === "login.microsoftonline.com" && MULTI_TENANT.test(url.pathname))
          ctx.addIssue({
            code: "custom",
            message: "use the tenant's own issuer, https://login.microsoftonline.com/<tenant id>/v2.0, not common, organizations or consumers",
          });
        if (url.search || url.hash) ctx.addIssue({ code: "custom", message: "must have no query or fragment" });
      }),
    clientId: z.string().trim().min(1).max(200),
    clientSecret: z.string().min(1).max(500).optional(),
    clientSecretEnv: z
      .string()
      .regex(/^[A-Za-z_][A-Za-z0-9_]*$/, "the name of an environment variable")
      .optional(),
    scopes: z
      .string()
      .trim()
      .default("openid email profile")
      .refine((s) => s.split(/\s+/).includes("openid"), "must include openid"),
    claims: z
      .object({
        // The identity: "sub", or Microsoft's "oid" (the same across a tenant's apps); never a claim that can change, like the e-mail.
        subject: z.enum(["sub", "oid"], { error: 'must be "sub" or "oid"' }).default("sub"),
        email: claimName.default("email"),
        name: claimName.default("name"),
      })
      .strict()
      .default({ subject: "sub", email: "email", name: "name" }),
    institution: z.string().trim().min(1).max(20).optional(),
    // The e-mail domains this provider may vouch for (a tenant's own); without it, any.
    domains: z
      .array(
        z
          .string()
          .trim()
          .toLowerCase()
          .regex(/^[a-z0-9-]+(\.[a-z0-9-]+)+$/, "a domain, such as vk.gov.lv"),
      )
      .min(1)
      .max(100)
      .optional(),
  })
  .strict();

export type OidcProvider = {
  id: string;
  name: { lv: string; en: string };
  issuer: string;
  clientId: string;
  clientSecret: string;
  scopes: string;
  claims: { subject: string; email: string; name: string };
  /** The code of the institution its people belong to when their e-mail's domain maps to none. */
  institution: string | null;
  /** The e-mail domains it may vouch for; null: any. */
  domains: string[] | null;
};

/** Thrown for a configuration a person has to mend; the message says what and where. */
export class OidcConfigError extends Error {}

function entries(env: Record<string, string | undefined>): { source: string; list: unknown[] }[] {
  const out: { source: string; list: unknown[] }[] = [];
  const inline = env.OIDC_PROVIDERS?.trim();
  const file = env.OIDC_PROVIDERS_FILE?.trim();
  if (inline && file) throw new OidcConfigError("Set OIDC_PROVIDERS or OIDC_PROVIDERS_FILE, not both.");
  const parse = (source: string, text: string) => {
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      throw new OidcConfigError(`${source} is not valid JSON: ${(error as Error).message}`);
    }
    if (!Array.isArray(value)) throw new OidcConfigError(`${source} must be a JSON array of providers.`);
    out.push({ source, list: value });
  };
  if (inline) parse("OIDC_PROVIDERS", inline);
  if (file) {
    let text: string;
    try {
      text = readFileSync(file, "utf8");
    } catch (error) {
      throw new OidcConfigError(`OIDC_PROVIDERS_FILE (${file}) cannot be read: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
    }
    parse(`OIDC_PROVIDERS_FILE (${file})`, text);
  }
  // The demo provider only ever on a workstation (server/serve.js refuses to start one in production).
  const production = env.NODE_ENV === "production" && env.IDEALAB_LOCAL !== "1";
  const demo = production ? undefined : env.IDEALAB_DEMO_OIDC_PROVIDER?.trim();
  if (demo) parse("the demo provider", `[${demo}]`);
  return out;
}

/** The providers the environment configures, checked; throws OidcConfigError for a bad entry. */
export function readOidcProviders(env: Record<string, string | undefined>): OidcProvider[] {
  const providers: OidcProvider[] = [];
  for (const { source, list } of entries(env)) {
    list.forEach((raw, index) => {
      const label = `${source}, provider ${index + 1}${raw && typeof raw === "object" && "id" in raw ? ` (${JSON.stringify((raw as { id: unknown }).id)})` : ""}`;
      const parsed = ProviderSchema.safeParse(raw);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        const field = issue.path.join(".") || "the entry";
        throw new OidcConfigError(`${label}: ${field}: ${issue.message.replace(/\.?$/, ".")}`);
      }
      const p = parsed.data;
      const secret = p.clientSecretEnv ? env[p.clientSecretEnv] : p.clientSecret;
      if (p.clientSecret && p.clientSecretEnv) throw new OidcConfigError(`${label}: give clientSecret or clientSecretEnv, not both.`);
      if (!secret)
        throw new OidcConfigError(
          p.clientSecretEnv ? `${label}: clientSecretEnv: the environment variable ${p.clientSecretEnv} is not set.` : `${label}: clientSecret: required.`,
        );
      if (providers.some((other) => other.id === p.id)) throw new OidcConfigError(`${label}: id: another provider already has the id ${p.id}.`);
      // An identity is the issuer and the subject: two entries for one issuer would share people.
      const twin = providers.find((other) => other.issuer === p.issuer);
      if (twin) throw new OidcConfigError(`${label}: issuer: the provider ${twin.id} already has the issuer ${p.issuer}.`);
      // The issuer exactly as given: discovery compares it, character for character, with the provider's own.
      providers.push({ ...p, clientSecret: secret, institution: p.institution ?? null, domains: p.domains ?? null });
    });
  }
  return providers;
}

let cached: OidcProvider[] | undefined;

/** The configured providers (read from process.env the first time). */
export function oidcProviders(): OidcProvider[] {
  return (cached ??= readOidcProviders(process.env));
}

export function oidcProvider(id: string): OidcProvider | undefined {
  return oidcProviders().find((p) => p.id === id);
}

/** For tests: read the providers again from this environment (or from process.env). */
export function resetOidcProviders(env?: Record<string, string | undefined>) {
  cached = env ? readOidcProviders(env) : undefined;
}

/** The address the app is reached at: APP_URL when set, otherwise the request's own origin. */
export function appOrigin(request: Request) {
  const configured = process.env.APP_URL?.trim();
  return (configured || new URL(request.url).origin).replace(/\/+$/, "");
}

/** Where a provider sends people back to. */
export function redirectUri(origin: string, providerId: string) {
  return `${origin}/auth/${providerId}/callback`;
}
