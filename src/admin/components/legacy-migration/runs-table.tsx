import { StatusBadge, Table, Text } from "@medusajs/ui"
import type { AdminMigrationRun } from "../../lib/legacy-migration"

export const RUN_STATUS_COLORS = {
  running: "blue",
  completed: "green",
  failed: "red",
  interrupted: "orange",
} as const

/** Recent runs; choosing one shows its progress, report and quarantine. */
export const RunsTable = ({
  runs,
  selected,
  onSelect,
}: {
  runs: AdminMigrationRun[]
  selected: string | null
  onSelect: (id: string) => void
}) => {
  if (!runs.length) {
    return (
      <Text className="text-ui-fg-subtle px-6 py-4">
        No migration has run yet. Start with a dry run.
      </Text>
    )
  }
  return (
    <Table>
      <Table.Header>
        <Table.Row>
          <Table.HeaderCell>Started</Table.HeaderCell>
          <Table.HeaderCell>Kind</Table.HeaderCell>
          <Table.HeaderCell>Source</Table.HeaderCell>
          <Table.HeaderCell>Status</Table.HeaderCell>
        </Table.Row>
      </Table.Header>
      <Table.Body>
        {runs.map((run) => (
          <Table.Row
            key={run.id}
            className={
              run.id === selected
                ? "bg-ui-bg-highlight cursor-pointer"
                : "cursor-pointer"
            }
            onClick={() => onSelect(run.id)}
          >
            <Table.Cell>{new Date(run.started_at).toLocaleString()}</Table.Cell>
            <Table.Cell>{run.dry_run ? "Dry run" : "Migration"}</Table.Cell>
            <Table.Cell className="max-w-[360px] truncate">
              {run.source}
            </Table.Cell>
            <Table.Cell>
              <StatusBadge color={RUN_STATUS_COLORS[run.status]}>
                {run.status}
              </StatusBadge>
            </Table.Cell>
          </Table.Row>
        ))}
      </Table.Body>
    </Table>
  )
}
