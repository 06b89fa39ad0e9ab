import type { Logger, SearchTypes } from "@medusajs/framework/types"
import { MedusaError, projectDocument } from "@medusajs/framework/utils"
import {
  StockPostgresSearchService,
  type DbManager,
  type IndexPlan,
  type KeywordFragments,
  type SqlFragment,
  type StoredIndex,
} from "./stock"
import type {
  ExpandedTerm,
  FuzzyPostgresSearchOptions,
  QueryExpansion,
  TermCloseness,
} from "./types"
import { candidatePreScore } from "./utils/candidates"
import { splitFilters, type SplitFilters } from "./utils/column-filters"
import { planFacets, type PlannedFacet } from "./utils/facets"
import { mergePendingEntries } from "./utils/gin"
import { highlightFields, highlightHits } from "./utils/highlight"
import {
  addKeywordColumns,
  readKeywordColumns,
  type KeywordColumn,
} from "./utils/keyword-columns"
import { foldText, queryTerms } from "./utils/normalize"
import {
  readStatement,
  searchStatement,
  type StatementRow,
} from "./utils/statement"
import { buildSynonymMap, synonymsOf, type SynonymMap } from "./utils/synonyms"
import { trigramSimilarity } from "./utils/trigram"
import { remember, TtlCache } from "./utils/ttl-cache"
import { buildCloseness, buildTsQuery } from "./utils/tsquery"
import {
  addToVocabulary,
  clearVocabulary,
  createVocabulary,
  dropVocabulary,
  lookUpTerms,
  type VocabularyMatch,
} from "./utils/vocabulary"
import {
  addWeightedVector,
  readWeightedVector,
  searchesWeightedFields,
  WEIGHTED_LABELS,
  WEIGHTED_VECTOR,
} from "./utils/weighted-vector"
import {
  addWeightedRows,
  clearWeightedRows,
  dropWeightedRows,
  readWeightedRows,
  weightedRowsTable,
} from "./utils/weighted-rows"

/** Shortest query word that may stand for a misspelt one, by default. */
const DEFAULT_MIN_TYPO_LENGTH = 4

const UNDEFINED_TABLE = "42P01"

/** Documents written to a table between two refreshes of its statistics. */
const ANALYZE_EVERY = 2000

/**
 * How long a process trusts what it read of the catalog and the vocabulary.
 * Writes through this process refresh them at once; this bounds how long a
 * change made by another process (a swap, new words) can go unseen.
 */
const CATALOG_TTL_MS = 30_000
const VOCABULARY_TTL_MS = 30_000
const VOCABULARY_CACHE_SIZE = 5_000

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
 * matches rank above corrected ones. Hits, count and facets come from one
 * statement; catalog rows and vocabulary look-ups are kept in memory for a
 * few seconds. Synonyms and `ts_headline` highlighting come on top.
 * Everything else is the stock provider's.
 */
export class FuzzyPostgresSearchService extends StockPostgresSearchService {
  static identifier = "search-postgres-fuzzy"

  protected readonly fuzzy_: boolean
  protected readonly maxCorrections_: number
  protected readonly synonymGroups_: string[][]
  private readonly synonymMaps_ = new Map<string, SynonymMap>()
  private readonly writtenSinceAnalyze_ = new Map<string, number>()
  private readonly catalogs_ = new TtlCache<Promise<StoredIndex>>(
    100,
    CATALOG_TTL_MS
  )
  private readonly keywordColumns_ = new TtlCache<
    Promise<Map<string, KeywordColumn>>
  >(100, CATALOG_TTL_MS)
  private readonly weightedVectors_ = new TtlCache<Promise<boolean>>(
    100,
    CATALOG_TTL_MS
  )
  private readonly weightedRows_ = new TtlCache<Promise<boolean>>(
    100,
    CATALOG_TTL_MS
  )
  /**
   * Searches of exactly the weighted fields: on the stored weighted vector,
   * or, on a version created before it, on the weighted lexemes of the
   * stored vector.
   */
  private readonly weightedSearches_ = new WeakMap<
    SearchTypes.ProviderSearchQuery,
    "stored" | "filtered"
  >()
  private readonly vocabularyCaches_ = new Map<
    string,
    TtlCache<VocabularyMatch>
  >()
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

