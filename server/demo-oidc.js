// A small OpenID provider (oidc-provider, a certified implementation) on this machine: for the tests
// of single sign-on, and for the local demo (IDEALAB_DEMO_OIDC=1, docs in the single sign-on design).
// Any login name with any password signs in at its login page; the login is the e-mail. Consent is
// skipped (the clients are first-party), PKCE is required, and every start has its own signing key
// and cookie keys.
// It is not a production provider: state lives in memory and is lost when it stops.
//
// oidc-provider is a development dependency, so it is imported only when a provider starts: the
// server can import this module in production without it.
import { createHash, generateKeyPairSync, randomBytes } from "node:crypto";
import { createServer } from "node:http";

/**
 * A registered client (the app). Any further client metadata (e.g. token_endpoint_auth_method) is passed on as is.
 * token_endpoint_auth_method is "client_secret_post" unless given: what openid-client 6 uses by default.
 * @typedef {object} DemoClient
 * @property {string} client_id
 * @property {string} client_secret
 * @property {string[]} redirect_uris
 * @property {string[]} [post_logout_redirect_uris]
 * @property {"client_secret_post" | "client_secret_basic"} [token_endpoint_auth_method]
 */

/** @typedef {Record<string, unknown>} TokenResponseBody the token endpoint's JSON answer: id_token, access_token, token_type, expires_in, scope */
/** @typedef {(body: TokenResponseBody) => TokenResponseBody | Promise<TokenResponseBody>} TokenHook */
/**
 * Where the provider reports its own failures (a pino logger or console will do).
 * @typedef {{ error: (obj: object, msg: string) => void, warn: (obj: object, msg: string) => void }} DemoLogger
 */
/**
 * The private signing key, as a JWK with its kid (RS256).
 * @typedef {import("node:crypto").JsonWebKey & { kid: string, alg: "RS256", use: "sig" }} PrivateJwk
 */

/**
 * The demo provider's entry, as an entry of OIDC_PROVIDERS.
 * @typedef {{ id: "demo", name: { lv: string, en: string }, issuer: string, clientId: string, clientSecret: string }} DemoProviderEntry
 */

/**
 * @typedef {object} StartedOidcProvider
 * @property {string} issuer e.g. http://127.0.0.1:41234 (no trailing slash)
 * @property {() => Promise<void>} close stops the server and closes its connections
 * @property {PrivateJwk} privateJwk the key the ID tokens are signed with, to sign tampered ones in tests
 * @property {(fn: TokenHook | null) => void} setTokenHook every successful token answer passes through `fn` before it is sent; null removes it
 */

/**
 * The login page's login is the e-mail: trimmed and in lower case.
 * @param {unknown} login
 */
export const demoEmail = (login) =>
  String(login ?? "")
    .trim()
    .toLowerCase();

/**
 * A stable opaque subject for a login: the same e-mail always gets the same `sub`, on every start.
 * @param {string} email
 */
export const demoSubject = (email) => createHash("sha256").update(`idealab-demo:${email}`).digest("base64url").slice(0, 22);

/**
 * The name shown for an e-mail: its local part's dot-separated parts, each capitalised ("janis.ozols@…" → "Janis Ozols").
 * @param {string} email
 */
export function demoName(email) {
  const local = email.split("@")[0] ?? "";
  const name = local
    .split(".")
    .filter(Boolean)
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join(" ");
  return name || email;
}

/** @type {Promise<any> | undefined} */
let loaded;
/** oidc-provider, imported once, without its warning about Node.js versions before 22 (it works on 20, which the project supports). */
function loadOidcProvider() {
  loaded ??= quietly(/^oidc-provider WARNING: Unsupported runtime/, () => import("oidc-provider"));
  return loaded;
}

/**
 * Runs `fn` with console.warn dropping the lines that match `pattern` (and only those).
 * @template T
 * @param {RegExp} pattern
 * @param {() => T} fn
 * @returns {Promise<Awaited<T>>}
 */
async function quietly(pattern, fn) {
  const original = console.warn;
  /** @param {unknown[]} args */
  const filtered = (...args) => {
    if (typeof args[0] === "string" && pattern.test(args[0])) return;
    original.apply(console, args);
  };
  console.warn = filtered;
  try {
    return await fn();
  } finally {
    if (console.warn === filtered) console.warn = original;
  }
}

