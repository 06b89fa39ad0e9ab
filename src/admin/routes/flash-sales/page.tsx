import { defineRouteConfig } from "@medusajs/admin-sdk"
import { Bolt } from "@medusajs/icons"
import { Container, Heading, Text } from "@medusajs/ui"
import { CreateSaleForm } from "./components/create-sale-form"
import { SalesTable } from "./components/sales-table"
import { useFlashSales } from "./data"

/** Live figures refresh this often while the page is open. */
const REFRESH_MS = 10_000

/** Flash sales: every sale's sell-through, and a form to define one. */
const FlashSalesPage = () => {
  const { data, isLoading, error } = useFlashSales({}, REFRESH_MS)

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
