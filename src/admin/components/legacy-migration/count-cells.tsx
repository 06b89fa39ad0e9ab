import { Table } from "@medusajs/ui"
import { formatCount } from "./numbers"

/** Right-aligned table cells, one per count, in the order given. */
export const CountCells = ({
  counts,
}: {
  counts: (number | null | undefined)[]
}) => (
  <>
    {counts.map((count, index) => (
      <Table.Cell key={index} className="text-right">
        {formatCount(count)}
      </Table.Cell>
    ))}
  </>
)
