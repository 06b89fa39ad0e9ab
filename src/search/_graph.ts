import type { SearchTypes } from "@medusajs/framework/types"

/** The `query` the Search Module hands index definitions. */
export type Query = SearchTypes.SearchIngestionContext["container"]["query"]

/** Most ids one `query.graph` filter carries, unless told otherwise. */
const FILTER_CHUNK = 1000

function chunks<T>(values: T[], size: number): T[][] {
  const out: T[][] = []
  for (let start = 0; start < values.length; start += size) {
    out.push(values.slice(start, start + size))
  }
  return out
}

/** Narrows a `graphByIds` read, or splits it into smaller reads. */
export type GraphByIdsOptions = {
  filters?: Record<string, unknown>
  chunkSize?: number
  /** Most reads in flight at once; all of them unless told otherwise. */
  concurrency?: number
}

/**
 * Rows of `entity` whose `key` is one of `ids`, a chunk of ids per read,
 * narrowed by `filters` when given. Each read stays within one module: the
 * ORM joins a read's to-one relations and loads each to-many relation with a
 * query of its own.
 */
export async function graphByIds<T>(
  query: Query,
  entity: string,
  fields: string[],
  key: string,
  ids: string[],
  {
    filters = {},
    chunkSize = FILTER_CHUNK,
    concurrency = Infinity,
  }: GraphByIdsOptions = {}
): Promise<T[]> {
  const pending = chunks([...new Set(ids)], chunkSize)
  const pages: T[][] = []
  let next = 0
  // Rows come back in the order of their chunks, however the reads finish.
  const readNext = async (): Promise<void> => {
    const index = next++
    if (index >= pending.length) {
      return
    }
    const { data } = await query.graph({
      entity,
      fields,
      filters: { ...filters, [key]: pending[index] },
    })
    pages[index] = data as T[]
    await readNext()
  }
  await Promise.all(
    Array.from({ length: Math.min(concurrency, pending.length) }, readNext)
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
