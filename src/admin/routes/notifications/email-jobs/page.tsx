import { defineRouteConfig } from "@medusajs/admin-sdk"
import { Container, Heading, Text } from "@medusajs/ui"
import { useState } from "react"
import { ListPagination } from "../../../components/list-pagination"
import { EmailJobsTable } from "../../../components/notifications/email-jobs-table"
import { useFailedEmailJobs } from "../../../lib/notifications"

const PAGE_SIZE = 20

/** Emails that failed every attempt, kept for inspection and retry. */
const FailedEmailsPage = () => {
  const [offset, setOffset] = useState(0)
  const { data, isLoading, error } = useFailedEmailJobs(offset, PAGE_SIZE)
  return (
    <Container className="divide-y p-0">
      <div className="px-6 py-4">
        <Heading level="h1">Failed emails</Heading>
        <Text size="small" className="text-ui-fg-subtle">
          Emails the queue gave up on after every retry. Retry sends one again
          with a fresh round of attempts; it is never sent twice.
        </Text>
      </div>
      {isLoading && <Text className="px-6 py-4">Loading…</Text>}
      {error && (
        <Text className="text-ui-fg-error px-6 py-4">{error.message}</Text>
      )}
      {data && <EmailJobsTable jobs={data.email_jobs} />}
      {data && (
        <ListPagination
          count={data.count}
          offset={offset}
          pageSize={PAGE_SIZE}
          onOffsetChange={setOffset}
        />
      )}
    </Container>
  )
}

export const config = defineRouteConfig({
  label: "Failed emails",
})

export default FailedEmailsPage
