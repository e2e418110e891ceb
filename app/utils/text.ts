/**
 * Folds text for search: lower case, without diacritics ("CEĻŠ" → "cels", "nodokļu" → "nodoklu").
 * The same folding is stored with each idea and applied to the query.
 */
export function foldForSearch(text: string): string {
  return text.normalize("NFKD").replace(/\p{M}+/gu, "").toLowerCase();
}
