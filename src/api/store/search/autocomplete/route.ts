import type {
  MedusaResponse,
  MedusaStoreRequest,
} from "@medusajs/framework/http"
import { autocomplete, type AutocompleteResult } from "./helpers"
import type { StoreSearchAutocompleteType } from "./validators"

/** Products, categories and popular queries for what a shopper is typing. */
export const GET = async (
  req: MedusaStoreRequest<unknown, StoreSearchAutocompleteType>,
  res: MedusaResponse<AutocompleteResult>
) => {
  const { q, limit } = req.validatedQuery
  const result = await autocomplete(req.scope, {
    q,
    limit,
    salesChannelIds: req.publishable_key_context.sales_channel_ids,
  })
  res.json(result)
}