/** The look of oidc-provider's default pages, without their web font from Google: the pages here load nothing from elsewhere. */
const STYLE =
  "h1{font-weight:100;text-align:center;font-size:1.3em}body{font-family:sans-serif;margin-top:25px;margin-bottom:25px}" +
  ".container{padding:0 40px 10px;width:274px;background-color:#F7F7F7;margin:0 auto 10px;border-radius:2px;box-shadow:0 2px 2px rgba(0,0,0,.3);overflow:hidden}" +
  "label{display:block;color:#555;margin-bottom:4px}input{height:40px;font-size:16px;width:100%;margin-bottom:10px;padding:0 8px;box-sizing:border-box}" +
  "button{font-size:14px;font-weight:700;height:36px;padding:0 8px;width:100%;display:block;margin-bottom:10px;border:0;color:#fff;background-color:#4d90fe;cursor:pointer}" +
  "p,a{font-size:12px;color:#666;text-align:center;display:block}";

/** @param {unknown} value */
const html = (value) => String(value).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * @param {string} title
 * @param {string} body
 */
const page = (title, body) =>
  `<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">` +
  `<title>${html(title)}</title><style>${STYLE}</style></head><body><main class="container">${body}</main></body></html>`;

/**
 * The login page. Its form posts `prompt`, `login` and `password` (as oidc-provider's development page does).
 * @param {string} uid
 * @param {string | undefined} loginHint
 * @param {boolean} missingLogin
 */
const loginPage = (uid, loginHint, missingLogin) =>
  page(
    "Sign-in",
    `<h1>Sign-in</h1><p>Demo provider: any login and any password. The login is the e-mail.</p>` +
      (missingLogin ? `<p role="alert">Enter a login.</p>` : "") +
      `<form autocomplete="off" action="/interaction/${html(uid)}" method="post"><input type="hidden" name="prompt" value="login">` +
      `<label for="login">Login (e-mail)</label><input required type="text" id="login" name="login" placeholder="Enter any login" value="${html(loginHint ?? "")}" autofocus>` +
      `<label for="password">Password</label><input required type="password" id="password" name="password" placeholder="and password">` +
      `<button type="submit">Sign-in</button></form><a href="/interaction/${html(uid)}/abort">[ Cancel ]</a>`,
  );

/**
 * The interaction pages, in front of oidc-provider's routes: the login page (GET /interaction/<uid>),
 * its form (POST, which signs in the subject of the e-mail) and its cancel link (/interaction/<uid>/abort,
 * which sends the client access_denied). A consent prompt (only when a client asks for one) is granted at once.
 * @param {any} provider
 * @param {Map<string, string>} emails each subject's e-mail, filled as people sign in
 * @param {DemoLogger} logger
 */
function loginPages(provider, emails, logger) {
  return async (/** @type {any} */ ctx, /** @type {() => Promise<void>} */ next) => {
    const match = /^\/interaction\/([\w-]+)(\/abort)?$/.exec(ctx.path);
    if (!match || !(ctx.method === "GET" || (ctx.method === "POST" && !match[2]))) return next();
    ctx.set("cache-control", "no-store");
    try {
      const details = await provider.interactionDetails(ctx.req, ctx.res);
      /** @type {Record<string, unknown> | null} */
      let result = null;
      let missingLogin = false;
      if (match[2]) result = { error: "access_denied", error_description: "End-User aborted interaction" };
      else if (details.prompt.name !== "login") result = await grantAll(provider, details);
      else if (ctx.method === "POST") {
        const email = demoEmail(new URLSearchParams(await readForm(ctx.req)).get("login"));
        if (email) {
          const sub = demoSubject(email);
          emails.set(sub, email);
          result = { login: { accountId: sub } };
        } else missingLogin = true;
      }
      if (result) {
        const returnTo = await provider.interactionResult(ctx.req, ctx.res, result, { mergeWithLastSubmission: "consent" in result });
        ctx.status = 303;
        ctx.redirect(returnTo);
      } else {
        ctx.status = missingLogin ? 400 : 200;
        ctx.type = "html";
        ctx.body = loginPage(details.uid, details.params.login_hint, missingLogin);
      }
    } catch (err) {
      const {
        status = 500,
        error = "server_error",
        error_description = "",
      } = /** @type {{ status?: number, error?: string, error_description?: string }} */ (err);
      if (status >= 500) logger.error({ err }, "Demo OpenID provider: the login page failed");
      ctx.status = status;
      ctx.type = "html";
      ctx.body = page("oops! something went wrong", `<h1>oops! something went wrong</h1><pre>${html(`${error}: ${error_description}`)}</pre>`);
    }
  };
}

