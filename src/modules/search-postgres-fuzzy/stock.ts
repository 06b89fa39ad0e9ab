import type { Logger, SearchTypes } from "@medusajs/framework/types"
import stockPostgresSearch from "@medusajs/medusa/search-postgres"

/** How the stock provider stores a field. */
export type PlannedField = {
  path: string
  kind: "text" | "keyword" | "number" | "boolean" | "geo" | "vector"
  is_array: boolean
  is_date: boolean
  field: SearchTypes.SearchFieldDefinition
}

/** The stock provider's physical layout of an index. */
export type IndexPlan = {
  fields: Map<string, PlannedField>
  searchable: string[]
  vectors: string[]
  primary_key: string
  schema_hash: string
}

/** A row of the stock provider's catalog: one document table. */
export type StoredIndex = {
  name: string
  table_name: string
  schema_hash: string
  plan: IndexPlan
  document_count: number
}

/** A WHERE fragment with its `?` placeholders' values. */
export type SqlFragment = { sql: string; params: unknown[] }

/** The connection the Search Module hands its providers. */
export type DbManager = {
  execute: (sql: string, params?: unknown[]) => Promise<unknown[]>
}

/** The stock provider's own options. */
export type StockPostgresSearchOptions = {
  /** Text search configuration language. @default "english" */
  language?: string
  engine?: "native" | "lakebase"
  embedder?: (text: string) => Promise<number[]>
  vector_distance?: "cosine" | "l2" | "inner_product"
}

/** The keyword match and rank fragments of one query. */
export type KeywordFragments = {
  q?: string
  needsBm25Limit: boolean
  rankSql: (params: unknown[]) => string
  matchSql?: (params: unknown[]) => string
}

/**
 * The members of Medusa's PostgreSQL search provider that ours builds on. Its
 * package only exports the provider module, so the class is typed here by
 * what it does rather than imported from the package's build folders.
 */
export interface StockPostgresSearch extends SearchTypes.ISearchProvider {
  readonly manager_: DbManager
  readonly logger_?: Logger
  readonly tsConfig_: string
  readonly isLakebase_: boolean
  search(
    input: SearchTypes.ProviderSearchQuery
  ): Promise<SearchTypes.SearchResult>
  upsertIndex(input: {
    index: SearchTypes.ResolvedSearchIndexDefinition
  }): Promise<SearchTypes.SearchTask>
  deleteIndex(input: { index: string }): Promise<SearchTypes.SearchTask>
  upsertDocuments(input: {
    index: string
    definition: SearchTypes.ResolvedSearchIndexDefinition
    documents: SearchTypes.SearchDocument[]
  }): Promise<SearchTypes.SearchTask>
  clearIndex(input: { index: string }): Promise<SearchTypes.SearchTask>
  createDocumentTable(
    table: string,
    plan: IndexPlan,
    manager: DbManager
  ): Promise<void>
  dropDocumentTable(table: string, manager: DbManager): Promise<void>
  retrieve(index: string): Promise<StoredIndex>
  keywordFragments(input: {
    query: SearchTypes.ProviderSearchQuery
    catalog: StoredIndex
  }): KeywordFragments
  onTheFlyVectorExpr(paths: string[], plan: IndexPlan): string
  buildFacetScope(input: {
    input: SearchTypes.ProviderSearchQuery
    catalog: StoredIndex
    useKeyword: boolean
    useVector: boolean
  }): SqlFragment | undefined
  resolveOrderBy(
    input: SearchTypes.ProviderSearchQuery,
    plan: IndexPlan,
    hasScore: boolean
  ): string
}

type StockPostgresSearchConstructor = new (
  deps: { manager: DbManager; logger?: Logger },
  options?: StockPostgresSearchOptions
) => StockPostgresSearch

/** Medusa's PostgreSQL search provider, from its public module entry. */
export const StockPostgresSearchService: StockPostgresSearchConstructor =
  stockPostgresSearch.services[0]
