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

/** The words of a search query, folded: the one way every list reads what was typed. */
export function searchWords(query: string | undefined | null): string[] {
  return query ? foldForSearch(query).split(/\s+/).filter(Boolean).slice(0, MAX_SEARCH_WORDS) : [];
}

/** A Prisma condition: every word of the query appears in `searchText`. */
export function matchesWords(query: string | undefined | null) {
  return searchWords(query).map((word) => ({ searchText: { contains: word } }));
}