  /** The catalog row of an index, read at most once per `CATALOG_TTL_MS`. */
  override async retrieve(index: string): Promise<StoredIndex> {
    return await remember(this.catalogs_, index, () => super.retrieve(index))
  }

  override async upsertIndex(input: {
    index: SearchTypes.ResolvedSearchIndexDefinition
  }): Promise<SearchTypes.SearchTask> {
    this.catalogs_.delete(input.index.physical_name)
    try {
      return await super.upsertIndex(input)
    } finally {
      this.catalogs_.delete(input.index.physical_name)
    }
  }

  override async deleteIndex(input: {
    index: string
  }): Promise<SearchTypes.SearchTask> {
    try {
      return await super.deleteIndex(input)
    } finally {
      this.catalogs_.delete(input.index)
    }
  }

  override async createDocumentTable(
    table: string,
    plan: IndexPlan,
    manager: DbManager
  ): Promise<void> {
    await super.createDocumentTable(table, plan, manager)
    const execute = (sql: string, params?: unknown[]) =>
      manager.execute(sql, params)
    await addKeywordColumns(execute, table, plan)
    await addWeightedVector(execute, table, plan)
    await addWeightedRows(execute, table, plan)
    await createVocabulary(execute, table)
    this.keywordColumns_.delete(table)
    this.weightedVectors_.delete(table)
    this.weightedRows_.delete(table)
  }

  override async dropDocumentTable(
    table: string,
    manager: DbManager
  ): Promise<void> {
    const execute = (sql: string, params?: unknown[]) =>
      manager.execute(sql, params)
    await dropVocabulary(execute, table)
    await dropWeightedRows(execute, table)
    await super.dropDocumentTable(table, manager)
    this.vocabularyCaches_.delete(table)
    this.keywordColumns_.delete(table)
    this.weightedVectors_.delete(table)
    this.weightedRows_.delete(table)
  }

  /** The keyword columns of an index version, read at most once per `CATALOG_TTL_MS`. */
  protected async keywordColumnsOf(
    catalog: StoredIndex
  ): Promise<Map<string, KeywordColumn>> {
    const table = catalog.table_name
    return await remember(this.keywordColumns_, table, () =>
      readKeywordColumns(this.execute_, table, catalog.plan)
    )
  }

  /** Whether an index version stores the weighted vector, read at most once per `CATALOG_TTL_MS`. */
  protected async hasWeightedVector(catalog: StoredIndex): Promise<boolean> {
    const table = catalog.table_name
    return await remember(this.weightedVectors_, table, () =>
      readWeightedVector(this.execute_, table)
    )
  }

  /** Whether an index version has weighted rows, read at most once per `CATALOG_TTL_MS`. */
  protected async hasWeightedRows(catalog: StoredIndex): Promise<boolean> {
    const table = catalog.table_name
    return await remember(this.weightedRows_, table, () =>
      readWeightedRows(this.execute_, table)
    )
  }

  /**
   * The table a text match reads its rows from: the weighted rows when the
   * search is on exactly the weighted fields and they hold everything else
   * the statement reads of a matched row (filters and value facets on
   * keyword columns, a relevance sort); otherwise the document table.
   */
  protected async matchSourceOf(
    input: SearchTypes.ProviderSearchQuery,
    catalog: StoredIndex,
    split: SplitFilters,
    facets: PlannedFacet[],
    ordersByField: boolean
  ): Promise<string> {
    const table = catalog.table_name
    const answered =
      this.weightedSearches_.get(input) === "stored" &&
      !ordersByField &&
      facets.every((facet) => facet.type === "value" && facet.column) &&
      !split.rest
    return answered && (await this.hasWeightedRows(catalog))
      ? weightedRowsTable(table)
      : table
  }

