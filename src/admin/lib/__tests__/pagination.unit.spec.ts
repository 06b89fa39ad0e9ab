import { clampOffset, pageState } from "../pagination"

describe("pageState", () => {
  it("pages past the first 50 rows to the last one", () => {
    // 57 sales, 20 a page: three pages, the last with 17 rows.
    expect(pageState(57, 0, 20)).toEqual({
      pageIndex: 0,
      pageCount: 3,
      canPreviousPage: false,
      canNextPage: true,
      previousOffset: 0,
      nextOffset: 20,
    })
    expect(pageState(57, 40, 20)).toEqual({
      pageIndex: 2,
      pageCount: 3,
      canPreviousPage: true,
      canNextPage: false,
      previousOffset: 20,
      nextOffset: 60,
    })
  })

  it("has no next page when the count fills the page exactly", () => {
    expect(pageState(40, 20, 20).canNextPage).toBe(false)
    expect(pageState(41, 20, 20).canNextPage).toBe(true)
  })

  it("shows one page for an empty list", () => {
    const page = pageState(0, 0, 20)
    expect(page.pageCount).toBe(1)
    expect(page.canPreviousPage).toBe(false)
    expect(page.canNextPage).toBe(false)
  })
})

describe("clampOffset", () => {
  it("keeps an offset inside the list", () => {
    expect(clampOffset(57, 40, 20)).toBe(40)
    expect(clampOffset(0, 0, 20)).toBe(0)
  })

  it("moves to the last page when rows went away from under it", () => {
    expect(clampOffset(40, 40, 20)).toBe(20)
    expect(clampOffset(5, 60, 20)).toBe(0)
    expect(clampOffset(0, 20, 20)).toBe(0)
  })
})
