import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import {
  SearchAnalyticsEvents,
  type SearchQueryEntry,
} from "../../../modules/search-analytics"
import { afterSuccessfulJson } from "../../utils/after-successful-json"

type LoggedQuery = {
  filters?: { q?: unknown }
  pagination?: { skip?: number; take?: number }
}

type SearchResponse = {
  results?: { hits?: unknown[]; metadata?: { count?: number | null } }[]
}

/**
 * The searches worth counting in a `POST /store/search` exchange: first pages
 * with a free-text query and hits, paired with the result they got. Facet-only
 * queries (`take: 0`) and later pages are left out.
 */
export function searchedQueries(
  body: unknown,
  response: unknown
): SearchQueryEntry[] {
  const { queries } = (body ?? {}) as { queries?: LoggedQuery[] }
  const asked = Array.isArray(queries) ? queries : [body as LoggedQuery]
  const results = (response as SearchResponse | null)?.results ?? []
  return asked.flatMap((query, i) => {
    const q = query?.filters?.q
    const result = results[i]
    const firstPage = !query?.pagination?.skip && query?.pagination?.take !== 0
    if (typeof q !== "string" || !q.trim() || !result || !firstPage) {
      return []
    }
    const count = result.metadata?.count ?? result.hits?.length ?? 0
    return [{ query: q, result_count: count }]
  })
}

type EventBus = {
  emit: (message: { name: string; data: unknown }) => Promise<unknown>
}
type Logger = { warn: (message: string) => void }

/**
 * Collects answered searches and emits them as one event per interval, so
 * counting them costs a workflow run a second rather than one a search. What
 * is buffered when the process stops is lost: these are statistics.
 */
export class SearchQueryBuffer {
  private entries: SearchQueryEntry[] = []
  private timer?: ReturnType<typeof setTimeout>

  constructor(
    private readonly flushMs: number,
    private readonly maxEntries: number
  ) {}

  add(entries: SearchQueryEntry[], eventBus: EventBus, logger: Logger) {
    this.entries.push(...entries)
    if (this.entries.length >= this.maxEntries) {
      this.flush(eventBus, logger)
    } else if (!this.timer) {
      this.timer = setTimeout(() => this.flush(eventBus, logger), this.flushMs)
      this.timer.unref()
    }
  }

  flush(eventBus: EventBus, logger: Logger) {
    clearTimeout(this.timer)
    this.timer = undefined
    const queries = this.entries.splice(0)
    if (!queries.length) {
      return
    }
    eventBus
      .emit({ name: SearchAnalyticsEvents.SEARCHED, data: { queries } })
      .catch((error: Error) =>
        logger.warn(`Search query log: ${error.message}`)
      )
  }
}

/**
 * Counts the answered searches for the anonymous query statistics, after the
 * response is built and without delaying it.
 */
export function logStoreSearches({ flushMs = 1000, maxEntries = 500 } = {}) {
  const buffer = new SearchQueryBuffer(flushMs, maxEntries)
  return afterSuccessfulJson((req, payload) => {
    const queries = searchedQueries(req.body, payload)
    if (queries.length) {
      buffer.add(
        queries,
        req.scope.resolve(Modules.EVENT_BUS),
        req.scope.resolve(ContainerRegistrationKeys.LOGGER)
      )
    }
  })
}
