import { Button, Table, Text, toast } from "@medusajs/ui"
import { useRetryEmailJob, type EmailJob } from "../../lib/notifications"

const when = (iso: string | null) =>
  iso ? new Date(iso).toLocaleString() : "–"

/** Failed emails with why they failed and a button to send them again. */
export const EmailJobsTable = ({ jobs }: { jobs: EmailJob[] }) => {
  const retry = useRetryEmailJob()
  if (!jobs.length) {
    return (
      <Text size="small" className="text-ui-fg-subtle px-6 py-4">
        No failed emails: every email was sent.
      </Text>
    )
  }
  const onRetry = (job: EmailJob) =>
    retry.mutate(job.id, {
      onSuccess: () => toast.success(`Sending the email to ${job.to} again`),
      onError: (error) => toast.error(error.message),
    })
  return (
    <Table>
      <Table.Header>
        <Table.Row>
          <Table.HeaderCell>Recipient</Table.HeaderCell>
          <Table.HeaderCell>Template</Table.HeaderCell>
          <Table.HeaderCell>Attempts</Table.HeaderCell>
          <Table.HeaderCell>Last error</Table.HeaderCell>
          <Table.HeaderCell>Failed at</Table.HeaderCell>
          <Table.HeaderCell />
        </Table.Row>
      </Table.Header>
      <Table.Body>
        {jobs.map((job) => (
          <Table.Row key={job.id}>
            <Table.Cell>{job.to}</Table.Cell>
            <Table.Cell>{job.template}</Table.Cell>
            <Table.Cell>{job.attempts_made}</Table.Cell>
            <Table.Cell
              className="max-w-80 truncate"
              title={job.failed_reason ?? ""}
            >
              {job.failed_reason ?? "–"}
            </Table.Cell>
            <Table.Cell>{when(job.finished_at)}</Table.Cell>
            <Table.Cell className="text-right">
              <Button
                size="small"
                variant="secondary"
                isLoading={retry.isPending && retry.variables === job.id}
                onClick={() => onRetry(job)}
              >
                Retry
              </Button>
            </Table.Cell>
          </Table.Row>
        ))}
      </Table.Body>
    </Table>
  )
}
