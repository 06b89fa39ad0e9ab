import type { ExpandedTerm, TermCloseness } from "../types"

/**
 * A quoted `to_tsquery` lexeme, or a phrase of them for several words; with
 * a `weight` label, only matched in fields of that weight.
 */
function lexeme(text: string, prefix = false, weight = ""): string {
  const words = text.split(" ").map((word) => word.replace(/['\\:]/g, ""))
  const label = weight ? `:${weight}` : ""
  const quoted = words.filter(Boolean).map((word) => `'${word}'${label}`)
  if (prefix && quoted.length === 1) {
    return weight ? `${quoted[0]}*` : `${quoted[0]}:*`
  }
  return quoted.length > 1 ? `(${quoted.join(" <-> ")})` : (quoted[0] ?? "")
}

function anyOf(lexemes: string[]): string {
  const alternatives = lexemes.filter(Boolean)
  return alternatives.length > 1
    ? `(${alternatives.join(" | ")})`
    : (alternatives[0] ?? "")
}

function termQuery(
  term: ExpandedTerm,
  withCorrections: boolean,
  weight = ""
): string {
  return anyOf([
    lexeme(term.term, term.prefix, weight),
    ...term.synonyms.map((synonym) => lexeme(synonym, false, weight)),
    ...(withCorrections
      ? term.corrections.map((word) => lexeme(word, false, weight))
      : []),
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
 * must match itself, a synonym or, `withCorrections`, a correction, in a
 * field of the `weight` label if one is given. Terms only hold letters and
 * digits, so the input cannot carry operators.
 */
export function buildTsQuery(
  terms: ExpandedTerm[],
  {
    any,
    withCorrections,
    weight,
  }: { any: boolean; withCorrections: boolean; weight?: string }
): string {
  return terms
    .map((term) => termQuery(term, withCorrections, weight))
    .filter(Boolean)
    .join(any ? " | " : " & ")
}