  /**
   * The filters of a search. Under a text match (`split`, the filters split
   * over the keyword columns) they are checked on the rows the match found,
   * so keyword columns answer what they can; without one, the stock
   * containment SQL lets the filter index find the rows.
   */
  protected filterScope(
    input: SearchTypes.ProviderSearchQuery,
    catalog: StoredIndex,
    columns: Map<string, KeywordColumn>,
    split: SplitFilters | undefined
  ): SqlFragment | undefined {
    const scope = (filters: SearchTypes.ProviderSearchQuery["filters"]) =>
      this.buildFacetScope({
        input: { ...input, filters },
        catalog,
        useKeyword: false,
        useVector: false,
      })
    if (!split || !columns.size) {
      return scope(input.filters)
    }
    const parts = [split.columns, split.rest && scope(split.rest)].filter(
      (part): part is SqlFragment => !!part
    )
    return parts.length
      ? {
          sql: parts.map((part) => part.sql).join(" AND "),
          params: parts.flatMap((part) => part.params),
        }
      : undefined
  }

  override async clearIndex(input: {
    index: string
  }): Promise<SearchTypes.SearchTask> {
    const task = await super.clearIndex(input)
    const { table_name } = await this.retrieve(input.index)
    await clearWeightedRows(this.execute_, table_name)
    await clearVocabulary(this.execute_, table_name)
    this.vocabularyCaches_.delete(table_name)
    return task
  }

  override async upsertDocuments(input: {
    index: string
    definition: SearchTypes.ResolvedSearchIndexDefinition
    documents: SearchTypes.SearchDocument[]
  }): Promise<SearchTypes.SearchTask> {
    const task = await super.upsertDocuments(input)
    const { table_name: table } = await this.retrieve(input.index)
    const ids = input.documents.map((document) =>
      String(document[input.definition.primary_key])
    )
    // The merge and the new words touch different tables, so they run at once.
    const [, added] = await Promise.all([
      // GIN indexes keep their pending lists (PostgreSQL's default) so a page
      // is written in bulk; merged here, no query has to scan them.
      this.isLakebase_ ? 0 : mergePendingEntries(this.execute_, table),
      this.addWords(table, ids),
    ])
    if (added) {
      // A new word can turn a remembered correction into an exact match.
      this.vocabularyCaches_.delete(table)
    }
    this.refreshStatistics(table, ids.length)
    return task
  }

  /** Adds the words of the documents to the table's vocabulary. */
  protected async addWords(table: string, ids: string[]): Promise<number> {
    try {
      return await addToVocabulary(this.execute_, table, ids)
    } catch (error) {
      if (!isUndefinedTable(error)) {
        throw error
      }
      // An index created before this provider managed it has no vocabulary.
      await createVocabulary(this.execute_, table)
      return await addToVocabulary(this.execute_, table, ids)
    }
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
    const rows = weightedRowsTable(table)
    this.execute_(
      `DO $$ BEGIN
         ANALYZE "${table}";
         IF to_regclass('"${rows}"') IS NOT NULL THEN ANALYZE "${rows}"; END IF;
       END $$`
    ).catch((error: Error) =>
      this.logger_?.warn(`Could not analyze "${table}": ${error.message}`)
    )
  }

  override async search(
    input: SearchTypes.ProviderSearchQuery
  ): Promise<SearchTypes.SearchResult> {
    const options = input.search_options ?? {}
    if (!this.fuzzy_ || this.isLakebase_ || options.vector) {
      return await super.search(input)
    }
    const catalog = await this.retrieve(input.index.physical_name)
    const terms = queryTerms(input.q?.trim() ?? "")
    const query = {
      ...input,
      search_options: { ...options, highlight: undefined },
    }
    if (searchesWeightedFields(options.attributes_to_search_on, catalog.plan)) {
      this.weightedSearches_.set(
        query,
        (await this.hasWeightedVector(catalog)) ? "stored" : "filtered"
      )
    }
    let expansion: QueryExpansion | undefined
    if (terms.length) {
      expansion = await this.expandQuery(input, catalog.table_name, terms)
      this.expansions_.set(query, expansion)
    }
    const distinct = options.distinct ?? input.index.settings.distinct_attribute
    const result =
      distinct || options.min_score !== undefined
        ? await super.search(query)
        : await this.searchInOneStatement(query, catalog)
    return options.highlight && expansion
      ? await this.withHighlights(result, input, expansion)
      : result
  }

