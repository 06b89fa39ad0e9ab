import { Table } from "@medusajs/ui"
import { useEffect } from "react"
import { clampOffset, pageState } from "../lib/pagination"

/**
 * "1 – 20 of 57 results" with Prev/Next for a list the API pages with
 * `offset`/`limit`; moves back to the last page when rows go away.
 */
export const ListPagination = ({
  count,
  offset,
  pageSize,
  onOffsetChange,
}: {
  count: number
  offset: number
  pageSize: number
  onOffsetChange: (offset: number) => void
}) => {
  const clamped = clampOffset(count, offset, pageSize)
  useEffect(() => {
    if (clamped !== offset) {
      onOffsetChange(clamped)
    }
  }, [clamped, offset, onOffsetChange])

  if (!count) {
    return null
  }
  const page = pageState(count, offset, pageSize)
  return (
    <Table.Pagination
      count={count}
      pageSize={pageSize}
      pageIndex={page.pageIndex}
      pageCount={page.pageCount}
      canPreviousPage={page.canPreviousPage}
      canNextPage={page.canNextPage}
      previousPage={() => onOffsetChange(page.previousOffset)}
      nextPage={() => onOffsetChange(page.nextOffset)}
    />
  )
}
