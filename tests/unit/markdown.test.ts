// People's text in a Markdown document stays text: rendered by a CommonMark renderer that lets HTML
// and every link scheme through (micromark, with its guards off), it makes no element but
// paragraphs and line breaks, and every character typed is still there, in order.
import fc from "fast-check";
import { micromark } from "micromark";
import { describe, expect, test } from "vitest";
import { markdownInline, markdownText } from "~/utils/markdown";

const render = (markdown: string) => micromark(markdown, { allowDangerousHtml: true, allowDangerousProtocol: true });
const tags = (html: string) => [...html.matchAll(/<\/?([a-zA-Z][a-zA-Z0-9]*)/g)].map((m) => m[1].toLowerCase());
const textOf = (html: string) =>
  html
    .replace(/<[^>]+>/g, "")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, "&");
/** The characters that are not white space, in order: what must survive escaping and rendering. */
const visible = (text: string) => text.replace(/\s+/g, "");

export const HOSTILE = [
  "<script>alert(document.cookie)</script>",
  "<img src=x onerror=alert(1)>",
  '<a href="javascript:alert(1)">klikšķini</a>',
  "<iframe src=https://evil.example></iframe><svg onload=alert(1)>",
  "<!-- komentārs --><style>body{display:none}</style>",
  "[klikšķini](javascript:alert(1))",
  "[x](<javascript:alert(1)>) [y]( vbscript:msgbox(1) ) [z](data:text/html;base64,PHNjcmlwdD4=)",
  "![pikselis](http://tracker.example/p.png) ![](https://evil.example/x.svg)",
  "[ref]\n\n[ref]: javascript:alert(1)",
  "<javascript:alert(1)> <http://evil.example> <vards@example.lv>",
  "https://evil.example/phish www.evil.example vards@example.lv mailto:vards@example.lv",
  "&#106;avascript:alert(1) &lt;script&gt; &copy;",
  "\\[a](javascript:alert(1)) \\<script>",
  "# Virsraksts\n## Otrs\nTeksts\n===\n---\n***\n> citāts\n- saraksts\n+ vēl\n* un vēl\n1. numurēts\n2) otrs",
  "    koda bloks\n```\nkods\n```\n~~~\nkods\n~~~",
  "| a | b |\n|---|---|\n| 1 | 2 |",
  "**trekns** _slīpraksts_ ~~svītrots~~ `kods` $x^2$ \\",
  "Līnija ar divām atstarpēm  \nun nākamā",
];

describe("hostile text", () => {
  test.each(HOSTILE)("%j stays text", (input) => {
    const html = render(markdownText(input));
    expect(tags(html).filter((tag) => tag !== "p" && tag !== "br")).toEqual([]);
    expect(html).not.toMatch(/<[^>]*(href|src|onerror|onload)=/i);
    expect(visible(textOf(html))).toBe(visible(input));
  });

  test("on one line, as a heading or a list item: one element, the text whole", () => {
    for (const input of HOSTILE) {
      const heading = render(`# ${markdownInline(input)}`);
      expect(tags(heading)).toEqual(["h1", "h1"]);
      expect(visible(textOf(heading))).toBe(visible(input));
      const item = render(`- ${markdownInline(input)}`);
      expect(tags(item)).toEqual(["ul", "li", "li", "ul"]);
      expect(visible(textOf(item))).toBe(visible(input));
    }
  });

  test("what a GitHub-flavoured renderer would link by itself is broken up: schemes, www. and e-mail addresses", () => {
    const escaped = markdownInline("https://evil.example www.evil.example vards@example.lv javascript:alert(1) DATA:x vbscript:y");
    expect(escaped).toBe("https\\://evil.example www\\.evil.example vards\\@example.lv javascript\\:alert\\(1\\) DATA\\:x vbscript\\:y");
    expect(escaped).not.toMatch(/(^|[^\\])(:\/\/|www\.|@)/);
  });

  test("ordinary Latvian text reads as it was written", () => {
    const text = "Iedzīvotāji piesakās vizītei vienā solī, nevis zvanot vairākas reizes. Gaida 40 minūtes; 9 no 12 to minēja.";
    expect(markdownText(text)).toBe(text);
    expect(render(markdownText(text))).toBe(`<p>${text}</p>`);
  });
});

test("any text at all, rendered, makes no element but paragraphs and line breaks, and keeps every character", () => {
  const specials = fc.constantFrom(..."<>&[]()!`*_~|#+-=.:@$\\/\"' \n\t1wjavscript:http".split(""), "www.", "://", "javascript:", "![", "](", "<img ", "&#");
  const pieces = fc.array(fc.oneof(specials, fc.string({ unit: "grapheme", maxLength: 4 })), { maxLength: 40 }).map((parts) => parts.join(""));
  fc.assert(
    fc.property(pieces, (input) => {
      // eslint-disable-next-line no-control-regex
      const clean = input.replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, "");
      const html = render(markdownText(clean));
      return tags(html).every((tag) => tag === "p" || tag === "br") && visible(textOf(html)) === visible(clean);
    }),
    { numRuns: 2000 },
  );
});
