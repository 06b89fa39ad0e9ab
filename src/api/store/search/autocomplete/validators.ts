import { z } from "@medusajs/framework/zod"
import { MAX_SEARCH_QUERY_LENGTH } from "../guards"

/** `GET /store/search/autocomplete` */
export const StoreSearchAutocomplete = z
  .object({
    q: z
      .string()
      .trim()
      .min(1, "q must not be empty")
      .max(
        MAX_SEARCH_QUERY_LENGTH,
        `q can be at most ${MAX_SEARCH_QUERY_LENGTH} characters long`
      ),
    limit: z.coerce.number().int().min(1).max(20).default(5),
  })
  .strict()
export type StoreSearchAutocompleteType = z.infer<
  typeof StoreSearchAutocomplete
>
