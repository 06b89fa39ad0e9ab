import type { SearchTypes } from "@medusajs/framework/types"
import { projectDocument } from "@medusajs/framework/utils"
import type { MeiliPlan } from "./plan"

type Json = Record<string, unknown>

/** Epoch milliseconds for a date value; anything else is left as it is. */
export function toEpoch(value: unknown): unknown {
  if (value instanceof Date) {
    return value.getTime()
  }
  if (typeof value === "string") {
    const time = Date.parse(value)
    return Number.isNaN(time) ? value : time
  }
  return value
}

function mapPath(
  source: Json,
  segments: string[],
  map: (value: unknown) => unknown
): Json {
  const [head, ...rest] = segments
  if (!(head in source)) {
    return source
  }
  const value = source[head]
  if (!rest.length) {
    return {
      ...source,
      [head]: Array.isArray(value) ? value.map(map) : map(value),
    }
  }
  if (value && typeof value === "object" && !Array.isArray(value)) {
    return { ...source, [head]: mapPath(value as Json, rest, map) }
  }
  return source
}

function mapDates(
  document: Json,
  plan: MeiliPlan,
  map: (value: unknown) => unknown
) {
  return plan.dates.reduce(
    (current, path) => mapPath(current, path.split("."), map),
    document
  )
}

/** The document as Meilisearch stores it: dates as epoch milliseconds. */
export function toMeiliDocument(
  document: SearchTypes.SearchDocument,
  plan: MeiliPlan
) {
  return mapDates(document, plan, toEpoch)
}

const ENGINE_KEYS = new Set(["_formatted", "_rankingScore", "_matchesPosition"])

/** A hit's document as it was written: engine keys out, dates as ISO strings. */
export function fromMeiliHit(hit: Json, plan: MeiliPlan, attributes: string[]) {
  const own = Object.fromEntries(
    Object.entries(hit).filter(([key]) => !ENGINE_KEYS.has(key))
  )
  const restored = mapDates(own, plan, (value) =>
    typeof value === "number" ? new Date(value).toISOString() : value
  )
  return projectDocument(restored, attributes)
}