  /**
   * Hits, count and facets in one round trip. A version swapped out by
   * another process surfaces as `NOT_FOUND`, which the Search Module answers
   * by resolving the active version again.
   */
  protected async searchInOneStatement(
    input: SearchTypes.ProviderSearchQuery,
    catalog: StoredIndex
  ): Promise<SearchTypes.SearchResult> {
    const started = Date.now()
    const options = input.search_options ?? {}
    this.assertSupported(input, catalog.plan)
    const skip = input.pagination?.skip ?? 0
    const take = input.pagination?.take ?? 20
    const columns = await this.keywordColumnsOf(catalog)
    const facets = planFacets(options.facets, catalog.plan, columns)
    const fragments = this.keywordFragments({ query: input, catalog })
    const matchParams: unknown[] = []
    const match =
      fragments.q && fragments.matchSql
        ? { sql: fragments.matchSql(matchParams), params: matchParams }
        : undefined
    const ordersByField = Object.keys(input.pagination?.order ?? {}).some(
      (property) => property !== "_score"
    )
    const split = match ? splitFilters(input.filters, columns) : undefined
    const statement = searchStatement({
      table: catalog.table_name,
      source: split
        ? await this.matchSourceOf(input, catalog, split, facets, ordersByField)
        : undefined,
      rankSql: fragments.rankSql,
      match,
      filters: this.filterScope(input, catalog, columns, split),
      orderSql: this.resolveOrderBy(input, catalog.plan, !!fragments.q),
      ordersByField,
      take,
      skip,
      count: options.count !== "none",
      facets,
      candidates: this.candidatesOf(input, catalog, skip + take),
    })
    let rows: unknown[]
    try {
      rows = await this.execute_(statement.sql, statement.params)
    } catch (error) {
      if (!isUndefinedTable(error)) {
        throw error
      }
      this.catalogs_.delete(input.index.physical_name)
      throw new MedusaError(
        MedusaError.Types.NOT_FOUND,
        `Search index "${input.index.physical_name}" is gone`
      )
    }
    const found = readStatement(rows[0] as StatementRow | undefined, facets)
    return {
      hits: found.hits.map((hit) => ({
        id: hit.id,
        score: options.include_score ? hit.score : undefined,
        document: projectDocument(hit.document, input.attributes_to_retrieve),
      })),
      facets: found.facets,
      metadata: {
        skip,
        take,
        count: found.count,
        query: input.q,
        processing_time_ms: Date.now() - started,
      },
    }
  }

  /** The candidate set a short prefix is ranked from, if the query is one. */
  protected candidatesOf(
    input: SearchTypes.ProviderSearchQuery,
    catalog: StoredIndex,
    window: number
  ) {
    const expansion = this.expansions_.get(input)
    const vector = this.searchedVectorSql(input, catalog.plan)
    if (
      !expansion ||
      (vector !== `"search_vector"` && vector !== `"${WEIGHTED_VECTOR}"`)
    ) {
      return undefined
    }
    return candidatePreScore(expansion, catalog.plan, {
      vector,
      tsConfig: this.tsConfig_,
      window,
    })
  }

