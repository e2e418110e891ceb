/**
 * Only same-site paths: "/ideas?x=1" yes; "//evil.example", "https://evil.example", "/\\evil" no.
 * The path is judged after the browser's own normalisation (dot segments, percent-encoded dots), so
 * "/.//evil.example", "/a/..//evil.example" and "/%2e//evil.example", which a browser resolves to
 * "//evil.example", are refused too: what is returned always starts with one "/" and then neither
 * "/" nor "\\".
 */
export function safeRedirect(to: FormDataEntryValue | string | null | undefined, fallback = "/"): string {
  if (!to || typeof to !== "string") return fallback;
  if (!isLocalPath(to) || to.includes("\\") || [...to].some((c) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f)) return fallback;
  try {
    const base = "http://same.invalid";
    const url = new URL(to, base);
    if (url.origin !== base) return fallback;
    const path = url.pathname + url.search + url.hash;
    return isLocalPath(path) ? path : fallback;
  } catch {
    return fallback;
  }
}

/** "/" alone, or "/" followed by anything but "/" or "\\" (which would name another host). */
function isLocalPath(path: string) {
  return path === "/" || (path.startsWith("/") && path[1] !== "/" && path[1] !== "\\");
}
