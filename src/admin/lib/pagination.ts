/** What `Table.Pagination` needs to show one page of a list, and its neighbours. */
export type PageState = {
  pageIndex: number
  pageCount: number
  canPreviousPage: boolean
  canNextPage: boolean
  previousOffset: number
  nextOffset: number
}

/** The page of `count` rows that starts at `offset`, `pageSize` rows a page. */
export function pageState(
  count: number,
  offset: number,
  pageSize: number
): PageState {
  const pageIndex = Math.floor(offset / pageSize)
  return {
    pageIndex,
    pageCount: Math.max(1, Math.ceil(count / pageSize)),
    canPreviousPage: offset > 0,
    canNextPage: offset + pageSize < count,
    previousOffset: Math.max(0, (pageIndex - 1) * pageSize),
    nextOffset: (pageIndex + 1) * pageSize,
  }
}

/**
 * The offset to show once the list holds `count` rows: the last page when
 * rows went away from under the one shown, which would otherwise be empty.
 */
export function clampOffset(
  count: number,
  offset: number,
  pageSize: number
): number {
  if (offset < count || offset === 0) {
    return offset
  }
  return Math.max(0, Math.ceil(count / pageSize) - 1) * pageSize
}