/**
 * A consent prompt's answer: everything it asks for, granted (what oidc-provider's development page does when "Continue" is pressed).
 * @param {any} provider
 * @param {any} details the interaction's details
 */
async function grantAll(provider, { grantId, session, params, prompt: { details } }) {
  const grant = (grantId && (await provider.Grant.find(grantId))) || new provider.Grant({ accountId: session.accountId, clientId: params.client_id });
  if (details.missingOIDCScope) grant.addOIDCScope(details.missingOIDCScope.join(" "));
  if (details.missingOIDCClaims) grant.addOIDCClaims(details.missingOIDCClaims);
  for (const [indicator, scopes] of Object.entries(details.missingResourceScopes ?? {}))
    grant.addResourceScope(indicator, /** @type {string[]} */ (scopes).join(" "));
  return { consent: { grantId: await grant.save() } };
}

/**
 * A small form's body (the login form), as text.
 * @param {import("node:http").IncomingMessage} req
 */
async function readForm(req) {
  /** @type {Buffer[]} */
  const chunks = [];
  let size = 0;
  for await (const chunk of req) {
    size += chunk.length;
    if (size > 16_384)
      throw Object.assign(new Error("request entity too large"), { status: 413, error: "invalid_request", error_description: "request entity too large" });
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString("utf8");
}

/**
 * A Map-backed store for oidc-provider's models (its own in-memory adapter is one store for the whole process and warns at start).
 * @returns {new (name: string) => object}
 */
function memoryAdapter() {
  /** @type {Map<string, { payload: Record<string, any>, expiresAt: number }>} */
  const items = new Map();
  /** @type {Map<string, Set<string>>} */
  const byGrant = new Map();
  /** @type {Map<string, string>} */
  const byUid = new Map();
  /** @type {Map<string, string>} */
  const byUserCode = new Map();
  /** @param {string} key */
  const read = (key) => {
    const item = items.get(key);
    if (item && item.expiresAt <= Date.now()) items.delete(key);
    else return item?.payload;
  };
  return class MemoryAdapter {
    /** @param {string} name */
    constructor(name) {
      this.name = name;
    }
    /** @param {string} id */
    key(id) {
      return `${this.name}:${id}`;
    }
    /**
     * @param {string} id
     * @param {Record<string, any>} payload
     * @param {number} [expiresIn]
     */
    async upsert(id, payload, expiresIn) {
      const key = this.key(id);
      items.set(key, { payload, expiresAt: expiresIn ? Date.now() + expiresIn * 1000 : Infinity });
      if (payload.grantId) {
        const keys = byGrant.get(payload.grantId) ?? new Set();
        byGrant.set(payload.grantId, keys.add(key));
      }
      if (payload.uid) byUid.set(payload.uid, id);
      if (payload.userCode) byUserCode.set(payload.userCode, id);
    }
    /** @param {string} id */
    async find(id) {
      return read(this.key(id));
    }
    /** @param {string} uid */
    async findByUid(uid) {
      const id = byUid.get(uid);
      return id === undefined ? undefined : this.find(id);
    }
    /** @param {string} userCode */
    async findByUserCode(userCode) {
      const id = byUserCode.get(userCode);
      return id === undefined ? undefined : this.find(id);
    }
    /** @param {string} id */
    async consume(id) {
      const payload = read(this.key(id));
      if (payload) payload.consumed = Math.floor(Date.now() / 1000);
    }
    /** @param {string} id */
    async destroy(id) {
      items.delete(this.key(id));
    }
    /** @param {string} grantId */
    async revokeByGrantId(grantId) {
      for (const key of byGrant.get(grantId) ?? []) items.delete(key);
      byGrant.delete(grantId);
    }
  };
}

/**
 * @param {string} host
 * @param {number} port
 */
const origin = (host, port) => `http://${host.includes(":") ? `[${host}]` : host}:${port}`;

/**
 * @param {import("node:http").Server} server
 * @param {number} port
 * @param {string} host
 * @returns {Promise<number>} the port listened on
 */
function listen(server, port, host) {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      resolve(/** @type {import("node:net").AddressInfo} */ (server.address()).port);
    });
  });
}

