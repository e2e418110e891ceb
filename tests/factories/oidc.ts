// Driving the test OpenID provider (server/demo-oidc.js) without a browser: fetch with a small
// cookie jar follows the provider's redirects and submits its forms (the login page, the sign-out
// confirmation) as a person would, until the provider sends the browser back to the client.
// And forged ID tokens: a genuine token's claims changed and signed again with the provider's own
// key, so that only the claims' checks (not the signature's) can refuse them.
import { SignJWT, decodeJwt, decodeProtectedHeader, importJWK, type JWK } from "jose";

type Cookie = { name: string; value: string; path: string };
type Form = { action: URL; fields: URLSearchParams };

const MAX_STEPS = 20;

/** Decodes the few HTML entities oidc-provider's pages use in attribute values. */
const unescapeHtml = (text: string) =>
  text.replace(/&(#\d+|#x[\da-f]+|amp|lt|gt|quot|apos);/gi, (entity, code: string) => {
    const named: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };
    if (code[0] !== "#") return named[code.toLowerCase()] ?? entity;
    return String.fromCodePoint(code[1].toLowerCase() === "x" ? parseInt(code.slice(2), 16) : Number(code.slice(1)));
  });

const attribute = (tag: string, name: string) => {
  const match = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, "i").exec(tag);
  return match ? unescapeHtml(match[1] ?? match[2] ?? match[3]) : undefined;
};

/** The page's first POST form: its action and its hidden inputs. */
function parseForm(html: string, pageUrl: URL): Form | null {
  const form = /<form\b[^>]*>([\s\S]*?)<\/form>/i.exec(html);
  if (!form) return null;
  const openingTag = /<form\b[^>]*>/i.exec(form[0])![0];
  const fields = new URLSearchParams();
  for (const [input] of form[1].matchAll(/<input\b[^>]*>/gi)) {
    const name = attribute(input, "name");
    if (name && attribute(input, "type")?.toLowerCase() === "hidden") fields.append(name, attribute(input, "value") ?? "");
  }
  return { action: new URL(attribute(openingTag, "action") ?? "", pageUrl), fields };
}

/**
 * One person's browser at the provider: its cookies (the provider's session) are kept across calls,
 * so a sign-out after a sign-in ends that sign-in's session.
 */
export class ProviderBrowser {
  private readonly cookies = new Map<string, Cookie>();
  private origin: string | null = null;

  /**
   * Opens the authorization URL, signs in at the provider's login page as `login` (any password),
   * and returns where the provider then sends the browser: the client's redirect URI with `code` and
   * `state`, or with `error`. A session already open at the provider skips the login page.
   */
  signIn(authorizationUrl: string | URL, login: string, password = "any password"): Promise<URL> {
    return this.walk(new URL(authorizationUrl), (form) => {
      // The login page: its form's hidden prompt is "login", beside the inputs "login" and "password".
      if (form.fields.get("prompt") === "login") {
        form.fields.set("login", login);
        form.fields.set("password", password);
      }
    });
  }

  /** Opens the end-session URL, confirms "Yes, sign me out", and returns where the provider sends the browser back to. */
  confirmSignOut(endSessionUrl: string | URL): Promise<URL> {
    return this.walk(new URL(endSessionUrl), (form) => {
      if (!form.fields.has("logout")) form.fields.set("logout", "yes");
    });
  }

  /** The cookies the provider has set and not yet removed, by name. */
  cookieNames(): string[] {
    return [...new Set([...this.cookies.values()].map((cookie) => cookie.name))];
  }

