import type { SearchTypes } from "@medusajs/framework/types"
import { MedusaError } from "@medusajs/framework/utils"
import type { MeiliSettings } from "../types"

/** A leaf field of an index definition, by its dotted path. */
export type MeiliField = {
  path: string
  definition: SearchTypes.SearchFieldDefinition
  array: boolean
}

/** What the provider needs to know about an index definition. */
export type MeiliPlan = {
  primaryKey: string
  fields: Map<string, MeiliField>
  /** Date fields, stored as epoch milliseconds so they filter and sort. */
  dates: string[]
}

/** Identifier the index settings' `provider_options` are keyed by. */
export const MEILISEARCH_PROVIDER_ID = "search-meilisearch"

const MAX_VALUES_PER_FACET = 1000

function isOn(flag: unknown): boolean {
  return flag === true || (typeof flag === "object" && flag !== null)
}

/** Flattens a definition into its leaf fields; vectors are left out. */
export function buildPlan(
  definition: SearchTypes.ResolvedSearchIndexDefinition
): MeiliPlan {
  const fields = new Map<string, MeiliField>()
  const walk = (
    group: Record<string, SearchTypes.SearchFieldDefinition>,
    prefix: string,
    inArray: boolean
  ) => {
    for (const [name, field] of Object.entries(group)) {
      const path = prefix ? `${prefix}.${name}` : name
      const array = inArray || field.array === true
      if (field.type === "object") {
        walk(field.fields ?? {}, path, array)
      } else if (field.type === "geo") {
        throw new MedusaError(
          MedusaError.Types.NOT_ALLOWED,
          `The Meilisearch provider does not support geo fields ("${path}")`
        )
      } else if (field.type !== "vector") {
        fields.set(path, { path, definition: field, array })
      }
    }
  }
  walk(definition.fields, "", false)
  const dates = [...fields.values()]
    .filter((field) => field.definition.type === "date")
    .map((field) => field.path)
  return { primaryKey: definition.primary_key, fields, dates }
}

function weightOf(field: SearchTypes.SearchFieldDefinition): number {
  const searchable = field.searchable
  return typeof searchable === "object" ? (searchable.weight ?? 1) : 1
}

/** Turns groups of interchangeable words into Meilisearch's synonym map. */
export function synonymMap(groups: unknown): Record<string, string[]> {
  const map: Record<string, string[]> = {}
  if (!Array.isArray(groups)) {
    return map
  }
  for (const group of groups) {
    if (!Array.isArray(group)) {
      continue
    }
    const members = group
      .filter((word): word is string => typeof word === "string")
      .map((word) => word.toLowerCase())
    for (const member of members) {
      const others = members.filter((other) => other !== member)
      map[member] = [...new Set([...(map[member] ?? []), ...others])]
    }
  }
  return map
}

/**
 * The index settings a definition asks for. Searchable attributes are ordered
 * by weight, since Meilisearch ranks earlier attributes higher.
 */
export function buildSettings(
  definition: SearchTypes.ResolvedSearchIndexDefinition,
  plan: MeiliPlan
): MeiliSettings {
  const fields = [...plan.fields.values()]
  const typo = definition.settings.typo_tolerance
  const own = definition.settings.provider_options?.[MEILISEARCH_PROVIDER_ID]
  return {
    searchableAttributes: fields
      .filter((field) => isOn(field.definition.searchable))
      .sort((a, b) => weightOf(b.definition) - weightOf(a.definition))
      .map((field) => field.path),
    filterableAttributes: fields
      .filter(
        (field) =>
          field.definition.filterable || isOn(field.definition.facetable)
      )
      .map((field) => field.path),
    sortableAttributes: fields
      .filter((field) => field.definition.sortable)
      .map((field) => field.path),
    displayedAttributes: fields
      .filter((field) => field.definition.retrievable !== false)
      .map((field) => field.path),
    synonyms: synonymMap(own?.synonyms),
    typoTolerance: {
      enabled: typo?.enabled ?? true,
      minWordSizeForTypos: {
        oneTypo: typo?.min_word_size_for_one_typo,
        twoTypos: typo?.min_word_size_for_two_typos,
      },
      disableOnAttributes: typo?.disabled_on_attributes ?? [],
    },
    distinctAttribute: definition.settings.distinct_attribute ?? null,
    faceting: { maxValuesPerFacet: MAX_VALUES_PER_FACET },
  }
}
