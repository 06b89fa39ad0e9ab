import { defineRouteConfig } from "@medusajs/admin-sdk"
import { CircleStack } from "@medusajs/icons"
import { Container, Heading, Text } from "@medusajs/ui"
import { useState } from "react"
import { RunDetails } from "../../components/legacy-migration/run-details"
import { RunsTable } from "../../components/legacy-migration/runs-table"
import { StartForm } from "../../components/legacy-migration/start-form"
import { useLegacyRuns } from "../../lib/legacy-migration"
import { Stage2Panel } from "./stage-2-panel"

/**
 * Legacy migration: start a dry run or a real run of the MongoDB store into
 * MySQL, follow it live, then read its report and quarantine; then move
 * MySQL into Medusa (stage 2) and follow that run.
 */
const LegacyMigrationPage = () => {
  const [chosen, setChosen] = useState<string | null>(null)
  const { data, error } = useLegacyRuns()
  const runs = data?.runs ?? []
  const selected = chosen ?? runs[0]?.id ?? null
  const running = runs.some((run) => run.status === "running")

  return (
    <div className="flex flex-col gap-y-3">
      <Container className="divide-y p-0">
        <div className="px-6 py-4">
          <Heading level="h1">Legacy migration</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            Stage 1: the MongoDB-era store into MySQL. Stage 2: MySQL into
            Medusa.
          </Text>
        </div>
        <StartForm disabled={running} onStarted={setChosen} />
      </Container>
      <Container className="divide-y p-0">
        <Heading level="h2" className="px-6 py-4">
          Runs
        </Heading>
        {error && (
          <Text className="text-ui-fg-error px-6 py-4">{error.message}</Text>
        )}
        {data && (
          <RunsTable runs={runs} selected={selected} onSelect={setChosen} />
        )}
      </Container>
      {selected && <RunDetails id={selected} />}
      <Container className="p-0">
        <Stage2Panel disabled={running} />
      </Container>
    </div>
  )
}

export const config = defineRouteConfig({
  label: "Legacy migration",
  icon: CircleStack,
})

export default LegacyMigrationPage
