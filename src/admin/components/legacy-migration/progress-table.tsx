import { StatusBadge, Table, Text } from "@medusajs/ui"
import type { AdminCollectionProgress } from "../../lib/legacy-migration"
import { CountCells } from "./count-cells"
import { formatCount, formatDuration } from "./numbers"

const STATE_COLORS = {
  pending: "grey",
  running: "blue",
  done: "green",
} as const

function share(row: AdminCollectionProgress): number {
  if (row.state === "done") {
    return 100
  }
  return row.total ? Math.min(100, (100 * row.processed) / row.total) : 0
}

/** Each collection's progress: documents done, rate and time left. */
export const ProgressTable = ({
  collections,
}: {
  collections: AdminCollectionProgress[]
}) => (
  <Table>
    <Table.Header>
      <Table.Row>
        <Table.HeaderCell>Collection</Table.HeaderCell>
        <Table.HeaderCell>Progress</Table.HeaderCell>
        <Table.HeaderCell className="text-right">Written</Table.HeaderCell>
        <Table.HeaderCell className="text-right">Quarantined</Table.HeaderCell>
        <Table.HeaderCell className="text-right">Skipped</Table.HeaderCell>
        <Table.HeaderCell className="text-right">Docs/s</Table.HeaderCell>
        <Table.HeaderCell className="text-right">ETA</Table.HeaderCell>
      </Table.Row>
    </Table.Header>
    <Table.Body>
      {collections.map((row) => (
        <Table.Row key={row.collection}>
          <Table.Cell>
            <div className="flex items-center gap-x-2">
              <StatusBadge color={STATE_COLORS[row.state]}>
                {row.collection}
              </StatusBadge>
            </div>
          </Table.Cell>
          <Table.Cell className="min-w-[200px]">
            <div className="flex flex-col gap-y-1 py-2">
              <div className="bg-ui-bg-subtle h-2 w-full overflow-hidden rounded-full">
                <div
                  className="bg-ui-fg-interactive h-2"
                  style={{ width: `${share(row)}%` }}
                />
              </div>
              <Text size="xsmall" className="text-ui-fg-subtle">
                {formatCount(row.processed)} / {formatCount(row.total)}
              </Text>
            </div>
          </Table.Cell>
          <CountCells
            counts={[row.written, row.quarantined, row.skipped, row.rate]}
          />
          <Table.Cell className="text-right">
            {row.state === "pending" ? "–" : formatDuration(row.eta_seconds)}
          </Table.Cell>
        </Table.Row>
      ))}
    </Table.Body>
  </Table>
)
