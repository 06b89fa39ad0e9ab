import type { ExpandedTerm } from "../types"

/** A quoted `to_tsquery` lexeme, or a phrase of them for several words. */
function lexeme(text: string, prefix = false): string {
  const words = text.split(" ").map((word) => word.replace(/['\\:]/g, ""))
  const quoted = words.filter(Boolean).map((word) => `'${word}'`)
  if (prefix && quoted.length === 1) {
    return `${quoted[0]}:*`
  }
  return quoted.length > 1 ? `(${quoted.join(" <-> ")})` : (quoted[0] ?? "")
}

function termQuery(term: ExpandedTerm, withCorrections: boolean): string {
  const alternatives = [
    lexeme(term.term, term.prefix),
    ...term.synonyms.map((synonym) => lexeme(synonym)),
    ...(withCorrections ? term.corrections.map((word) => lexeme(word)) : []),
  ].filter(Boolean)
  return alternatives.length > 1
    ? `(${alternatives.join(" | ")})`
    : (alternatives[0] ?? "")
}

/**
 * The `to_tsquery` input for the terms: every term (or any, for `"any"`)
 * must match itself, a synonym or, `withCorrections`, a correction. Terms
 * only hold letters and digits, so the input cannot carry operators.
 */
export function buildTsQuery(
  terms: ExpandedTerm[],
  { any, withCorrections }: { any: boolean; withCorrections: boolean }
): string {
  return terms
    .map((term) => termQuery(term, withCorrections))
    .filter(Boolean)
    .join(any ? " | " : " & ")
}
