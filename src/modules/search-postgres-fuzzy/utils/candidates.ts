import type { IndexPlan } from "../stock"
import type { QueryExpansion } from "../types"
import { buildTsQuery } from "./tsquery"

/** Longest last-word prefix whose matches are ranked as a candidate set. */
export const SHORT_PREFIX_LENGTH = 3

/** How many matches of a short prefix are ranked. */
export const CANDIDATE_LIMIT = 100

/** The stock provider's weight label of a searchable field. */
export function weightLabel(searchable: unknown): string {
  const weight =
    typeof searchable === "object" &&
    searchable !== null &&
    "weight" in searchable
      ? Number(searchable.weight)
      : 1
  return weight >= 3 ? "A" : weight >= 2 ? "B" : weight > 1 ? "C" : "D"
}

/** The label of the heaviest searchable fields, unless all weigh the default. */
export function topWeightLabel(plan: IndexPlan): string | undefined {
  const labels = plan.searchable.map((path) =>
    weightLabel(plan.fields.get(path)?.field.searchable)
  )
  const top = labels.sort()[0]
  return top && top !== "D" ? top : undefined
}

/**
 * For a query whose last word is a prefix of at most `SHORT_PREFIX_LENGTH`
 * letters (thousands of matches in a large catalogue), a pre-score that
 * costs one `@@` per match instead of a full rank: 1 for matching in the
 * heaviest fields (a title), plus 2 for matching without corrections when
 * the query has any, so exact and prefix matches stay above corrected ones.
 * Only the `CANDIDATE_LIMIT` best by pre-score are ranked. Nothing when the
 * query is not such a prefix, the page reaches past the candidates or no
 * field outweighs the others.
 */
export function candidatePreScore(
  expansion: QueryExpansion,
  plan: IndexPlan,
  options: { vector: string; tsConfig: string; window: number }
): { limit: number; preScoreSql: (params: unknown[]) => string } | undefined {
  const last = expansion.terms[expansion.terms.length - 1]
  const weight = topWeightLabel(plan)
  if (
    !last?.prefix ||
    last.term.length > SHORT_PREFIX_LENGTH ||
    options.window > CANDIDATE_LIMIT ||
    !weight
  ) {
    return undefined
  }
  const { vector, tsConfig } = options
  const heaviest = buildTsQuery(expansion.terms, {
    any: false,
    withCorrections: true,
    weight,
  })
  const corrected = expansion.terms.some((term) => term.corrections.length)
  const exact = buildTsQuery(expansion.terms, {
    any: false,
    withCorrections: false,
  })
  const matches = (query: string, params: unknown[]) => {
    params.push(query)
    return `(${vector} @@ to_tsquery('${tsConfig}', ?))::int`
  }
  return {
    limit: CANDIDATE_LIMIT,
    preScoreSql: (params) =>
      corrected
        ? `2 * ${matches(exact, params)} + ${matches(heaviest, params)}`
        : matches(heaviest, params),
  }
}
