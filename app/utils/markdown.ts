// People's text written into a Markdown document (the case's .md export) as text and nothing else:
// whatever they typed, it cannot become HTML, a link, an image, a heading or a list there.

// Characters that start inline Markdown (emphasis, code, links, images, tables, strikethrough, math)
// get a backslash; the three that start HTML or an entity become entities.
const INLINE: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;" };
const SPECIAL = /[\\`*_[\]()!|~$@&<>]/g;

/**
 * One line of text, escaped: every Markdown and HTML special character made literal, and what a
 * renderer would turn into a link by itself broken up: a scheme's colon (`https:`, `mailto:`, and so
 * also `javascript:`, `data:`, `vbscript:`), `www.`, and the @ of an e-mail address. At the start of
 * the line, what would begin a block (a heading, a list, a quote, a rule) is made literal too, and
 * leading spaces (an indented code block) are dropped.
 */
function escapeLine(line: string): string {
  let text = line
    .trimStart()
    .replace(SPECIAL, (c) => INLINE[c] ?? `\\${c}`)
    .replace(/([a-z][a-z0-9+.-]*):(?=\S)/gi, "$1\\:")
    .replace(/\bwww\./gi, (w) => `${w.slice(0, 3)}\\.`);
  if (/^[#+\-=]/.test(text)) text = `\\${text}`;
  text = text.replace(/^(\d+)([.)])/, "$1\\$2");
  return text;
}

/** Text that may run over several lines (a paragraph): each line escaped, its line breaks kept. */
export function markdownText(text: string): string {
  return text.replace(/\r\n?/g, "\n").split("\n").map(escapeLine).join("\n");
}

/** Text on one line (a heading, a list item, a table of facts): line breaks become spaces. */
export function markdownInline(text: string): string {
  return escapeLine(text.replace(/\s*[\r\n]+\s*/g, " ").trim());
}
