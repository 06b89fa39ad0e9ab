/** A CSV cell: text is guarded against formula injection, numbers are not. */
export type CsvCell = string | number | null | undefined

/** Leading characters that make a spreadsheet read a cell as a formula. */
const FORMULA_PREFIX = /^[=+\-@\t\r]/

/** Characters that force a cell into quotes (RFC 4180). */
const NEEDS_QUOTES = /[",\r\n]/

/** Text a spreadsheet shows as typed: a formula prefix gets a leading `'`. */
export function neutraliseFormula(text: string): string {
  return FORMULA_PREFIX.test(text) ? `'${text}` : text
}

function formatCell(cell: CsvCell): string {
  if (cell === null || cell === undefined) {
    return ""
  }
  const text = typeof cell === "number" ? String(cell) : neutraliseFormula(cell)
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

/** One CRLF-terminated CSV record. */
export function csvRecord(cells: CsvCell[]): string {
  return `${cells.map(formatCell).join(",")}\r\n`
}
