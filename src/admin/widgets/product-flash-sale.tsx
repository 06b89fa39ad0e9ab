import { defineWidgetConfig } from "@medusajs/admin-sdk"
import type { AdminProduct, DetailWidgetProps } from "@medusajs/framework/types"
import { Container, Heading, Text } from "@medusajs/ui"
import { useState } from "react"
import { ListPagination } from "../components/list-pagination"
import { SellThroughBar } from "../routes/flash-sales/components/sell-through-bar"
import { SaleStatusBadge } from "../routes/flash-sales/components/status-badge"
import { useFlashSales } from "../routes/flash-sales/data"

/** Sell-through refreshes this often while the product page is open. */
const REFRESH_MS = 5_000

/** A sale shows a bar per variant: ten a page keep the product page short. */
const PAGE_SIZE = 10

/** The product's flash sales with live sell-through per variant. */
const ProductFlashSaleWidget = ({ data }: DetailWidgetProps<AdminProduct>) => {
  const [offset, setOffset] = useState(0)
  const { data: sales, error } = useFlashSales(
    { product_id: data.id, offset, limit: PAGE_SIZE },
    REFRESH_MS
  )
  const variantTitle = (id: string) =>
    data.variants?.find((variant) => variant.id === id)?.title ?? id
  const variantIds = new Set((data.variants ?? []).map(({ id }) => id))

  // On the count, not the page: an emptied last page still has to move back.
  if (!sales?.count && !error) {
    return null
  }
  return (
    <Container className="divide-y p-0">
      <div className="px-6 py-4">
        <Heading level="h2">Flash sales</Heading>
      </div>
      {error && (
        <Text size="small" className="text-ui-fg-error px-6 py-4">
          {error.message}
        </Text>
      )}
      {sales?.flash_sales.map((sale) => (
        <div key={sale.id} className="flex flex-col gap-y-3 px-6 py-4">
          <div className="flex items-center justify-between">
            <Text size="small" weight="plus">
              {sale.title}
            </Text>
            <SaleStatusBadge status={sale.status} />
          </div>
          {sale.items
            .filter(
              (item) => !variantIds.size || variantIds.has(item.variant_id)
            )
            .map((item) => (
              <div key={item.id} className="flex flex-col gap-y-1">
                <Text size="small">{variantTitle(item.variant_id)}</Text>
                <SellThroughBar item={item} />
              </div>
            ))}
        </div>
      ))}
      {sales && (
        <ListPagination
          count={sales.count}
          offset={offset}
          pageSize={PAGE_SIZE}
          onOffsetChange={setOffset}
        />
      )}
    </Container>
  )
}

export const config = defineWidgetConfig({
  zone: "product.details.after",
})

export default ProductFlashSaleWidget