/**
 * Starts an OpenID provider on this machine.
 *
 * `host` "localhost" listens on both 127.0.0.1 and ::1 (where there is IPv6), so that whatever a
 * browser or Node resolves localhost to reaches it; the issuer is then http://localhost:<port>.
 * @param {object} options
 * @param {number} [options.port] 0 (the default) takes a free port
 * @param {string} [options.host] the address to listen on, 127.0.0.1 by default
 * @param {string} [options.publicHost] the host name in the issuer, when it is not `host`
 * @param {DemoClient[]} options.clients
 * @param {number} [options.idTokenTtlS] how long ID tokens are valid, 3600 s by default
 * @param {DemoLogger} [options.logger] console by default; only the provider's own failures are written
 * @returns {Promise<StartedOidcProvider>}
 */
export async function startOidcProvider({ port = 0, host = "127.0.0.1", publicHost, clients, idTokenTtlS = 3600, logger = console }) {
  const { default: Provider } = await loadOidcProvider();

  const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  /** @type {PrivateJwk} */
  const privateJwk = { ...privateKey.export({ format: "jwk" }), kid: randomBytes(12).toString("base64url"), alg: "RS256", use: "sig" };

  /** @type {TokenHook | null} */
  let tokenHook = null;
  /**
   * The e-mail of each subject signed in since the start.
   * @type {Map<string, string>}
   */
  const emails = new Map();
  /** @type {import("node:http").Server[]} */
  const servers = [];
  const handler = (/** @type {import("node:http").IncomingMessage} */ req, /** @type {import("node:http").ServerResponse} */ res) => callback(req, res);
  /** @type {(req: import("node:http").IncomingMessage, res: import("node:http").ServerResponse) => void} */
  let callback = (_req, res) => {
    res.statusCode = 503;
    res.end();
  };

  try {
    // Listen first: with port 0 the issuer's port is known only now.
    const first = createServer(handler);
    servers.push(first);
    const actualPort = await listen(first, port, host === "localhost" ? "127.0.0.1" : host);
    if (host === "localhost") {
      const second = createServer(handler);
      try {
        await listen(second, actualPort, "::1");
        servers.push(second);
      } catch (err) {
        const code = /** @type {NodeJS.ErrnoException} */ (err).code;
        // No IPv6 here: 127.0.0.1 alone is localhost. Anything else (the port taken on ::1) is worth a word.
        if (code !== "EADDRNOTAVAIL" && code !== "EAFNOSUPPORT")
          logger.warn({ err }, `Demo OpenID provider: could not listen on [::1]:${actualPort} too; clients that resolve localhost to ::1 will not reach it`);
      }
    }
    const issuer = origin(publicHost ?? host, actualPort);

    const configuration = {
      adapter: memoryAdapter(),
      clients: clients.map((client) => ({ token_endpoint_auth_method: "client_secret_post", ...client })),
      jwks: { keys: [privateJwk] },
      cookies: { keys: [randomBytes(32).toString("base64url")] },
      claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name"] },
      // The scopes' claims go in the ID token too (by default they would be in userinfo only).
      conformIdTokenClaims: false,
      pkce: { required: () => true },
      ttl: { AccessToken: 600, AuthorizationCode: 60, IdToken: idTokenTtlS, Interaction: 600, Session: 3600, Grant: 3600 },
      features: {
        // The login page is ours (below): oidc-provider's development one signs in with the login itself as the subject.
        devInteractions: { enabled: false },
        rpInitiatedLogout: {
          enabled: true,
          /**
           * @param {any} ctx
           * @param {string} form
           */
          logoutSource(ctx, form) {
            ctx.body = page(
              "Logout Request",
              `<h1>Do you want to sign-out from ${html(ctx.host)}?</h1>${form}` +
                `<button autofocus type="submit" form="op.logoutForm" value="yes" name="logout">Yes, sign me out</button>` +
                `<button type="submit" form="op.logoutForm">No, stay signed in</button>`,
            );
          },
          /** @param {any} ctx */
          postLogoutSuccessSource(ctx) {
            ctx.body = page("Sign-out Success", `<h1>Sign-out Success</h1><p>Your sign-out was successful.</p>`);
          },
        },
      },
      /**
       * The account is the subject the login page signed in (the subject is what oidc-provider puts in `sub`).
       * @param {any} _ctx
       * @param {string} sub
       */
      async findAccount(_ctx, sub) {
        const email = emails.get(sub);
        if (email === undefined) return undefined;
        return { accountId: sub, claims: async () => ({ sub, email, email_verified: true, name: demoName(email) }) };
      },
      // First-party clients: the scopes asked for are granted without a consent page (oidc-provider's recipe).
      /** @param {any} ctx */
      async loadExistingGrant(ctx) {
        const grantId = ctx.oidc.result?.consent?.grantId || ctx.oidc.session.grantIdFor(ctx.oidc.client.clientId);
        const grant =
          (grantId && (await ctx.oidc.provider.Grant.find(grantId))) ||
          new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client.clientId, accountId: ctx.oidc.session.accountId });
        grant.addOIDCScope([...ctx.oidc.requestParamOIDCScopes].join(" "));
        grant.addOIDCClaims([...ctx.oidc.requestParamClaims]);
        await grant.save();
        return grant;
      },
      /**
       * @param {any} ctx
       * @param {{ error?: string, error_description?: string }} out
       */
      renderError(ctx, out) {
        ctx.type = "html";
        ctx.body = page("oops! something went wrong", `<h1>oops! something went wrong</h1><pre>${html(JSON.stringify(out, null, 2))}</pre>`);
      },
      clientBasedCORS: () => false,
    };

    const provider = new Provider(issuer, configuration);
    provider.on("server_error", (/** @type {unknown} */ _ctx, /** @type {unknown} */ err) => logger.error({ err }, "Demo OpenID provider: server error"));
    provider.use(loginPages(provider, emails, logger));
    provider.use(async (/** @type {any} */ ctx, /** @type {() => Promise<void>} */ next) => {
      await next();
      if (tokenHook && ctx.oidc?.route === "token" && ctx.status === 200 && ctx.body && typeof ctx.body === "object") ctx.body = await tokenHook(ctx.body);
    });
    callback = provider.callback();

    return {
      issuer,
      privateJwk,
      setTokenHook(fn) {
        tokenHook = fn;
      },
      close: () => closeAll(servers),
    };
  } catch (err) {
    await closeAll(servers);
    throw err;
  }
}

