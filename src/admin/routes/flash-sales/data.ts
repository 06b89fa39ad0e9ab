import {
  keepPreviousData,
  useMutation,
  useQuery,
  useQueryClient,
} from "@tanstack/react-query"
import { sdk } from "../../lib/sdk"
import { storeCurrencyCodes } from "./sale-draft"

/** A sale item as the admin API returns it. */
export type FlashSaleItem = {
  id: string
  variant_id: string
  prices: Record<string, number>
  units_allocated: number
  units_sold: number
  units_reserved: number
  units_left: number
  per_customer_limit: number
}

/** A flash sale as the admin API returns it. */
export type FlashSale = {
  id: string
  title: string
  status: "draft" | "scheduled" | "active" | "ended"
  starts_at: string
  ends_at: string
  items: FlashSaleItem[]
}

/** The body of `POST /admin/flash-sales`. */
export type NewFlashSale = {
  title: string
  starts_at: string
  ends_at: string
  items: {
    variant_id: string
    prices: Record<string, number>
    units_allocated: number
    per_customer_limit: number
  }[]
}

/** A variant offered by the picker. */
export type VariantOption = {
  id: string
  title: string | null
  sku: string | null
  product?: { title: string | null } | null
}

type ListResponse = {
  flash_sales: FlashSale[]
  count: number
  limit: number
  offset: number
}

/** The query of `GET /admin/flash-sales`. */
export type FlashSaleListQuery = {
  product_id?: string
  offset?: number
  limit?: number
}

const keys = {
  all: ["flash-sales"],
  list: (query: FlashSaleListQuery) => ["flash-sales", "list", query],
  variants: (q: string) => ["flash-sales", "variants", q],
  currencies: ["flash-sales", "store-currencies"],
}

/**
 * One page of flash sales, latest start first; `refetchInterval` keeps
 * sell-through figures live while the page is open.
 */
export function useFlashSales(
  query: FlashSaleListQuery = {},
  refetchInterval: number | false = false
) {
  return useQuery({
    queryKey: keys.list(query),
    queryFn: () =>
      sdk.client.fetch<ListResponse>("/admin/flash-sales", { query }),
    refetchInterval,
    // Keeps the current page on screen while the next one loads.
    placeholderData: keepPreviousData,
  })
}

/** The store's currencies, default first: a flash price can be set in each. */
export function useStoreCurrencies() {
  return useQuery({
    queryKey: keys.currencies,
    queryFn: async () => {
      const { stores } = await sdk.admin.store.list({
        fields: "id,*supported_currencies",
      })
      return storeCurrencyCodes(stores[0]?.supported_currencies ?? [])
    },
  })
}

/** Defines a flash sale. */
export function useCreateFlashSale() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (body: NewFlashSale) =>
      sdk.client.fetch<{ flash_sale: FlashSale }>("/admin/flash-sales", {
        method: "POST",
        body,
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.all }),
  })
}

/** Ends a sale now. */
export function useEndFlashSale() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (id: string) =>
      sdk.client.fetch<{ flash_sale: FlashSale }>(
        `/admin/flash-sales/${id}/end`,
        { method: "POST" }
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.all }),
  })
}

/** Variants matching a search, for picking what a sale offers. */
export function useVariantSearch(q: string) {
  return useQuery({
    queryKey: keys.variants(q),
    queryFn: () =>
      sdk.admin.productVariant.list({
        q,
        limit: 10,
        fields: "id,title,sku,product.title",
      }),
    enabled: q.trim().length >= 2,
  })
}

/** "12 / 40 sold" style figures for an item. */
export function sellThrough(item: FlashSaleItem) {
  const share = item.units_allocated
    ? Math.round((item.units_sold / item.units_allocated) * 100)
    : 0
  return { share, label: `${item.units_sold} / ${item.units_allocated} sold` }
}
