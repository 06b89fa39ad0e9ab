import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { PRODUCTS_RELINKED } from "../../../search/_product-events"
import { afterSuccessfulJson } from "../../utils/after-successful-json"

type BatchLinkBody = { add?: unknown; remove?: unknown }

/** The product ids a batch link body adds or removes. */
export function relinkedProductIds(body: unknown): string[] {
  const { add, remove } = (body ?? {}) as BatchLinkBody
  const ids = [add, remove].flatMap((list) => (Array.isArray(list) ? list : []))
  return [...new Set(ids.filter((id): id is string => typeof id === "string"))]
}

/**
 * Reindexes the products a batch link route changed once it answers with
 * success: Medusa's sales channel, category and collection batch routes emit
 * no product event, so the product index would keep their old links.
 */
export function reindexRelinkedProducts() {
  return afterSuccessfulJson((req) => {
    const ids = relinkedProductIds(req.body)
    if (!ids.length) {
      return
    }
    const logger = req.scope.resolve(ContainerRegistrationKeys.LOGGER)
    req.scope
      .resolve(Modules.EVENT_BUS)
      .emit({ name: PRODUCTS_RELINKED, data: { id: ids } })
      .catch((error: Error) =>
        logger.warn(`Product search reindex: ${error.message}`)
      )
  })
}