/** @param {import("node:http").Server[]} servers */
async function closeAll(servers) {
  await Promise.all(
    servers.map(
      (server) =>
        new Promise((resolve) => {
          if (!server.listening) return resolve(undefined);
          server.close(() => resolve(undefined));
          server.closeAllConnections();
        }),
    ),
  );
}

/**
 * The demo provider of IDEALAB_DEMO_OIDC=1: started on OIDC_DEMO_PORT (3001 by default; 0 takes a free port) at
 * http://localhost:<port>, with one client, "idealab-demo", whose secret is new on every start.
 * Its redirect URIs are <APP_URL>/auth/demo/callback and, after sign-out, <APP_URL>/login, each
 * also with localhost and 127.0.0.1 swapped; APP_URL defaults to http://localhost:<PORT or 3000>.
 * Returns null unless IDEALAB_DEMO_OIDC is "1"; else the provider entry (as in OIDC_PROVIDERS) and `close`.
 * @param {Record<string, string | undefined>} env
 * @param {{ logger?: DemoLogger }} [options]
 * @returns {Promise<{ provider: DemoProviderEntry, close: () => Promise<void> } | null>}
 */
export async function demoProviderFromEnv(env, { logger } = {}) {
  if (env.IDEALAB_DEMO_OIDC !== "1") return null;
  const portText = (env.OIDC_DEMO_PORT ?? "").trim() || "3001";
  const port = Number(portText);
  if (!/^\d+$/.test(portText) || port > 65535)
    throw new Error(`OIDC_DEMO_PORT must be a port number (0 for any free one), not ${JSON.stringify(env.OIDC_DEMO_PORT)}.`);
  const appUrl = (env.APP_URL?.trim() || `http://localhost:${env.PORT?.trim() || 3000}`).replace(/\/+$/, "");
  const clientId = "idealab-demo";
  const clientSecret = randomBytes(24).toString("base64url");
  /** @param {string} path */
  const both = (path) => [...new Set([`${appUrl}${path}`, `${swapLoopback(appUrl)}${path}`])];
  const started = await startOidcProvider({
    port,
    host: "localhost",
    clients: [{ client_id: clientId, client_secret: clientSecret, redirect_uris: both("/auth/demo/callback"), post_logout_redirect_uris: both("/login") }],
    logger,
  });
  return {
    provider: { id: "demo", name: { lv: "demonstrācijas", en: "demo" }, issuer: started.issuer, clientId, clientSecret },
    close: started.close,
  };
}

/**
 * The same address with localhost and 127.0.0.1 swapped (unchanged for any other host).
 * @param {string} url
 */
function swapLoopback(url) {
  const parsed = new URL(url);
  if (parsed.hostname === "localhost") parsed.hostname = "127.0.0.1";
  else if (parsed.hostname === "127.0.0.1") parsed.hostname = "localhost";
  else return url;
  return parsed.href.replace(/\/+$/, "");
}
