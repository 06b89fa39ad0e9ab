import type {
  MedusaNextFunction,
  MedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"

/** Longest free-text query the store search routes accept. */
export const MAX_SEARCH_QUERY_LENGTH = 200

type SearchBody = {
  filters?: { q?: unknown }
  queries?: { filters?: { q?: unknown } }[]
}

/** Every free-text query of a single or batched `POST /store/search` body. */
export function searchQueriesOf(body: unknown): string[] {
  const { filters, queries } = (body ?? {}) as SearchBody
  const all = Array.isArray(queries) ? queries : [{ filters }]
  return all
    .map((query) => query?.filters?.q)
    .filter((q): q is string => typeof q === "string")
}

/**
 * Refuses overlong free-text queries before they reach the engine, which
 * would otherwise tokenise and match whatever it is sent.
 */
export function limitSearchQueryLength(max = MAX_SEARCH_QUERY_LENGTH) {
  return (
    req: MedusaRequest,
    _res: MedusaResponse,
    next: MedusaNextFunction
  ) => {
    const tooLong = searchQueriesOf(req.body).some((q) => q.length > max)
    if (tooLong) {
      return next(
        new MedusaError(
          MedusaError.Types.INVALID_DATA,
          `A search query can be at most ${max} characters long`
        )
      )
    }
    next()
  }
}
