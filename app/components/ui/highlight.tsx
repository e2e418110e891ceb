import { createContext, useContext, type ReactNode } from "react";
import { matchRanges } from "~/utils/text";

/** The stems a list was searched for (app/utils/text.ts, searchStems): their places in its texts are marked. */
const HighlightContext = createContext<readonly string[]>([]);

export function HighlightStems({ stems, children }: { stems: readonly string[] | undefined; children: ReactNode }) {
  return <HighlightContext.Provider value={stems ?? []}>{children}</HighlightContext.Provider>;
}

/**
 * A text with the searched stems marked (<mark>, which screen readers may announce as highlighted),
 * found as search finds them: capitals and diacritics ignored, inside any word form.
 */
export function Highlighted({ text }: { text: string }) {
  const stems = useContext(HighlightContext);
  const ranges = matchRanges(text, stems);
  if (ranges.length === 0) return <>{text}</>;
  const parts: ReactNode[] = [];
  let at = 0;
  for (const [start, end] of ranges) {
    if (start > at) parts.push(text.slice(at, start));
    parts.push(
      <mark key={start} className="rounded-sm bg-yellow-200 text-inherit">
        {text.slice(start, end)}
      </mark>,
    );
    at = end;
  }
  if (at < text.length) parts.push(text.slice(at));
  return <>{parts}</>;
}
