import type { ExecArgs } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"

/** Products rewritten by the measured batch update, unless told otherwise. */
const DEFAULT_BATCH = 2000

/** What `bench/search.js` reads back from this script's output. */
export const INDEXING_RESULT_PREFIX = "search-bench-indexing:"

/**
 * Measures the two bulk indexing paths of the product index: a full rebuild
 * with the swap strategy, and a batch update that rewrites the documents of
 * `args[0]` products (2,000 by default) in place, in pages. Prints one JSON
 * line of documents and seconds for each.
 */
export default async function searchBenchIndexing({
  container,
  args,
}: ExecArgs) {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const search = container.resolve(Modules.SEARCH)
  const batchSize = Number(args[0] ?? DEFAULT_BATCH)

  const [, total] = await container
    .resolve(Modules.PRODUCT)
    .listAndCountProducts({}, { take: 1, select: ["id"] })

  const rebuildStarted = Date.now()
  await search.reindex({ index: "product", strategy: "swap" })
  const rebuildSeconds = (Date.now() - rebuildStarted) / 1000

  const { data } = await query.graph({
    entity: "product",
    fields: ["id"],
    pagination: { take: batchSize, order: { id: "DESC" } },
  })
  const ids = data.map((product) => product.id)
  const batchStarted = Date.now()
  await search.reindex({ index: "product", filters: { id: ids } })
  const batchSeconds = (Date.now() - batchStarted) / 1000

  const result = {
    rebuild: { documents: total, seconds: rebuildSeconds },
    batch: { documents: ids.length, seconds: batchSeconds },
  }
  logger.info(
    `search indexing: rebuild ${Math.round(total / rebuildSeconds)} docs/s, batch update ${Math.round(ids.length / batchSeconds)} docs/s`
  )
  console.log(`${INDEXING_RESULT_PREFIX}${JSON.stringify(result)}`)
}
