// The test OpenID provider (server/demo-oidc.js) does what the sign-in tests and the demo rely on,
// seen from openid-client 6 as the app uses it: the code flow with PKCE, state and nonce; claims
// in the ID token; a stable subject per login; tampered tokens refused; sign-out and back.
// No database: the provider keeps its state in memory.
import * as client from "openid-client";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { demoProviderFromEnv, startOidcProvider } from "../../server/demo-oidc.js";
import { ProviderBrowser, epochSeconds, forgeIdToken, signInAtProvider } from "../factories/oidc";

const CLIENT_ID = "idea-lab-test";
const CLIENT_SECRET = "test-secret-0123456789";
const CALLBACK = "http://127.0.0.1:9/auth/test/callback";
const AFTER_SIGN_OUT = "http://127.0.0.1:9/login";

let op: Awaited<ReturnType<typeof startOidcProvider>>;
let config: client.Configuration;

beforeAll(async () => {
  op = await startOidcProvider({
    clients: [{ client_id: CLIENT_ID, client_secret: CLIENT_SECRET, redirect_uris: [CALLBACK], post_logout_redirect_uris: [AFTER_SIGN_OUT] }],
  });
  config = await client.discovery(new URL(op.issuer), CLIENT_ID, CLIENT_SECRET, undefined, { execute: [client.allowInsecureRequests] });
});
afterAll(async () => {
  await op?.close();
});

/** The app's side of a sign-in: the authorization URL and what the callback is checked against. */
async function startSignIn() {
  const pkceCodeVerifier = client.randomPKCECodeVerifier();
  const expectedState = client.randomState();
  const expectedNonce = client.randomNonce();
  const url = client.buildAuthorizationUrl(config, {
    redirect_uri: CALLBACK,
    scope: "openid email profile",
    code_challenge: await client.calculatePKCECodeChallenge(pkceCodeVerifier),
    code_challenge_method: "S256",
    state: expectedState,
    nonce: expectedNonce,
  });
  return { url, checks: { pkceCodeVerifier, expectedState, expectedNonce } };
}

async function signIn(login: string, browser = new ProviderBrowser()) {
  const { url, checks } = await startSignIn();
  const callback = await browser.signIn(url, login);
  expect(callback.origin + callback.pathname).toBe(CALLBACK);
  const tokens = await client.authorizationCodeGrant(config, callback, checks);
  return { tokens, claims: tokens.claims()!, browser };
}

