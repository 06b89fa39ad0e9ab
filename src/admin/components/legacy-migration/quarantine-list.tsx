import { Button, Table, Text } from "@medusajs/ui"
import { Fragment, useState } from "react"
import { ListPagination } from "../list-pagination"
import {
  useLegacyQuarantine,
  type AdminQuarantineRecord,
} from "../../lib/legacy-migration"

const PAGE = 20
const COLLECTIONS = [
  "",
  "products",
  "users",
  "orders",
  "reviews",
  "loyaltytransactions",
  "flashsales",
]

/** The stored document, indented. */
function pretty(record: AdminQuarantineRecord): string {
  try {
    return JSON.stringify(JSON.parse(record.raw_document), null, 2)
  } catch {
    return record.raw_document
  }
}

/**
 * The documents the target refuses, with the reason; a row opens to show
 * the document as it was read (Extended JSON).
 */
export const QuarantineList = ({ runId }: { runId: string }) => {
  const [collection, setCollection] = useState("")
  const [offset, setOffset] = useState(0)
  const [open, setOpen] = useState<number | null>(null)
  const { data, error, isLoading } = useLegacyQuarantine(
    runId,
    collection,
    offset,
    PAGE
  )

  const choose = (next: string) => {
    setCollection(next)
    setOffset(0)
    setOpen(null)
  }

  return (
    <div className="flex flex-col">
      <div className="flex flex-wrap gap-2 px-6 py-3">
        {COLLECTIONS.map((name) => (
          <Button
            key={name || "all"}
            size="small"
            variant={name === collection ? "primary" : "secondary"}
            onClick={() => choose(name)}
          >
            {name || "All"}
          </Button>
        ))}
      </div>
      {isLoading && <Text className="px-6 py-4">Loading…</Text>}
      {error && (
        <Text className="text-ui-fg-error px-6 py-4">{error.message}</Text>
      )}
      {data && !data.count && (
        <Text className="text-ui-fg-subtle px-6 py-4">
          Nothing in quarantine.
        </Text>
      )}
      {data && data.count > 0 && (
        <>
          <Table>
            <Table.Header>
              <Table.Row>
                <Table.HeaderCell>Collection</Table.HeaderCell>
                <Table.HeaderCell>Legacy id</Table.HeaderCell>
                <Table.HeaderCell>Reason</Table.HeaderCell>
                <Table.HeaderCell>Detail</Table.HeaderCell>
              </Table.Row>
            </Table.Header>
            <Table.Body>
              {data.records.map((record) => (
                <Fragment key={record.id}>
                  <Table.Row
                    className="cursor-pointer"
                    onClick={() =>
                      setOpen(open === record.id ? null : record.id)
                    }
                  >
                    <Table.Cell>{record.collection}</Table.Cell>
                    <Table.Cell className="font-mono">
                      {record.legacy_id ?? "–"}
                    </Table.Cell>
                    <Table.Cell>{record.reason}</Table.Cell>
                    <Table.Cell className="max-w-[420px] truncate">
                      {record.detail}
                    </Table.Cell>
                  </Table.Row>
                  {open === record.id && (
                    <Table.Row>
                      <td colSpan={4} className="px-6 py-2">
                        <pre className="bg-ui-bg-subtle txt-compact-xsmall max-h-80 overflow-auto rounded p-3 font-mono">
                          {pretty(record)}
                        </pre>
                      </td>
                    </Table.Row>
                  )}
                </Fragment>
              ))}
            </Table.Body>
          </Table>
        </>
      )}
      {data && (
        <ListPagination
          count={data.count}
          offset={offset}
          pageSize={PAGE}
          onOffsetChange={setOffset}
        />
      )}
    </div>
  )
}
