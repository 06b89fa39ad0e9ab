/** Most words of a query that are matched; the rest are ignored. */
export const MAX_QUERY_TERMS = 10

/** Lower-cases and strips accents, as the index' text search config does. */
export function foldText(text: string): string {
  return text
    .toLowerCase()
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .replace(/œ/g, "oe")
    .replace(/æ/g, "ae")
}

/** The words of a query or a synonym, folded, without any punctuation. */
export function splitWords(text: string): string[] {
  return foldText(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
}

/** The words a query is matched by, at most `MAX_QUERY_TERMS` of them. */
export function queryTerms(q: string): string[] {
  return splitWords(q).slice(0, MAX_QUERY_TERMS)
}
