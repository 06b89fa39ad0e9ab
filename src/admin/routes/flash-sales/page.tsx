import { defineRouteConfig } from "@medusajs/admin-sdk"
import { Bolt } from "@medusajs/icons"
import { Container, Heading, Text } from "@medusajs/ui"
import { useState } from "react"
import { ListPagination } from "../../components/list-pagination"
import { CreateSaleForm } from "./components/create-sale-form"
import { SalesTable } from "./components/sales-table"
import { useFlashSales } from "./data"

/** Live figures refresh this often while the page is open. */
const REFRESH_MS = 10_000

const PAGE_SIZE = 20

/** Flash sales: every sale's sell-through, and a form to define one. */
const FlashSalesPage = () => {
  const [offset, setOffset] = useState(0)
  const { data, isLoading, error } = useFlashSales(
    { offset, limit: PAGE_SIZE },
    REFRESH_MS
  )

  return (
    <div className="flex flex-col gap-y-3">
      <Container className="divide-y p-0">
        <div className="px-6 py-4">
          <Heading level="h1">Flash sales</Heading>
        </div>
        {isLoading && <Text className="px-6 py-4">Loading…</Text>}
        {error && (
          <Text className="text-ui-fg-error px-6 py-4">{error.message}</Text>
        )}
        {data && <SalesTable sales={data.flash_sales} />}
        {data && (
          <ListPagination
            count={data.count}
            offset={offset}
            pageSize={PAGE_SIZE}
            onOffsetChange={setOffset}
          />
        )}
      </Container>
      <Container className="p-0">
        <CreateSaleForm />
      </Container>
    </div>
  )
}

export const config = defineRouteConfig({
  label: "Flash sales",
  icon: Bolt,
})

export default FlashSalesPage
