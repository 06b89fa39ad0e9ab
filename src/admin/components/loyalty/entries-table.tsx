import { Table, Text } from "@medusajs/ui"
import type { LoyaltyEntry } from "../../lib/loyalty"

/** Ledger lines, newest first, with the balance each one left. */
export const EntriesTable = ({ entries }: { entries: LoyaltyEntry[] }) => {
  if (!entries.length) {
    return (
      <Text size="small" className="text-ui-fg-subtle px-6 py-4">
        No points activity yet.
      </Text>
    )
  }
  return (
    <Table>
      <Table.Header>
        <Table.Row>
          <Table.HeaderCell>Date</Table.HeaderCell>
          <Table.HeaderCell>Type</Table.HeaderCell>
          <Table.HeaderCell>Reason</Table.HeaderCell>
          <Table.HeaderCell className="text-right">Points</Table.HeaderCell>
          <Table.HeaderCell className="text-right">Balance</Table.HeaderCell>
        </Table.Row>
      </Table.Header>
      <Table.Body>
        {entries.map((entry) => (
          <Table.Row key={entry.id}>
            <Table.Cell>
              {new Date(entry.created_at).toLocaleString()}
            </Table.Cell>
            <Table.Cell>{entry.type}</Table.Cell>
            <Table.Cell>{entry.reason}</Table.Cell>
            <Table.Cell className="text-right">
              {entry.points > 0 ? `+${entry.points}` : entry.points}
            </Table.Cell>
            <Table.Cell className="text-right">
              {entry.balance_after}
            </Table.Cell>
          </Table.Row>
        ))}
      </Table.Body>
    </Table>
  )
}
