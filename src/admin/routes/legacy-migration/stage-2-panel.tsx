import {
  Button,
  Heading,
  Hint,
  StatusBadge,
  Table,
  Text,
  toast,
  usePrompt,
} from "@medusajs/ui"
import { formatCount } from "../../components/legacy-migration/numbers"
import {
  useStage2Runs,
  useStartStage2,
  type AdminStage2Entity,
  type AdminStage2Run,
} from "./stage-2-api"

const STATUS_COLOR = {
  running: "blue",
  completed: "green",
  failed: "red",
  interrupted: "orange",
} as const

const Verdict = ({ entity }: { entity: AdminStage2Entity }) =>
  entity.ok === null ? (
    <Text size="small" className="text-ui-fg-subtle">
      {entity.state}
    </Text>
  ) : (
    <StatusBadge color={entity.ok ? "green" : "red"}>
      {entity.ok ? "pass" : "fail"}
    </StatusBadge>
  )

/** Per entity: MySQL total, done so far, created, present, skipped, in Medusa. */
const EntityTable = ({ run }: { run: AdminStage2Run }) => (
  <Table>
    <Table.Header>
      <Table.Row>
        <Table.HeaderCell>Entity</Table.HeaderCell>
        {["MySQL", "Done", "Created", "Present", "Skipped", "In Medusa"].map(
          (title) => (
            <Table.HeaderCell key={title} className="text-right">
              {title}
            </Table.HeaderCell>
          )
        )}
        <Table.HeaderCell>Result</Table.HeaderCell>
      </Table.Row>
    </Table.Header>
    <Table.Body>
      {run.entities.map((e) => (
        <Table.Row key={e.entity}>
          <Table.Cell>{e.entity.replace(/_/g, " ")}</Table.Cell>
          {[
            e.total,
            e.processed,
            e.created,
            e.present,
            e.skipped,
            e.medusa,
          ].map((count, index) => (
            <Table.Cell key={index} className="text-right">
              {formatCount(count)}
            </Table.Cell>
          ))}
          <Table.Cell>
            <Verdict entity={e} />
          </Table.Cell>
        </Table.Row>
      ))}
    </Table.Body>
  </Table>
)

const RunSummary = ({ run }: { run: AdminStage2Run }) => (
  <div className="flex flex-col gap-y-1 px-6 py-4">
    <div className="flex items-center gap-x-3">
      <StatusBadge color={STATUS_COLOR[run.status]}>{run.status}</StatusBadge>
      <Text size="small" className="text-ui-fg-subtle">
        Started {new Date(run.started_at).toLocaleString()}
        {run.report ? ` · ${run.report.seconds.toFixed(1)} s` : ""}
        {run.report?.search.rebuilt ? " · search indexes rebuilt" : ""}
      </Text>
    </div>
    {run.error && (
      <Text size="small" className="text-ui-fg-error">
        {run.error}
      </Text>
    )}
    {run.status === "interrupted" && (
      <Text size="small" className="text-ui-fg-subtle">
        Cut off mid-way. Move the store again to finish it: what it created is
        kept.
      </Text>
    )}
    {run.report && (
      <Text size="xsmall" className="text-ui-fg-subtle">
        Left in MySQL:{" "}
        {run.report.not_migrated.map((n) => n.records).join(", ")}
      </Text>
    )}
  </div>
)

/**
 * Stage 2: moves the MySQL store into Medusa after a confirmation, then
 * follows the run's progress and shows its report per entity.
 */
export const Stage2Panel = ({ disabled }: { disabled: boolean }) => {
  const { data, error } = useStage2Runs()
  const start = useStartStage2()
  const prompt = usePrompt()
  const latest = data?.runs[0]
  const elsewhere = data?.running_elsewhere ?? false
  const running = latest?.status === "running" || elsewhere

  const onMove = async () => {
    const confirmed = await prompt({
      title: "Move the store into Medusa?",
      description:
        "Creates the MySQL catalogue and customers in Medusa (products, prices, stock, addresses, logins, loyalty balances). What an earlier run created is found and left alone.",
      confirmText: "Move into Medusa",
      cancelText: "Cancel",
    })
    if (confirmed) {
      start.mutate(undefined, {
        onSuccess: () => toast.success("Stage 2 started"),
      })
    }
  }

  return (
    <div className="flex flex-col divide-y">
      <div className="flex flex-col gap-y-3 px-6 py-4">
        <Heading level="h2">Stage 2: MySQL into Medusa</Heading>
        <Text size="small" className="text-ui-fg-subtle">
          Run it once stage 1 has completed. One stage-2 run at a time, from
          here or from npm run migrate:legacy -- --stage 2.
        </Text>
        {elsewhere && (
          <Hint>
            A stage-2 run is under way on another server or from the command
            line; it can be started again once it ends.
          </Hint>
        )}
        {(start.error || error) && (
          <Hint variant="error" role="alert">
            {(start.error ?? error)?.message}
          </Hint>
        )}
        <div>
          <Button
            size="small"
            disabled={disabled || running}
            isLoading={start.isPending}
            onClick={() => void onMove()}
          >
            Move into Medusa
          </Button>
        </div>
      </div>
      {latest && (
        <>
          <RunSummary run={latest} />
          <EntityTable run={latest} />
        </>
      )}
    </div>
  )
}
