import type { ExecArgs } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"

/**
 * `npm run search:rebuild [index]`: rebuilds a search index (every index
 * without an argument) with Medusa's swap strategy, so the current version
 * keeps answering until the new one is complete.
 */
export default async function searchRebuild({ container, args }: ExecArgs) {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const search = container.resolve(Modules.SEARCH)
  const started = Date.now()
  const { indexes } = await search.reindex({
    index: args[0] || undefined,
    strategy: "swap",
  })
  logger.info(
    `search:rebuild: ${indexes.join(", ")} rebuilt in ${((Date.now() - started) / 1000).toFixed(1)} s`
  )
}
