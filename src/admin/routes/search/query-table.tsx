import { Table, Text } from "@medusajs/ui"
import type { SearchQueryRow } from "./hooks"

/** Queries with how often they were searched and found nothing. */
export const QueryTable = ({
  rows,
  empty,
}: {
  rows: SearchQueryRow[]
  empty: string
}) => {
  if (!rows.length) {
    return <Text className="text-ui-fg-subtle px-6 py-4">{empty}</Text>
  }
  return (
    <Table>
      <Table.Header>
        <Table.Row>
          <Table.HeaderCell>Query</Table.HeaderCell>
          <Table.HeaderCell className="text-right">Searches</Table.HeaderCell>
          <Table.HeaderCell className="text-right">
            Without results
          </Table.HeaderCell>
          <Table.HeaderCell className="text-right">
            Last results
          </Table.HeaderCell>
        </Table.Row>
      </Table.Header>
      <Table.Body>
        {rows.map((row) => (
          <Table.Row key={row.query}>
            <Table.Cell>{row.query}</Table.Cell>
            <Table.Cell className="text-right">{row.searches}</Table.Cell>
            <Table.Cell className="text-right">
              {row.no_result_searches}
            </Table.Cell>
            <Table.Cell className="text-right">
              {row.last_result_count}
            </Table.Cell>
          </Table.Row>
        ))}
      </Table.Body>
    </Table>
  )
}
