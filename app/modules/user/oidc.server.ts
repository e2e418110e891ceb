// The relying party's side of OpenID Connect, through openid-client: discovery (once per provider,
// again after a failure), the authorization URL with PKCE (S256), state and nonce, the code's
// exchange with the ID token's checks (issuer, audience, nonce, expiry), and the end-session URL.
import * as client from "openid-client";
import type { OidcProvider } from "~/utils/oidc-config.server";

/** Seconds a provider has to answer discovery, the token request or the keys. */
const TIMEOUT_S = 10;

const configurations = new Map<string, Promise<client.Configuration>>();

function isLoopbackHttp(issuer: string) {
  const url = new URL(issuer);
  return url.protocol === "http:";
}

/** The provider's metadata, discovered once (the configuration checks that http is loopback only). */
export function providerConfiguration(provider: OidcProvider): Promise<client.Configuration> {
  const key = `${provider.id} ${provider.issuer} ${provider.clientId}`;
  let found = configurations.get(key);
  if (!found) {
    found = client.discovery(new URL(provider.issuer), provider.clientId, provider.clientSecret, undefined, {
      timeout: TIMEOUT_S,
      ...(isLoopbackHttp(provider.issuer) ? { execute: [client.allowInsecureRequests] } : {}),
    });
    configurations.set(key, found);
    // A provider that did not answer is asked again next time.
    found.catch(() => configurations.delete(key));
  }
  return found;
}

/** For tests: forget what was discovered. */
export function forgetProviderConfigurations() {
  configurations.clear();
}

export type AuthorizationStart = { url: URL; state: string; nonce: string; codeVerifier: string };

/** A new authorization request: its URL at the provider and the secrets the callback checks. */
export async function startAuthorization(provider: OidcProvider, redirectUri: string, locale: string): Promise<AuthorizationStart> {
  const config = await providerConfiguration(provider);
  const codeVerifier = client.randomPKCECodeVerifier();
  const state = client.randomState();
  const nonce = client.randomNonce();
  const url = client.buildAuthorizationUrl(config, {
    redirect_uri: redirectUri,
    scope: provider.scopes,
    response_type: "code",
    code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: "S256",
    state,
    nonce,
    ui_locales: locale,
  });
  return { url, state, nonce, codeVerifier };
}

/** Why a provider's answer was refused: the audit log's reason, and the message's key. */
export type CallbackRefusal = "provider_error" | "code" | "audience" | "issuer" | "nonce" | "expired" | "unavailable" | "failed";

export type CallbackResult =
  { ok: true; claims: Record<string, unknown>; idToken: string } | { ok: false; reason: CallbackRefusal; detail: string; cause?: unknown };

/** Why openid-client refused an answer, in our words. */
export function refusalOf(error: unknown): { reason: CallbackRefusal; detail: string } {
  const detail = error instanceof Error ? error.message : String(error);
  if (error instanceof client.AuthorizationResponseError)
    return { reason: "provider_error", detail: `${error.error}: ${error.error_description ?? ""}`.trim() };
  if (error instanceof client.ResponseBodyError)
    return { reason: error.error === "invalid_grant" ? "code" : "failed", detail: `${error.error}: ${error.error_description ?? ""}`.trim() };
  const code = (error as { code?: string }).code;
  // openid-client wraps oauth4webapi's error, whose cause names the claim that did not match.
  const inner = (error as { cause?: { cause?: { claim?: string }; claim?: string } }).cause;
  const claim = inner?.cause?.claim ?? inner?.claim;
  if (code === "OAUTH_JWT_CLAIM_COMPARISON_FAILED") {
    if (claim === "aud" || claim === "azp") return { reason: "audience", detail };
    if (claim === "iss") return { reason: "issuer", detail };
    if (claim === "nonce") return { reason: "nonce", detail };
  }
  if (code === "OAUTH_JWT_TIMESTAMP_CHECK_FAILED") return { reason: "expired", detail };
  if (error instanceof TypeError || (error as { name?: string }).name === "TimeoutError" || (error as { name?: string }).name === "AbortError")
    return { reason: "unavailable", detail };
  return { reason: "failed", detail };
}

/**
 * The provider sent the person back: exchanges the code (with the PKCE verifier) and checks the ID
 * token against the expected state and nonce. `callbackUrl` is the redirect URI with the query the
 * provider added.
 */
export async function finishAuthorization(
  provider: OidcProvider,
  callbackUrl: URL,
  expected: { state: string; nonce: string; codeVerifier: string },
): Promise<CallbackResult> {
  try {
    const config = await providerConfiguration(provider);
    const tokens = await client.authorizationCodeGrant(config, callbackUrl, {
      pkceCodeVerifier: expected.codeVerifier,
      expectedState: expected.state,
      expectedNonce: expected.nonce,
      idTokenExpected: true,
    });
    const claims = tokens.claims();
    if (!claims || !tokens.id_token) return { ok: false, reason: "failed", detail: "no ID token" };
    return { ok: true, claims: claims as Record<string, unknown>, idToken: tokens.id_token };
  } catch (error) {
    return { ok: false, ...refusalOf(error), cause: error };
  }
}

/**
 * Where to send the person to end their session at the provider too, if it offers that: with the ID
 * token as the hint, or (when it was too long to keep) the app's client_id alone.
 */
export async function endSessionUrl(provider: OidcProvider, idToken: string | null, postLogoutRedirectUri: string): Promise<URL | null> {
  try {
    const config = await providerConfiguration(provider);
    if (!config.serverMetadata().end_session_endpoint) return null;
    return client.buildEndSessionUrl(config, { ...(idToken ? { id_token_hint: idToken } : {}), post_logout_redirect_uri: postLogoutRedirectUri });
  } catch {
    // A provider that does not answer does not keep the person signed in here.
    return null;
  }
}