  /** Refuses what the stock provider refuses, before any SQL is built. */
  protected assertSupported(
    input: SearchTypes.ProviderSearchQuery,
    plan: IndexPlan
  ) {
    const options = input.search_options ?? {}
    if (options.locales?.length) {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        "The postgres search provider does not support query-time locales"
      )
    }
    if (input.pagination?.cursor !== undefined) {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        "The postgres search provider does not support cursor pagination"
      )
    }
    for (const path of options.attributes_to_search_on ?? []) {
      if (!plan.searchable.includes(path)) {
        throw new MedusaError(
          MedusaError.Types.INVALID_DATA,
          `Field "${path}" is not searchable on search index "${input.index.name}"`
        )
      }
    }
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
      ? await this.lookUpTerms(table, terms, {
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
      const tiers = fixes.map((fix) => ({
        words: [fix, ...synonymsOf(synonyms, [fix])].filter(
          (word) => !taken.has(word)
        ),
        similarity: trigramSimilarity(match.term, fix),
      }))
      return { term: match.term, prefix, synonyms: own, corrections, tiers }
    })
    const any = options.match_strategy === "any"
    return {
      terms: expanded,
      full: buildTsQuery(expanded, { any, withCorrections: true }),
      closeness: buildCloseness(expanded),
    }
  }

  /**
   * Vocabulary look-ups, remembered per table and word: shoppers type the
   * same words over and over, and only a write of new words changes them.
   */
  protected async lookUpTerms(
    table: string,
    terms: string[],
    settings: { minLength: number; limit: number }
  ): Promise<VocabularyMatch[]> {
    let cache = this.vocabularyCaches_.get(table)
    if (!cache) {
      cache = new TtlCache(VOCABULARY_CACHE_SIZE, VOCABULARY_TTL_MS)
      this.vocabularyCaches_.set(table, cache)
    }
    const key = (term: string) =>
      `${settings.minLength}:${settings.limit}:${term}`
    const missing = [...new Set(terms.filter((term) => !cache.get(key(term))))]
    if (missing.length) {
      const found = await lookUpTerms(this.execute_, table, missing, settings)
      found.forEach((match, i) => cache.set(key(missing[i]), match))
    }
    return terms.map(
      (term) =>
        cache.get(key(term)) ?? {
          term,
          known: false,
          known_prefix: false,
          corrections: [],
        }
    )
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

  override keywordFragments(input: {
    query: SearchTypes.ProviderSearchQuery
    catalog: StoredIndex
  }): KeywordFragments {
    const expansion = this.expansions_.get(input.query)
    if (!expansion) {
      return super.keywordFragments(input)
    }
    const vector = this.searchedVectorSql(input.query, input.catalog.plan)
    const tsquery = (text: string) => (params: unknown[]) => {
      params.push(text)
      return `to_tsquery('${this.tsConfig_}', ?)`
    }
    const full = tsquery(expansion.full)
    // Each term scores the closest alternative the document holds: the word
    // typed (a synonym, a completion) counts 1, a correction its similarity,
    // times one plus that alternative's own text rank. A correction never
    // borrows the rank of a closer word elsewhere in the document, so exact
    // and prefix matches come first, then the closest typos.
    const termRank = (params: unknown[], term: TermCloseness) =>
      `CASE ${[{ query: term.exact, similarity: 1 }, ...term.tiers]
        .map(({ query, similarity }) => {
          const matches = tsquery(query)(params)
          const rank = `ts_rank_cd(${vector}, ${tsquery(query)(params)}, 32)`
          return `WHEN ${vector} @@ ${matches} THEN ${similarity.toFixed(4)} * (1 + ${rank})`
        })
        .join(" ")} ELSE 0 END`
    const terms = expansion.closeness
    return {
      q: input.query.q?.trim(),
      needsBm25Limit: false,
      rankSql: (params) =>
        terms.length
          ? `((${terms.map((term) => termRank(params, term)).join(" + ")}) / ${terms.length})`
          : `ts_rank_cd(${vector}, ${full(params)}, 32)`,
      // A subquery the planner cannot see into, so the matches are always
      // read through the full-text index: estimating the query itself, it
      // scans the whole table once about a fifth of the rows match and
      // evaluates `@@` on every row, which costs more than the index does.
      matchSql: (params) => {
        const match = `${vector} @@ (SELECT ${full(params)})`
        // The full-text index finds the candidates; the filtered vector
        // keeps those matching in the weighted fields.
        return this.weightedSearches_.get(input.query) === "filtered"
          ? `"search_vector" @@ (SELECT ${full(params)}) AND ${match}`
          : match
      },
    }
  }

  /**
   * The stored vector; when `attributes_to_search_on` names exactly the
   * weighted fields, the stored weighted one (or the weighted lexemes of the
   * stored vector); otherwise one built from those fields.
   */
  protected searchedVectorSql(
    query: SearchTypes.ProviderSearchQuery,
    plan: IndexPlan
  ): string {
    const weighted = this.weightedSearches_.get(query)
    if (weighted) {
      return weighted === "stored"
        ? `"${WEIGHTED_VECTOR}"`
        : `ts_filter("search_vector", '${WEIGHTED_LABELS}')`
    }
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
