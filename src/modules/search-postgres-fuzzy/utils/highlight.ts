import type { SearchTypes } from "@medusajs/framework/types"
import { MedusaError } from "@medusajs/framework/utils"
import type { IndexPlan } from "../stock"

type Execute = (sql: string, params?: unknown[]) => Promise<unknown[]>

const START = "\u0001"
const STOP = "\u0002"

/** The fields a query highlights: the requested ones, or every searched one. */
export function highlightFields(
  option: SearchTypes.SearchOptions["highlight"],
  plan: IndexPlan,
  searchedOn: string[]
): string[] {
  const requested =
    typeof option === "object" ? option.fields : option ? searchedOn : []
  for (const path of requested) {
    const planned = plan.fields.get(path)
    if (!planned || !["text", "keyword"].includes(planned.kind)) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `Field "${path}" cannot be highlighted: only text and keyword fields can`
      )
    }
  }
  return requested.filter((path) => !plan.fields.get(path)?.is_array)
}

function headlineOptions(option: SearchTypes.SearchOptions["highlight"]) {
  const marks = `StartSel="${START}", StopSel="${STOP}"`
  const snippet = typeof option === "object" ? option.snippet : undefined
  if (!snippet) {
    return `${marks}, HighlightAll=true`
  }
  const words = typeof snippet === "object" ? Math.max(snippet.length, 4) : 20
  return `${marks}, MaxWords=${words}, MinWords=${Math.ceil(words / 2)}`
}

/**
 * Marks the matched words of the given fields with `ts_headline`, for the
 * hits of one page, in one statement.
 */
export async function highlightHits(
  execute: Execute,
  input: {
    table: string
    tsConfig: string
    tsquery: string
    ids: string[]
    fields: string[]
    option: SearchTypes.SearchOptions["highlight"]
  }
): Promise<Map<string, Record<string, string[]>>> {
  const { table, tsConfig, tsquery, ids, fields, option } = input
  const found = new Map<string, Record<string, string[]>>()
  if (!ids.length || !fields.length) {
    return found
  }
  const options = headlineOptions(option)
  const preTag = (typeof option === "object" && option.pre_tag) || "<mark>"
  const postTag = (typeof option === "object" && option.post_tag) || "</mark>"
  const selects = fields.map((path, i) => {
    const jsonPath = `{${path.split(".").join(",").replace(/'/g, "''")}}`
    return `ts_headline('${tsConfig}', coalesce("document"#>>'${jsonPath}', ''), q.query, ?) AS "h${i}"`
  })
  const rows = (await execute(
    `SELECT d."id", ${selects.join(", ")}
     FROM "${table}" d, to_tsquery('${tsConfig}', ?) AS q(query)
     WHERE d."id" IN (${ids.map(() => "?").join(", ")})`,
    [...fields.map(() => options), tsquery, ...ids]
  )) as Record<string, string>[]
  for (const row of rows) {
    const highlights: Record<string, string[]> = {}
    fields.forEach((path, i) => {
      const text = row[`h${i}`]
      if (text?.includes(START)) {
        highlights[path] = [
          text.split(START).join(preTag).split(STOP).join(postTag),
        ]
      }
    })
    found.set(row.id, highlights)
  }
  return found
}
