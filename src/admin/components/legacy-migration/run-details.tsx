import { Container, Heading, StatusBadge, Text } from "@medusajs/ui"
import { useLegacyRun } from "../../lib/legacy-migration"
import { ProgressTable } from "./progress-table"
import { QuarantineList } from "./quarantine-list"
import { ReportTable } from "./report-table"
import { RUN_STATUS_COLORS } from "./runs-table"

/** One run: live progress while it runs, then its report and quarantine. */
export const RunDetails = ({ id }: { id: string }) => {
  const { data, error } = useLegacyRun(id)
  if (error) {
    return (
      <Container>
        <Text className="text-ui-fg-error">{error.message}</Text>
      </Container>
    )
  }
  if (!data) {
    return null
  }
  const { run } = data
  return (
    <>
      <Container className="divide-y p-0">
        <div className="flex items-center justify-between px-6 py-4">
          <div className="flex flex-col">
            <Heading level="h2">
              {run.dry_run ? "Dry run" : "Migration"} {run.id.slice(0, 8)}
            </Heading>
            <Text size="small" className="text-ui-fg-subtle">
              {run.source}
            </Text>
          </div>
          <StatusBadge color={RUN_STATUS_COLORS[run.status]}>
            {run.status}
          </StatusBadge>
        </div>
        {run.error && (
          <Text className="text-ui-fg-error px-6 py-4">{run.error}</Text>
        )}
        <ProgressTable collections={run.collections} />
      </Container>
      {run.report && (
        <Container className="divide-y p-0">
          <Heading level="h2" className="px-6 py-4">
            Report
          </Heading>
          <ReportTable report={run.report} />
        </Container>
      )}
      {run.status !== "running" && (
        <Container className="divide-y p-0">
          <Heading level="h2" className="px-6 py-4">
            Quarantine
          </Heading>
          {run.dry_run ? (
            <Text className="text-ui-fg-subtle px-6 py-4">
              A dry run stores nothing: the report counts the documents it would
              quarantine, by reason. Run the migration to see them here.
            </Text>
          ) : (
            <QuarantineList runId={run.id} />
          )}
        </Container>
      )}
    </>
  )
}
