/**
 * Folds text for search: lower case, without diacritics ("CEĻŠ" → "cels", "nodokļu" → "nodoklu").
 * The same folding is stored with each idea and experiment and applied to the query.
 */
export function foldForSearch(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase();
}

/** The most words of a query that are looked for (each must appear). */
export const MAX_SEARCH_WORDS = 8;

/**
 * The words of a search query, folded: the one way every list reads what was typed. Punctuation
 * around a word is dropped; a "word" of punctuation alone is looked for as it is.
 */
export function searchWords(query: string | undefined | null): string[] {
  if (!query) return [];
  return foldForSearch(query)
    .split(/\s+/)
    .map((w) => w.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, "") || w)
    .filter(Boolean)
    .slice(0, MAX_SEARCH_WORDS);
}

/**
 * Latvian endings (folded), longest first. Latvian inflects by ending: "pakalpojums",
 * "pakalpojumu", "pakalpojumi", "pakalpojumiem" share the stem "pakalpojum". Neither SQLite nor
 * PostgreSQL has a Latvian stemmer, so the query's words are cut to a stem here and the index
 * finds the stem inside every form (docs/decisions/0013-search-index.md). The list covers the
 * noun and adjective declensions, the definite adjective, the verbal noun (-šana) and the common
 * verb forms; English words lose a plural or -ing the same way.
 */
const ENDINGS = [
  "ajiem",
  "sanas",
  "sanai",
  "sanam",
  "ajam",
  "ajai",
  "ajos",
  "ajas",
  "sana",
  "sanu",
  "iem",
  "ies",
  "ais",
  "aja",
  "ing",
  "am",
  "ai",
  "as",
  "es",
  "ei",
  "em",
  "is",
  "os",
  "us",
  "im",
  "ij",
  "a",
  "e",
  "i",
  "o",
  "u",
  "s",
  "t",
] as const;

/** The shortest stem a word is cut to: shorter words are looked for whole. */
const MIN_STEM = 4;

/** A folded word's stem: the word without its Latvian (or English plural) ending, never shorter than four letters. */
export function stemOf(word: string): string {
  for (const ending of ENDINGS) {
    if (word.length - ending.length >= MIN_STEM && word.endsWith(ending)) return word.slice(0, -ending.length);
  }
  return word;
}

/**
 * Words that say nothing about a need: Latvian and English function words, and the words every
 * brief uses. Similarity ignores them; a search for them alone still finds them.
 */
export const STOP_WORDS = new Set(
  (
    "un ir ar par uz no lai ka kas vai bet to ta tas tie tam tad jo ko kur kad ari pie pec lidz ne nevis tikai loti var but tiek tika tiks " +
    "savu sava savs savas musu vini vinu so sis si sie citi cits visi visu katru kuri kura kurs kam mes es jus tu pa bez caur starp ap gar " +
    "zem virs aiz prieks del ja gan vel jau tomer tapec nav ir bija bus ir sa tada tads sada sads kadu kada vienu viena viens daudz mazak vairak " +
    "the a an and or of to in for on with is are be by as at it this that from not we they their our can has have was were will which who " +
    "ideja idejas ideju problema problemas problemu risinajums"
  ).split(" "),
);

/** The stems of a search query: what every search box looks for (each must appear in the idea). */
export function searchStems(query: string | undefined | null): string[] {
  return [...new Set(searchWords(query).map(stemOf))];
}

/** The most distinct stems a similarity query sends: a long need keeps its first ones. */
export const MAX_SIMILAR_STEMS = 40;

/**
 * Similar ideas compare words by their first six letters at most: beyond the ending, Latvian
 * derives words from one root ("reģistrēt", "reģistrācija", "reģistrs"; "konsultants",
 * "konsultācija"), and a six-letter prefix of the stem joins them (measured on the labelled set in
 * tests/fixtures/similar-ideas.json: docs/decisions/0013-search-index.md).
 */
export const SIMILAR_PREFIX = 6;

/** The stems of a text for "similar ideas": its meaningful words of three letters or more, each once, cut to SIMILAR_PREFIX. */
export function similarityStems(text: string): string[] {
  const words = foldForSearch(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length >= 3 && !STOP_WORDS.has(w) && !/^\d+$/.test(w));
  return [...new Set(words.map((w) => stemOf(w).slice(0, SIMILAR_PREFIX)))].slice(0, MAX_SIMILAR_STEMS);
}

/** Each character folded once (a list page marks words in fifty texts; folding each character anew made most of its garbage). */
const foldedChars = new Map<string, string>();
function foldedChar(char: string): string {
  const code = char.charCodeAt(0);
  if (char.length === 1 && code < 128) return code >= 65 && code <= 90 ? String.fromCharCode(code + 32) : char;
  let folded = foldedChars.get(char);
  if (folded === undefined) {
    folded = foldForSearch(char);
    if (foldedChars.size < 10_000) foldedChars.set(char, folded);
  }
  return folded;
}

/**
 * Where the stems occur in a text, for highlighting: [start, end) ranges in the original text,
 * sorted and not overlapping. Found in the folded text (diacritics and capitals ignored) and
 * mapped back, so "ceļš" is marked when "cels" was searched for.
 */
export function matchRanges(text: string, stems: readonly string[]): [number, number][] {
  if (!text || stems.length === 0) return [];
  // The folded text, with the original position each folded character came from.
  let folded = "";
  const origin: number[] = [];
  let index = 0;
  for (const char of text) {
    const f = foldedChar(char);
    for (let k = 0; k < f.length; k++) origin.push(index);
    folded += f;
    index += char.length;
  }
  origin.push(text.length);
  const ranges: [number, number][] = [];
  for (const stem of stems) {
    if (!stem) continue;
    for (let at = folded.indexOf(stem); at !== -1; at = folded.indexOf(stem, at + stem.length)) {
      // Whole characters of the original: the end is the start of the next original character.
      const start = origin[at];
      const last = origin[at + stem.length - 1];
      let end = last + 1;
      while (end < text.length && origin.indexOf(end) === -1) end++;
      ranges.push([start, Math.min(end, text.length)]);
    }
  }
  ranges.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const merged: [number, number][] = [];
  for (const range of ranges) {
    const previous = merged[merged.length - 1];
    if (previous && range[0] <= previous[1]) previous[1] = Math.max(previous[1], range[1]);
    else merged.push([...range]);
  }
  return merged;
}
