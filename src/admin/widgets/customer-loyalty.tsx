import { defineWidgetConfig } from "@medusajs/admin-sdk"
import type {
  AdminCustomer,
  DetailWidgetProps,
} from "@medusajs/framework/types"
import { Badge, Container, Heading, Text } from "@medusajs/ui"
import { useState } from "react"
import { ListPagination } from "../components/list-pagination"
import { AdjustPointsForm } from "../components/loyalty/adjust-points-form"
import { EntriesTable } from "../components/loyalty/entries-table"
import { useCustomerLoyalty, useLoyaltyEntries } from "../lib/loyalty"

const PAGE_SIZE = 20

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

/** The customer's loyalty points, their whole ledger and a manual adjustment. */
const CustomerLoyaltyWidget = ({ data }: DetailWidgetProps<AdminCustomer>) => {
  const [offset, setOffset] = useState(0)
  const { data: loyalty, isLoading, error } = useCustomerLoyalty(data.id)
  const ledger = useLoyaltyEntries(data.id, offset, PAGE_SIZE)

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
          {ledger.error && (
            <Text size="small" className="text-ui-fg-error px-6 py-4">
              {ledger.error.message}
            </Text>
          )}
          {ledger.data && (
            <div>
              <EntriesTable entries={ledger.data.entries} />
              <ListPagination
                count={ledger.data.count}
                offset={offset}
                pageSize={PAGE_SIZE}
                onOffsetChange={setOffset}
              />
            </div>
          )}
          {/* The new entry is the newest: show the page it is on. */}
          <AdjustPointsForm
            customerId={data.id}
            onAdjusted={() => setOffset(0)}
          />
        </>
      )}
    </Container>
  )
}

export const config = defineWidgetConfig({
  zone: "customer.details.after",
})

export default CustomerLoyaltyWidget