  private async walk(start: URL, fill: (form: Form) => void): Promise<URL> {
    this.origin ??= start.origin;
    if (start.origin !== this.origin) throw new Error(`ProviderBrowser: ${start.href} is not at the provider this browser has used (${this.origin}).`);
    let url = start;
    let post: URLSearchParams | undefined;
    for (let step = 0; step < MAX_STEPS; step++) {
      if (url.origin !== this.origin) return url;
      const response = await fetch(url, {
        method: post ? "POST" : "GET",
        body: post,
        redirect: "manual",
        headers: { cookie: this.cookieHeader(url), ...(post ? { "content-type": "application/x-www-form-urlencoded" } : {}) },
      });
      this.remember(url, response.headers.getSetCookie());
      post = undefined;
      const location = response.headers.get("location");
      if (response.status >= 300 && response.status < 400 && location) {
        url = new URL(location, url);
        continue;
      }
      const body = await response.text();
      const form = response.status === 200 ? parseForm(body, url) : null;
      if (!form)
        throw new Error(`The provider answered ${response.status} at ${url.pathname} with no form to submit: ${body.replace(/\s+/g, " ").slice(0, 500)}`);
      fill(form);
      url = form.action;
      post = form.fields;
      // A form posted elsewhere (response_mode=form_post) is the answer to the client: its fields are the callback's.
      if (url.origin !== this.origin) return new URL(`?${post.toString()}`, url);
    }
    throw new Error(`ProviderBrowser: more than ${MAX_STEPS} steps at the provider from ${start.href}.`);
  }

  private cookieHeader(url: URL): string {
    const matches = (path: string) => url.pathname === path || url.pathname.startsWith(path.endsWith("/") ? path : `${path}/`);
    return [...this.cookies.values()]
      .filter((cookie) => matches(cookie.path))
      .map((cookie) => `${cookie.name}=${cookie.value}`)
      .join("; ");
  }

  private remember(url: URL, setCookies: string[]) {
    for (const header of setCookies) {
      const [pair, ...attributes] = header.split(";").map((part) => part.trim());
      const eq = pair.indexOf("=");
      if (eq < 1) continue;
      const name = pair.slice(0, eq);
      const value = pair.slice(eq + 1);
      const attrs = new Map(
        attributes.map((attr) => {
          const i = attr.indexOf("=");
          return i < 0 ? ([attr.toLowerCase(), ""] as const) : ([attr.slice(0, i).toLowerCase(), attr.slice(i + 1)] as const);
        }),
      );
      const path = attrs.get("path")?.startsWith("/") ? attrs.get("path")! : url.pathname.replace(/\/[^/]*$/, "") || "/";
      const expires = attrs.get("expires");
      const maxAge = attrs.get("max-age");
      const gone = value === "" || (maxAge !== undefined && Number(maxAge) <= 0) || (expires !== undefined && Date.parse(expires) <= Date.now());
      const key = `${name};${path}`;
      if (gone) this.cookies.delete(key);
      else this.cookies.set(key, { name, value, path });
    }
  }
}

/** Signs in at the provider in a browser of its own (no session there yet); see ProviderBrowser.signIn. */
export const signInAtProvider = (authorizationUrl: string | URL, login: string): Promise<URL> => new ProviderBrowser().signIn(authorizationUrl, login);

/**
 * Confirms a sign-out at the provider in a browser of its own: with no session there, the provider
 * still validates the request and sends the browser back. To end a particular sign-in's session,
 * use the ProviderBrowser that signed in.
 */
export const confirmSignOutAtProvider = (endSessionUrl: string | URL): Promise<URL> => new ProviderBrowser().confirmSignOut(endSessionUrl);

/**
 * A genuine ID token with `changes` applied to its claims (a change to undefined removes the claim),
 * signed again with the provider's key and kid (RS256): its signature verifies, its claims do not.
 * Mind openid-client's clock tolerance of 30 s when moving exp or iat.
 */
export async function forgeIdToken(privateJwk: JWK, idToken: string, changes: Record<string, unknown>): Promise<string> {
  const header = decodeProtectedHeader(idToken);
  const payload: Record<string, unknown> = { ...decodeJwt(idToken), ...changes };
  for (const [claim, value] of Object.entries(changes)) if (value === undefined) delete payload[claim];
  const key = await importJWK(privateJwk, "RS256");
  return new SignJWT(payload).setProtectedHeader({ ...header, alg: "RS256", kid: privateJwk.kid ?? header.kid }).sign(key);
}

/** The seconds since the epoch, for exp/iat in forged tokens. */
export const epochSeconds = (date = new Date()) => Math.floor(date.getTime() / 1000);
