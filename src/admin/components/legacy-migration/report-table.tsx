import { StatusBadge, Table, Text } from "@medusajs/ui"
import type { AdminMigrationRun } from "../../lib/legacy-migration"
import { CountCells } from "./count-cells"
import { formatCount, formatSum } from "./numbers"

type Report = NonNullable<AdminMigrationRun["report"]>

const Verdict = ({ ok }: { ok: boolean }) => (
  <StatusBadge color={ok ? "green" : "red"}>{ok ? "pass" : "fail"}</StatusBadge>
)

/** What a sum compares: the source stream's figure and the target's. */
const Sums = ({ sums }: { sums: Report["collections"][number]["sums"] }) => (
  <div className="flex flex-col gap-y-0.5 py-2">
    {Object.entries(sums).map(([key, sum]) => (
      <Text
        key={key}
        size="xsmall"
        className={sum.ok ? "text-ui-fg-subtle" : "text-ui-fg-error"}
      >
        {key}: {formatSum(key, sum.source)}
        {sum.target === null ? "" : ` → ${formatSum(key, sum.target)}`}
        {sum.ok ? "" : " ✗"}
      </Text>
    ))}
  </div>
)

/** The final report: counts per collection and source sums against the target. */
export const ReportTable = ({ report }: { report: Report }) => (
  <div className="flex flex-col">
    <div className="flex items-center gap-x-3 px-6 py-4">
      <Verdict ok={report.ok} />
      <Text size="small" className="text-ui-fg-subtle">
        {formatCount(report.documents)} documents in {report.seconds.toFixed(1)}{" "}
        s ({formatCount(report.rate)} docs/s)
        {report.dryRun ? " · dry run: sums come from the source only" : ""}
        {report.resumed ? " · resumed an interrupted run" : ""}
      </Text>
    </div>
    <Table>
      <Table.Header>
        <Table.Row>
          <Table.HeaderCell>Collection</Table.HeaderCell>
          <Table.HeaderCell className="text-right">Read</Table.HeaderCell>
          <Table.HeaderCell className="text-right">Written</Table.HeaderCell>
          <Table.HeaderCell className="text-right">
            Quarantined
          </Table.HeaderCell>
          <Table.HeaderCell className="text-right">Skipped</Table.HeaderCell>
          <Table.HeaderCell>Source → target</Table.HeaderCell>
          <Table.HeaderCell>Result</Table.HeaderCell>
        </Table.Row>
      </Table.Header>
      <Table.Body>
        {report.collections.map((row) => (
          <Table.Row key={row.collection}>
            <Table.Cell>{row.collection}</Table.Cell>
            <CountCells
              counts={[row.read, row.written, row.quarantined, row.skipped]}
            />
            <Table.Cell>
              <Sums sums={row.sums} />
            </Table.Cell>
            <Table.Cell>
              <Verdict ok={row.ok} />
            </Table.Cell>
          </Table.Row>
        ))}
      </Table.Body>
    </Table>
  </div>
)
