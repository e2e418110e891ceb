// What every part of handling one request may need to know without being handed it: the client's
// address (as the server judged it, TRUST_PROXY considered) and the request's id. The server runs
// each request inside runWithRequestContext (server/app.js, through the build's entry); the audit log
// reads the address from here when an entry does not name one, so administrative changes carry it
// too. The app notes here who is signed in (noteSignedIn), and the server puts that number, and
// nothing else about the person, in the request's log line.
import { AsyncLocalStorage } from "node:async_hooks";

export type RequestContext = { ip: string; requestId?: string; userId?: number };

const storage = new AsyncLocalStorage<RequestContext>();

export function runWithRequestContext<T>(context: RequestContext, fn: () => T): T {
  return storage.run(context, fn);
}

/** The context of the request being handled, if any (none in background work). */
export function requestContext(): RequestContext | undefined {
  return storage.getStore();
}

/** Notes the signed-in user's id in the request's context (for its log line). */
export function noteSignedIn(userId: number) {
  const context = storage.getStore();
  if (context) context.userId = userId;
}
