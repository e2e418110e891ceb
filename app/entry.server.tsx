import { randomBytes } from "node:crypto";
import { Writable } from "node:stream";
import type { AppLoadContext, EntryContext } from "@remix-run/node";
import { RemixServer } from "@remix-run/react";
import { renderToPipeableStream } from "react-dom/server";
import { I18nextProvider } from "react-i18next";
import { getLocale, i18nFor } from "~/utils/i18n.server";
import { NonceProvider } from "~/utils/nonce";

// The reactors are registered when the server starts (this module is the build's entry), and the
// server process (server/index.js) starts the background work through it.
import "~/modules/system/reactors.server";
export { startBackgroundJobs } from "~/modules/system/background.server";
// The server runs each request inside its context and reports each 403 (server/index.js).
export { runWithRequestContext } from "~/utils/request-context.server";
export { recordRefusal } from "~/modules/audit/refusals.server";
// /readyz, /metrics and the end of a shutdown (server/probes.js, server/metrics.js, server/shutdown.js).
export { checkReadiness, disconnectDatabase } from "~/utils/health.server";
export { metricsRegistry } from "~/modules/system/metrics.server";
// The server reads the sign-in providers at start, so a bad entry stops it with a message (server/serve.js).
export { oidcProviders as checkSignInProviders } from "~/utils/oidc-config.server";

const ABORT_DELAY = 5_000;

/**
 * Renders the document whole and answers with one body. The app streams nothing (no defer), so
 * waiting for onAllReady costs no time to first byte that matters, and the compression middleware
 * then compresses one buffer instead of the ~2 KB pieces React writes (see
 * docs/decisions/0008-board-speed.md).
 */
export default async function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  // The server sets the CSP header with this nonce; tests without it get a fresh one.
  const nonce = (loadContext as { cspNonce?: string }).cspNonce ?? randomBytes(16).toString("base64");
  // One i18next instance per language, made once (utils/i18n.server.ts).
  const i18n = await i18nFor(await getLocale(request));

  return new Promise<Response>((resolve, reject) => {
    let shellRendered = false;
    const chunks: Buffer[] = [];
    const body = new Writable({
      write(chunk: Buffer, _encoding, done) {
        chunks.push(chunk);
        done();
      },
      final(done) {
        clearTimeout(timer);
        responseHeaders.set("Content-Type", "text/html; charset=utf-8");
        resolve(new Response(Buffer.concat(chunks), { headers: responseHeaders, status: responseStatusCode }));
        done();
      },
    });
    const { pipe, abort } = renderToPipeableStream(
      <NonceProvider value={nonce}>
        <I18nextProvider i18n={i18n}>
          <RemixServer context={remixContext} url={request.url} abortDelay={ABORT_DELAY} nonce={nonce} />
        </I18nextProvider>
      </NonceProvider>,
      {
        nonce,
        onShellReady() {
          shellRendered = true;
        },
        onAllReady() {
          pipe(body);
        },
        onShellError(error: unknown) {
          clearTimeout(timer);
          reject(error);
        },
        onError(error: unknown) {
          responseStatusCode = 500;
          if (shellRendered) console.error(error);
        },
      },
    );
    // React starts rendering on a later turn, so the callbacks above never run before this line.
    const timer = setTimeout(abort, ABORT_DELAY);
  });
}

export function handleError(error: unknown, { request }: { request: Request }) {
  if (request.signal.aborted) return;
  console.error(error);
}
