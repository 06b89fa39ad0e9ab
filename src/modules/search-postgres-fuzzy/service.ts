import type { Logger, SearchTypes } from "@medusajs/framework/types"
import { PostgresSearchService } from "@medusajs/search-postgres/dist/services/postgres-search"
import {
  tableNameForIndex,
  type IndexPlan,
} from "@medusajs/search-postgres/dist/utils"
import type {
  ExpandedTerm,
  FuzzyPostgresSearchOptions,
  QueryExpansion,
} from "./types"
import { highlightFields, highlightHits } from "./utils/highlight"
import { foldText, queryTerms } from "./utils/normalize"
import { buildSynonymMap, synonymsOf, type SynonymMap } from "./utils/synonyms"
import { buildTsQuery } from "./utils/tsquery"
import {
  addToVocabulary,
  clearVocabulary,
  createVocabulary,
  dropVocabulary,
  lookUpTerms,
  type VocabularyMatch,
} from "./utils/vocabulary"

type DbManager = {
  execute: (sql: string, params?: unknown[]) => Promise<unknown[]>
}

type Catalog = { table_name: string; plan: IndexPlan }

/** Shortest query word that may stand for a misspelt one, by default. */
const DEFAULT_MIN_TYPO_LENGTH = 4

const UNDEFINED_TABLE = "42P01"

/** Documents written to a table between two refreshes of its statistics. */
const ANALYZE_EVERY = 2000

function isSynonymGroups(value: unknown): value is string[][] {
  return (
    Array.isArray(value) &&
    value.every(
      (group) =>
        Array.isArray(group) && group.every((word) => typeof word === "string")
    )
  )
}

function isUndefinedTable(error: unknown): boolean {
  return (error as { code?: string } | null)?.code === UNDEFINED_TABLE
}

/**
 * The stock PostgreSQL provider with an index-assisted typo path. Each index
 * keeps a vocabulary of its folded words with a trigram index; a query word
 * the vocabulary does not hold is replaced by its closest words (`%`), and
 * the query runs as one full-text match on the GIN index. Exact and prefix
 * matches rank above corrected ones. Synonyms and `ts_headline` highlighting
 * come on top. Everything else is the stock provider's.
 */
export class FuzzyPostgresSearchService extends PostgresSearchService {
  static identifier = "search-postgres-fuzzy"

  protected readonly fuzzy_: boolean
  protected readonly maxCorrections_: number
  protected readonly synonymGroups_: string[][]
  private readonly synonymMaps_ = new Map<string, SynonymMap>()
  private readonly writtenSinceAnalyze_ = new Map<string, number>()
  private readonly expansions_ = new WeakMap<
    SearchTypes.ProviderSearchQuery,
    QueryExpansion
  >()

  constructor(
    deps: { manager: DbManager; logger?: Logger },
    options: FuzzyPostgresSearchOptions = {}
  ) {
    const { fuzzy, max_corrections, synonyms, ...stockOptions } = options
    super(deps, stockOptions)
    this.fuzzy_ = fuzzy !== false
    this.maxCorrections_ = max_corrections ?? 3
    this.synonymGroups_ = synonyms ?? []
  }

  private execute_ = (sql: string, params?: unknown[]) =>
    this.manager_.execute(sql, params)

  protected override async createDocumentTable(
    table: string,
    plan: IndexPlan,
    manager: DbManager
  ): Promise<void> {
    await super.createDocumentTable(table, plan, manager)
    // Documents arrive a few at a time; a long GIN pending list would make
    // the planner pass the full-text index over.
    await manager.execute(
      `ALTER INDEX IF EXISTS "${table}_fts_idx" SET (fastupdate = off)`
    )
    await createVocabulary((sql, params) => manager.execute(sql, params), table)
  }

  protected override async dropDocumentTable(
    table: string,
    manager: DbManager
  ): Promise<void> {
    await dropVocabulary((sql, params) => manager.execute(sql, params), table)
    await super.dropDocumentTable(table, manager)
  }

  override async clearIndex(input: {
    index: string
  }): Promise<SearchTypes.SearchTask> {
    const task = await super.clearIndex(input)
    await clearVocabulary(this.execute_, tableNameForIndex(input.index))
    return task
  }

  override async upsertDocuments(input: {
    index: string
    definition: SearchTypes.ResolvedSearchIndexDefinition
    documents: SearchTypes.SearchDocument[]
  }): Promise<SearchTypes.SearchTask> {
    const task = await super.upsertDocuments(input)
    const table = tableNameForIndex(input.index)
    const ids = input.documents.map((document) =>
      String(document[input.definition.primary_key])
    )
    try {
      await addToVocabulary(this.execute_, table, ids)
    } catch (error) {
      if (!isUndefinedTable(error)) {
        throw error
      }
      // An index created before this provider managed it has no vocabulary.
      await createVocabulary(this.execute_, table)
      await addToVocabulary(this.execute_, table, ids)
    }
    this.refreshStatistics(table, ids.length)
    return task
  }

  /**
   * Analyzes a table every `ANALYZE_EVERY` documents written through this
   * process, in the background. A freshly seeded version otherwise has no
   * statistics until autovacuum gets to it, and the planner then trusts the
   * `indexed @>` filters to be selective and scans the filter index instead
   * of the full-text one.
   */
  protected refreshStatistics(table: string, written: number) {
    const total = (this.writtenSinceAnalyze_.get(table) ?? 0) + written
    if (total < ANALYZE_EVERY) {
      this.writtenSinceAnalyze_.set(table, total)
      return
    }
    this.writtenSinceAnalyze_.set(table, 0)
    this.execute_(`ANALYZE "${table}"`).catch((error: Error) =>
      this.logger_?.warn(`Could not analyze "${table}": ${error.message}`)
    )
  }

