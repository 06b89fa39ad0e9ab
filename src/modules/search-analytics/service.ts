import { SqlEntityManager } from "@medusajs/framework/mikro-orm/postgresql"
import type { Context } from "@medusajs/framework/types"
import {
  generateEntityId,
  InjectManager,
  InjectTransactionManager,
  MedusaContext,
  MedusaError,
  MedusaService,
} from "@medusajs/framework/utils"
import { SearchQueryStat } from "./models"
import type {
  RecordedSearchQuery,
  SearchQueryEntry,
  SearchQueryRanking,
  SearchQueryTotals,
} from "./types"
import { normalizeLoggedQuery } from "./utils/normalize"
import {
  completeQuery,
  POPULAR_QUERY_LIMIT,
  type PopularQuery,
} from "./utils/popular-queries"
import * as sql from "./utils/sql"

function sqlManager(context: Context): SqlEntityManager {
  const manager = context.transactionManager ?? context.manager
  if (!(manager instanceof SqlEntityManager)) {
    throw new MedusaError(
      MedusaError.Types.UNEXPECTED_STATE,
      "The search analytics module needs a PostgreSQL connection in its context"
    )
  }
  return manager
}

/** How long the popular queries behind suggestions are reused. */
const POPULAR_QUERIES_TTL_MS = 60_000

/** Sums the entries per normalised query, sorted so writers lock in order. */
function tally(entries: SearchQueryEntry[]) {
  const byQuery = new Map<
    string,
    { searches: number; none: number; last: number }
  >()
  for (const entry of entries) {
    const query = normalizeLoggedQuery(entry.query)
    if (!query) {
      continue
    }
    const found = byQuery.get(query) ?? { searches: 0, none: 0, last: 0 }
    found.searches += 1
    found.none += entry.result_count > 0 ? 0 : 1
    found.last = Math.max(0, Math.floor(entry.result_count))
    byQuery.set(query, found)
  }
  return [...byQuery.entries()].sort(([a], [b]) => (a < b ? -1 : 1))
}

/**
 * Anonymous search analytics: per query and UTC day, how often it was
 * searched and how often it found nothing. Feeds the admin's top and
 * no-result queries and the storefront's autocomplete suggestions.
 */
export default class SearchAnalyticsModuleService extends MedusaService({
  SearchQueryStat,
}) {
  private popular_:
    { readAt: number; since: number; list: Promise<PopularQuery[]> } | undefined

  /** Counts the searches, one atomic upsert for the whole batch. */
  @InjectManager()
  async recordQueries(
    entries: SearchQueryEntry[],
    @MedusaContext() sharedContext: Context = {}
  ): Promise<RecordedSearchQuery[]> {
    const recorded = await this.recordQueries_(entries, sharedContext)
    this.popular_ = undefined
    return recorded
  }

  @InjectTransactionManager()
  protected async recordQueries_(
    entries: SearchQueryEntry[],
    @MedusaContext() sharedContext: Context = {}
  ): Promise<RecordedSearchQuery[]> {
    const rows = tally(entries)
    if (!rows.length) {
      return []
    }
    const params = rows.flatMap(([query, counts]) => [
      generateEntityId(undefined, "sqstat"),
      query,
      counts.searches,
      counts.none,
      counts.last,
    ])
    const written = await sqlManager(sharedContext).execute<
      { query: string; day: Date }[]
    >(sql.upsertQueryStats(rows.length), params)
    const added = new Map(rows)
    return written.map(({ query, day }) => ({
      query,
      day,
      searches: added.get(query)?.searches ?? 0,
      no_result_searches: added.get(query)?.none ?? 0,
    }))
  }

  /** Takes back what `recordQueries` added. */
  @InjectManager()
  async subtractQueries(
    recorded: RecordedSearchQuery[],
    @MedusaContext() sharedContext: Context = {}
  ): Promise<void> {
    await this.subtractQueries_(recorded, sharedContext)
    this.popular_ = undefined
  }

  @InjectTransactionManager()
  protected async subtractQueries_(
    recorded: RecordedSearchQuery[],
    @MedusaContext() sharedContext: Context = {}
  ): Promise<void> {
    const manager = sqlManager(sharedContext)
    for (const row of recorded) {
      await manager.execute(sql.SUBTRACT_QUERY_STAT, [
        row.searches,
        row.no_result_searches,
        row.query,
        row.day,
      ])
    }
  }

  /** The most searched queries, or those most often without results. */
  @InjectManager()
  async listQueryTotals(
    input: { since: Date; limit: number; ranking: SearchQueryRanking },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<SearchQueryTotals[]> {
    const statement =
      input.ranking === "no_results" ? sql.NO_RESULT_QUERIES : sql.TOP_QUERIES
    return await sqlManager(sharedContext).execute<SearchQueryTotals[]>(
      statement,
      [input.since, input.limit]
    )
  }

  /**
   * Popular queries starting with `prefix` that last found something. They
   * come from the most searched queries of the window, read at most once
   * per `POPULAR_QUERIES_TTL_MS` (at once after this process records
   * searches): a shopper typing asks for them at every keystroke.
   */
  async suggestQueries(
    input: { prefix: string; since: Date; limit: number },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<string[]> {
    const prefix = normalizeLoggedQuery(input.prefix)
    if (!prefix) {
      return []
    }
    const popular = await this.popularQueries(input.since, sharedContext)
    return completeQuery(popular, prefix, input.limit)
  }

  protected popularQueries(
    since: Date,
    sharedContext: Context
  ): Promise<PopularQuery[]> {
    const now = Date.now()
    const cached = this.popular_
    if (
      cached &&
      now - cached.readAt < POPULAR_QUERIES_TTL_MS &&
      Math.abs(cached.since - since.getTime()) < POPULAR_QUERIES_TTL_MS
    ) {
      return cached.list
    }
    const list = this.readPopularQueries_(since, sharedContext)
    const entry = { readAt: now, since: since.getTime(), list }
    this.popular_ = entry
    list.catch(() => {
      if (this.popular_ === entry) {
        this.popular_ = undefined
      }
    })
    return list
  }

  @InjectManager()
  protected async readPopularQueries_(
    since: Date,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<PopularQuery[]> {
    return await sqlManager(sharedContext).execute<PopularQuery[]>(
      sql.POPULAR_QUERIES,
      [since, POPULAR_QUERY_LIMIT]
    )
  }
}
