import { defineWidgetConfig } from "@medusajs/admin-sdk"
import type {
  AdminCustomer,
  DetailWidgetProps,
} from "@medusajs/framework/types"
import { Badge, Container, Heading, Text } from "@medusajs/ui"
import { AdjustPointsForm } from "../components/loyalty/adjust-points-form"
import { EntriesTable } from "../components/loyalty/entries-table"
import { useCustomerLoyalty } from "../lib/loyalty"

const Stat = ({ label, value }: { label: string; value: string | number }) => (
  <div className="flex flex-col">
    <Text size="small" className="text-ui-fg-subtle">
      {label}
    </Text>
    <Text size="large" weight="plus">
      {value}
    </Text>
  </div>
)

/** The customer's loyalty points, recent history and a manual adjustment. */
const CustomerLoyaltyWidget = ({ data }: DetailWidgetProps<AdminCustomer>) => {
  const { data: loyalty, isLoading, error } = useCustomerLoyalty(data.id)

  return (
    <Container className="divide-y p-0">
      <div className="flex items-center justify-between px-6 py-4">
        <Heading level="h2">Loyalty points</Heading>
        {loyalty && <Badge size="small">{loyalty.account.tier}</Badge>}
      </div>
      {isLoading && (
        <Text size="small" className="px-6 py-4">
          Loading…
        </Text>
      )}
      {error && (
        <Text size="small" className="text-ui-fg-error px-6 py-4">
          {error.message}
        </Text>
      )}
      {loyalty && (
        <>
          <div className="grid grid-cols-2 gap-4 px-6 py-4 md:grid-cols-4">
            <Stat label="Balance" value={loyalty.account.balance} />
            <Stat label="Held in carts" value={loyalty.account.held} />
            <Stat label="Available" value={loyalty.account.available} />
            <Stat
              label="Referral code"
              value={loyalty.account.referral_code ?? "—"}
            />
          </div>
          <EntriesTable entries={loyalty.entries} />
          <AdjustPointsForm customerId={data.id} />
        </>
      )}
    </Container>
  )
}

export const config = defineWidgetConfig({
  zone: "customer.details.after",
})

export default CustomerLoyaltyWidget
