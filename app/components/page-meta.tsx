// The page's <title> while a form's errors show: "Kļūda: " / "Error: " before it (the GOV.UK
// pattern). pageMeta (utils/meta.ts) writes the title, once for every page; this tells it whether
// errors show:
//   - on the server (and while the page hydrates), from the actions' replies: a form reply with
//     messages means the page is shown again with its errors;
//   - in the browser, from the error summaries on the page: each counts itself while it shows, so the
//     title follows the checks made in the browser too and drops the prefix once the errors are gone.
// Meta reads the routes' data from the router's state; the root's data is given `formFailed` for it.
import { Meta } from "@remix-run/react";
import { useContext, useEffect, useMemo, useSyncExternalStore } from "react";
import { UNSAFE_DataRouterStateContext as RouterStateContext } from "react-router-dom";
import { isFailedReply } from "~/utils/form";

// How many error summaries show in this browser tab (the server never counts: see serverCount).
let shown = 0;
const listeners = new Set<() => void>();
function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
function change(by: number) {
  shown += by;
  for (const listener of listeners) listener();
}
const clientCount = () => shown;
const serverCount = () => null;

/** Counts the page as showing a form's errors while `showing` is true. */
export function useErrorTitle(showing: boolean) {
  useEffect(() => {
    if (!showing) return;
    change(1);
    return () => change(-1);
  }, [showing]);
}

/** Remix's <Meta>, telling pageMeta whether the page shows a form's errors (it then prefixes the title). */
export function PageMeta() {
  const state = useContext(RouterStateContext);
  const count = useSyncExternalStore(subscribe, clientCount, serverCount);
  const failed = count === null ? Object.values(state?.actionData ?? {}).some(isFailedReply) : count > 0;
  const value = useMemo(() => {
    if (!state || !failed) return state;
    const root = (state.loaderData.root ?? {}) as Record<string, unknown>;
    return { ...state, loaderData: { ...state.loaderData, root: { ...root, formFailed: true } } };
  }, [state, failed]);
  return (
    <RouterStateContext.Provider value={value}>
      <Meta />
    </RouterStateContext.Provider>
  );
}
