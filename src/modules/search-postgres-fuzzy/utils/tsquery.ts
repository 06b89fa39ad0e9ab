import type { ExpandedTerm, TermCloseness } from "../types"

/** A quoted `to_tsquery` lexeme, or a phrase of them for several words. */
function lexeme(text: string, prefix = false): string {
  const words = text.split(" ").map((word) => word.replace(/['\\:]/g, ""))
  const quoted = words.filter(Boolean).map((word) => `'${word}'`)
  if (prefix && quoted.length === 1) {
    return `${quoted[0]}:*`
  }
  return quoted.length > 1 ? `(${quoted.join(" <-> ")})` : (quoted[0] ?? "")
}

function anyOf(lexemes: string[]): string {
  const alternatives = lexemes.filter(Boolean)
  return alternatives.length > 1
    ? `(${alternatives.join(" | ")})`
    : (alternatives[0] ?? "")
}

function termQuery(term: ExpandedTerm, withCorrections: boolean): string {
  return anyOf([
    lexeme(term.term, term.prefix),
    ...term.synonyms.map((synonym) => lexeme(synonym)),
    ...(withCorrections ? term.corrections.map((word) => lexeme(word)) : []),
  ])
}

/**
 * The alternatives of each term from closest to farthest: the word typed
 * (and its synonyms), then each correction with its synonyms.
 */
export function buildCloseness(terms: ExpandedTerm[]): TermCloseness[] {
  return terms
    .map((term) => ({
      exact: termQuery(term, false),
      tiers: (term.tiers ?? [])
        .map((tier) => ({
          query: anyOf(tier.words.map((word) => lexeme(word))),
          similarity: tier.similarity,
        }))
        .filter((tier) => tier.query),
    }))
    .filter((term) => term.exact)
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
