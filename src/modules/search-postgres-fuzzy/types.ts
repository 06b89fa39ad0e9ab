import type { StockPostgresSearchOptions } from "./stock"

/** Options of the fuzzy PostgreSQL search provider. */
export type FuzzyPostgresSearchOptions = StockPostgresSearchOptions & {
  /**
   * Answer typo-tolerant queries through the vocabulary (the default). `false`
   * serves every query exactly as the stock PostgreSQL provider does.
   */
  fuzzy?: boolean
  /** Closest vocabulary words a misspelt query word may stand for. @default 3 */
  max_corrections?: number
  /** Groups of interchangeable words, added to the index' own `synonyms`. */
  synonyms?: string[][]
}

/** What one query word matches, besides itself. */
export type ExpandedTerm = {
  term: string
  /** Whether the word is matched as a prefix (the last word of a typeahead). */
  prefix: boolean
  /** Words and phrases the synonyms add. */
  synonyms: string[]
  /** Vocabulary words close to a word the index does not hold. */
  corrections: string[]
  /**
   * The corrections closest first, each with its synonyms and its trigram
   * similarity to the word typed: what ranks the closest correction first.
   */
  tiers?: { words: string[]; similarity: number }[]
}

/** A free-text query resolved against the index' vocabulary. */
export type QueryExpansion = {
  /** `to_tsquery` input matching the terms, their synonyms and corrections. */
  full: string
  /**
   * Per term, the `to_tsquery` input of the word itself (and synonyms) and of
   * each of its corrections: a document scores the closeness of the best
   * alternative it holds, 1 for the word itself.
   */
  closeness: TermCloseness[]
  terms: ExpandedTerm[]
}

/** How close each alternative of one query term is to what was typed. */
export type TermCloseness = {
  exact: string
  tiers: { query: string; similarity: number }[]
}