describe("the test OpenID provider", () => {
  test("signs in any login with any password; the ID token carries e-mail, name and a stable subject", async () => {
    const first = await signIn("  Janis.Ozols@VMD.example.lv ");
    expect(first.claims).toMatchObject({ iss: op.issuer, aud: CLIENT_ID, email: "janis.ozols@vmd.example.lv", email_verified: true, name: "Janis Ozols" });
    expect(first.claims.sub).toMatch(/^[\w-]{22}$/);

    const again = await signIn("janis.ozols@vmd.example.lv");
    expect(again.claims.sub).toBe(first.claims.sub);
    const other = await signIn("anna.berzina@vmd.example.lv");
    expect(other.claims.sub).not.toBe(first.claims.sub);
    expect(other.claims.name).toBe("Anna Berzina");
  });

  test("PKCE is required: an authorization request without a code challenge goes back with an error", async () => {
    const url = client.buildAuthorizationUrl(config, { redirect_uri: CALLBACK, scope: "openid email", state: "s", nonce: "n" });
    const back = await signInAtProvider(url, "someone@vmd.example.lv");
    expect(back.searchParams.get("error")).toBe("invalid_request");
    expect(back.searchParams.get("code")).toBeNull();
  });

  test.each([
    ["another audience", { aud: "someone-else" }, /"aud"/],
    ["another issuer", { iss: "http://other.example" }, /"iss"/],
    ["another nonce", { nonce: "not-the-one-sent" }, /"nonce"/],
    ["expired two minutes ago", { exp: epochSeconds() - 120 }, /"exp"/],
  ])("the token hook reaches the client: a validly signed ID token with %s is refused", async (_what, changes, message) => {
    const { url, checks } = await startSignIn();
    const callback = await signInAtProvider(url, "janis.ozols@vmd.example.lv");
    let genuine = "";
    op.setTokenHook(async (body) => {
      genuine = String(body.id_token);
      return { ...body, id_token: await forgeIdToken(op.privateJwk, genuine, changes) };
    });
    try {
      const refusal = await client.authorizationCodeGrant(config, callback, checks).then(
        () => null,
        (err: Error) => err,
      );
      // openid-client's message is generic ("unexpected JWT claim value encountered"); its cause names the claim.
      expect((refusal?.cause as Error | undefined)?.message).toMatch(message);
    } finally {
      op.setTokenHook(null);
    }
    expect(genuine).toMatch(/^ey/);
  });

  test("a forged token with the genuine claims is accepted (only the claims changed are what fails)", async () => {
    const { url, checks } = await startSignIn();
    const callback = await signInAtProvider(url, "janis.ozols@vmd.example.lv");
    op.setTokenHook(async (body) => ({ ...body, id_token: await forgeIdToken(op.privateJwk, String(body.id_token), { exp: epochSeconds() + 600 }) }));
    try {
      const tokens = await client.authorizationCodeGrant(config, callback, checks);
      expect(tokens.claims()!.email).toBe("janis.ozols@vmd.example.lv");
    } finally {
      op.setTokenHook(null);
    }
  });

  test("sign-out: the end-session page's confirmation sends the browser back to the post-logout URI, and the session there is over", async () => {
    const { tokens, browser } = await signIn("janis.ozols@vmd.example.lv");
    const endSession = client.buildEndSessionUrl(config, { id_token_hint: tokens.id_token!, post_logout_redirect_uri: AFTER_SIGN_OUT, state: "bye" });
    const back = await browser.confirmSignOut(endSession);
    expect(back.origin + back.pathname).toBe(AFTER_SIGN_OUT);
    expect(back.searchParams.get("state")).toBe("bye");

    // Signed out at the provider: the next sign-in shows the login page again (and may be someone else).
    const next = await signIn("anna.berzina@vmd.example.lv", browser);
    expect(next.claims.email).toBe("anna.berzina@vmd.example.lv");
  });
});

describe("the demo provider (IDEALAB_DEMO_OIDC=1)", () => {
  test("is off unless asked for", async () => {
    expect(await demoProviderFromEnv({})).toBeNull();
  });

  test("serves one client for the app at APP_URL, localhost and 127.0.0.1 alike", async () => {
    const demo = await demoProviderFromEnv({ IDEALAB_DEMO_OIDC: "1", OIDC_DEMO_PORT: "0", APP_URL: "http://localhost:4100" });
    try {
      const { provider } = demo!;
      expect(provider).toMatchObject({ id: "demo", name: { lv: "demonstrācijas", en: "demo" }, clientId: "idealab-demo" });
      expect(provider.issuer).toMatch(/^http:\/\/localhost:\d+$/);
      const demoConfig = await client.discovery(new URL(provider.issuer), provider.clientId, provider.clientSecret, undefined, {
        execute: [client.allowInsecureRequests],
      });
      for (const callbackUrl of ["http://localhost:4100/auth/demo/callback", "http://127.0.0.1:4100/auth/demo/callback"]) {
        const pkceCodeVerifier = client.randomPKCECodeVerifier();
        const url = client.buildAuthorizationUrl(demoConfig, {
          redirect_uri: callbackUrl,
          scope: "openid email profile",
          code_challenge: await client.calculatePKCECodeChallenge(pkceCodeVerifier),
          code_challenge_method: "S256",
          state: "s",
          nonce: "n",
        });
        const callback = await signInAtProvider(url, "ilze@vmd.example.lv");
        expect(callback.origin + callback.pathname).toBe(callbackUrl);
        const tokens = await client.authorizationCodeGrant(demoConfig, callback, { pkceCodeVerifier, expectedState: "s", expectedNonce: "n" });
        expect(tokens.claims()).toMatchObject({ iss: provider.issuer, email: "ilze@vmd.example.lv", name: "Ilze" });
      }
    } finally {
      await demo?.close();
    }
  });
});
