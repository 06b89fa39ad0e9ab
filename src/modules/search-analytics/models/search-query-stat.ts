import { model } from "@medusajs/framework/utils"

/**
 * How often one storefront query was searched on one UTC day, and how often
 * it found nothing. Anonymous: the folded query text and counters only. The
 * counters change through one upsert per query, never read and written back.
 */
const SearchQueryStat = model
  .define("search_query_stat", {
    id: model.id({ prefix: "sqstat" }).primaryKey(),
    query: model.text(),
    day: model.dateTime(),
    searches: model.number().default(0),
    no_result_searches: model.number().default(0),
    last_result_count: model.number().default(0),
  })
  .indexes([
    {
      // Not scoped to live rows: the upsert's conflict target.
      name: "IDX_search_query_stat_query_day_unique",
      on: ["query", "day"],
      unique: true,
      where: null,
    },
    { name: "IDX_search_query_stat_day", on: ["day"] },
  ])

export default SearchQueryStat
