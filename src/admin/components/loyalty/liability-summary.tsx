import { Table, Text } from "@medusajs/ui"
import { useLoyaltyLiability } from "../../lib/loyalty"

/** Unspent points and what they are worth in each currency. */
export const LiabilitySummary = () => {
  const { data, isLoading, error } = useLoyaltyLiability()

  if (isLoading) {
    return <Text size="small">Loading…</Text>
  }
  if (error || !data) {
    return (
      <Text size="small" className="text-ui-fg-error">
        {error?.message ?? "Could not load the liability"}
      </Text>
    )
  }
  return (
    <div className="flex flex-col gap-y-3">
      <Text size="small" className="text-ui-fg-subtle">
        {data.outstanding_points.toLocaleString()} points outstanding across{" "}
        {data.accounts.toLocaleString()}{" "}
        {data.accounts === 1 ? "account" : "accounts"}
      </Text>
      <Table>
        <Table.Header>
          <Table.Row>
            <Table.HeaderCell>Currency</Table.HeaderCell>
            <Table.HeaderCell className="text-right">
              Point value
            </Table.HeaderCell>
            <Table.HeaderCell className="text-right">
              Liability
            </Table.HeaderCell>
          </Table.Row>
        </Table.Header>
        <Table.Body>
          {Object.entries(data.by_currency).map(([currency, value]) => (
            <Table.Row key={currency}>
              <Table.Cell>{currency.toUpperCase()}</Table.Cell>
              <Table.Cell className="text-right">
                {value.point_value}
              </Table.Cell>
              <Table.Cell className="text-right">
                {value.liability.toLocaleString(undefined, {
                  style: "currency",
                  currency: currency.toUpperCase(),
                })}
              </Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </div>
  )
}
