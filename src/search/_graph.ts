import type { SearchTypes } from "@medusajs/framework/types"

/** The `query` the Search Module hands index definitions. */
export type Query = SearchTypes.SearchIngestionContext["container"]["query"]

/** Most ids one `query.graph` filter carries. */
const FILTER_CHUNK = 1000

function chunks<T>(values: T[]): T[][] {
  const out: T[][] = []
  for (let start = 0; start < values.length; start += FILTER_CHUNK) {
    out.push(values.slice(start, start + FILTER_CHUNK))
  }
  return out
}

/**
 * Rows of `entity` whose `key` is one of `ids`, a chunk of ids per read.
 * Each read selects one entity and at most one relation: a selection that
 * joins several collections multiplies the rows the ORM has to hydrate.
 */
export async function graphByIds<T>(
  query: Query,
  entity: string,
  fields: string[],
  key: string,
  ids: string[]
): Promise<T[]> {
  const unique = [...new Set(ids)]
  const pages = await Promise.all(
    chunks(unique).map(async (chunk) => {
      const { data } = await query.graph({
        entity,
        fields,
        filters: { [key]: chunk },
      })
      return data as T[]
    })
  )
  return pages.flat()
}

/** Every row of `entity`, for the small tables read whole. */
export async function graphAll<T>(
  query: Query,
  entity: string,
  fields: string[]
): Promise<T[]> {
  const { data } = await query.graph({ entity, fields })
  return data as T[]
}

/** Groups `rows` by `keyOf`, keeping their order. */
export function groupBy<T>(
  rows: T[],
  keyOf: (row: T) => string | null | undefined
): Map<string, T[]> {
  const groups = new Map<string, T[]>()
  for (const row of rows) {
    const key = keyOf(row)
    if (key == null) {
      continue
    }
    const group = groups.get(key)
    if (group) {
      group.push(row)
    } else {
      groups.set(key, [row])
    }
  }
  return groups
}