  override async search(
    input: SearchTypes.ProviderSearchQuery
  ): Promise<SearchTypes.SearchResult> {
    const options = input.search_options ?? {}
    const terms = queryTerms(input.q?.trim() ?? "")
    if (!this.fuzzy_ || this.isLakebase_ || options.vector || !terms.length) {
      return await super.search(input)
    }
    const table = tableNameForIndex(input.index.physical_name)
    let expansion: QueryExpansion
    try {
      expansion = await this.expandQuery(input, table, terms)
    } catch (error) {
      if (!isUndefinedTable(error)) {
        throw error
      }
      return await super.search(input)
    }
    const query = {
      ...input,
      search_options: { ...options, highlight: undefined },
    }
    this.expansions_.set(query, expansion)
    const result = await super.search(query)
    return options.highlight
      ? await this.withHighlights(result, input, expansion)
      : result
  }

  /** Resolves the query words: synonyms always, corrections on typos. */
  protected async expandQuery(
    input: SearchTypes.ProviderSearchQuery,
    table: string,
    terms: string[]
  ): Promise<QueryExpansion> {
    const options = input.search_options ?? {}
    const settings = input.index.settings.typo_tolerance
    const typo = !!options.typo_tolerance && (settings?.enabled ?? true)
    const last = options.match_strategy === "last"
    const matches: VocabularyMatch[] = typo
      ? await lookUpTerms(this.execute_, table, terms, {
          minLength:
            settings?.min_word_size_for_one_typo ?? DEFAULT_MIN_TYPO_LENGTH,
          limit: this.maxCorrections_,
        })
      : terms.map((term) => ({
          term: foldText(term),
          known: true,
          known_prefix: true,
          corrections: [],
        }))
    const synonyms = this.synonymMap(input.index)
    const expanded = matches.map((match, i): ExpandedTerm => {
      const prefix = last && i === matches.length - 1
      const own = synonymsOf(synonyms, [match.term])
      const satisfied = match.known || (prefix && match.known_prefix)
      const fixes = satisfied ? [] : match.corrections
      const taken = new Set([match.term, ...own])
      const corrections = [...fixes, ...synonymsOf(synonyms, fixes)].filter(
        (word) => !taken.has(word)
      )
      return { term: match.term, prefix, synonyms: own, corrections }
    })
    const any = options.match_strategy === "any"
    return {
      terms: expanded,
      full: buildTsQuery(expanded, { any, withCorrections: true }),
      exact: buildTsQuery(expanded, { any, withCorrections: false }),
    }
  }

  /** The index' synonyms plus the provider's, folded once per definition. */
  protected synonymMap(index: SearchTypes.ResolvedSearchIndexDefinition) {
    const cached = this.synonymMaps_.get(index.definition_hash)
    if (cached) {
      return cached
    }
    const own =
      index.settings.provider_options?.[FuzzyPostgresSearchService.identifier]
        ?.synonyms
    const groups = [
      ...this.synonymGroups_,
      ...(isSynonymGroups(own) ? own : []),
    ]
    const map = buildSynonymMap(groups)
    this.synonymMaps_.set(index.definition_hash, map)
    return map
  }

  protected override keywordFragments(input: {
    query: SearchTypes.ProviderSearchQuery
    catalog: Catalog
  }): ReturnType<PostgresSearchService["keywordFragments"]> {
    const expansion = this.expansions_.get(input.query)
    if (!expansion) {
      return super.keywordFragments(
        input as Parameters<PostgresSearchService["keywordFragments"]>[0]
      )
    }
    const vector = this.searchedVectorSql(input.query, input.catalog.plan)
    const tsquery = (text: string) => (params: unknown[]) => {
      params.push(text)
      return `to_tsquery('${this.tsConfig_}', ?)`
    }
    const full = tsquery(expansion.full)
    const exact = tsquery(expansion.exact)
    return {
      q: input.query.q?.trim(),
      needsBm25Limit: false,
      rankSql: (params) =>
        `(ts_rank_cd(${vector}, ${full(params)}, 32) + CASE WHEN ${vector} @@ ${exact(params)} THEN 1 ELSE 0 END)`,
      matchSql: (params) => `${vector} @@ ${full(params)}`,
    }
  }

  /** The stored vector, or one built from `attributes_to_search_on`. */
  protected searchedVectorSql(
    query: SearchTypes.ProviderSearchQuery,
    plan: IndexPlan
  ): string {
    const on = query.search_options?.attributes_to_search_on
    const all =
      !on ||
      (on.length === plan.searchable.length &&
        on.every((path) => plan.searchable.includes(path)))
    return all ? `"search_vector"` : this.onTheFlyVectorExpr(on, plan)
  }

  protected async withHighlights(
    result: SearchTypes.SearchResult,
    input: SearchTypes.ProviderSearchQuery,
    expansion: QueryExpansion
  ): Promise<SearchTypes.SearchResult> {
    const option = input.search_options?.highlight
    const catalog = await this.retrieve(input.index.physical_name)
    const searched =
      input.search_options?.attributes_to_search_on ?? catalog.plan.searchable
    const found = await highlightHits(this.execute_, {
      table: catalog.table_name,
      tsConfig: this.tsConfig_,
      tsquery: expansion.full,
      ids: result.hits.map((hit) => hit.id),
      fields: highlightFields(option, catalog.plan, searched),
      option,
    })
    return {
      ...result,
      hits: result.hits.map((hit) => ({
        ...hit,
        highlights: found.get(hit.id) ?? {},
      })),
    }
  }
}
