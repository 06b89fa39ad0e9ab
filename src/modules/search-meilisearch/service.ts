import type { Logger, SearchTypes } from "@medusajs/framework/types"
import {
  AbstractSearchProviderService,
  extractPrimaryKeyFilter,
  MedusaError,
} from "@medusajs/framework/utils"
import type { MeiliEnqueuedTask, MeilisearchOptions } from "./types"
import { MeilisearchClient, MeilisearchRequestError } from "./utils/client"
import { toMeiliDocument } from "./utils/documents"
import { toMeiliFilter } from "./utils/filters"
import {
  buildPlan,
  buildSettings,
  MEILISEARCH_PROVIDER_ID,
  type MeiliPlan,
} from "./utils/plan"
import { prepareSearch, toSearchResult } from "./utils/query"

const DEFAULT_TASK_TIMEOUT_MS = 30_000
const MAX_POLL_INTERVAL_MS = 500

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

function isCode(error: unknown, code: string): boolean {
  return error instanceof MeilisearchRequestError && error.code === code
}

/**
 * Search provider backed by Meilisearch. Writes are Meilisearch tasks: the
 * provider hands them back `enqueued` and `waitForTask` polls them, so the
 * Search Module waits for a seed to land before swapping a version in.
 * Queries of one request go out as one `/multi-search`, range facets
 * included (one counting query per range).
 */
export class MeilisearchSearchService extends AbstractSearchProviderService {
  static identifier = MEILISEARCH_PROVIDER_ID

  protected readonly client_: MeilisearchClient
  protected readonly logger_?: Logger
  protected readonly taskTimeoutMs_: number
  protected readonly pollIntervalMs_: number
  /** Plans of the indexes this process has seen, by physical name. */
  private readonly plans_ = new Map<string, MeiliPlan>()

  constructor(
    { logger }: { logger?: Logger },
    options: Partial<MeilisearchOptions> = {}
  ) {
    super()
    if (!options.host || !/^https?:\/\/[^/]+/.test(options.host)) {
      throw new MedusaError(
        MedusaError.Types.INVALID_ARGUMENT,
        `The Meilisearch search provider needs "host", the server's http(s) URL (MEILISEARCH_HOST); got ${JSON.stringify(options.host ?? null)}`
      )
    }
    this.client_ = new MeilisearchClient({ ...options, host: options.host })
    this.logger_ = logger
    this.taskTimeoutMs_ = options.task_timeout_ms ?? DEFAULT_TASK_TIMEOUT_MS
    this.pollIntervalMs_ = options.task_poll_interval_ms ?? 25
  }

  /** Whether the server answers its health check. */
  async isHealthy(): Promise<boolean> {
    try {
      return (await this.client_.health()).status === "available"
    } catch {
      return false
    }
  }

  protected planOf(definition: SearchTypes.ResolvedSearchIndexDefinition) {
    const plan = buildPlan(definition)
    this.plans_.set(definition.physical_name, plan)
    return plan
  }

  protected enqueued(
    task: MeiliEnqueuedTask,
    index: string
  ): SearchTypes.SearchTask {
    return { id: String(task.taskUid), index, status: "enqueued" }
  }

  /** Waits for a task and throws when it did not succeed. */
  protected async settle(task: MeiliEnqueuedTask, index: string) {
    const done = await this.waitForTask(this.enqueued(task, index))
    if (done.status === "failed") {
      throw new MedusaError(
        MedusaError.Types.UNEXPECTED_STATE,
        `Meilisearch task ${done.id} on "${index}" failed: ${done.error?.message}`
      )
    }
    return done
  }

  async upsertIndex({
    index,
  }: {
    index: SearchTypes.ResolvedSearchIndexDefinition
  }): Promise<SearchTypes.SearchTask> {
    const plan = this.planOf(index)
    const created = await this.client_.createIndex(
      index.physical_name,
      plan.primaryKey
    )
    const done = await this.waitForTask(
      this.enqueued(created, index.physical_name)
    )
    if (
      done.status === "failed" &&
      done.error?.code !== "index_already_exists"
    ) {
      throw new MedusaError(
        MedusaError.Types.UNEXPECTED_STATE,
        `Meilisearch could not create "${index.physical_name}": ${done.error?.message}`
      )
    }
    const settings = await this.client_.updateSettings(
      index.physical_name,
      buildSettings(index, plan)
    )
    return await this.settle(settings, index.physical_name)
  }

  async deleteIndex({
    index,
  }: {
    index: string
  }): Promise<SearchTypes.SearchTask> {
    this.plans_.delete(index)
    try {
      return this.enqueued(await this.client_.deleteIndex(index), index)
    } catch (error) {
      if (isCode(error, "index_not_found")) {
        return { index, status: "succeeded" }
      }
      throw error
    }
  }

  async listIndexes(): Promise<SearchTypes.SearchIndexInfo[]> {
    const [{ results }, stats] = await Promise.all([
      this.client_.listIndexes(),
      this.client_.stats(),
    ])
    return results.map((entry) => ({
      name: entry.uid,
      provider: MeilisearchSearchService.identifier,
      document_count: stats.indexes?.[entry.uid]?.numberOfDocuments ?? 0,
      created_at: entry.createdAt ? new Date(entry.createdAt) : undefined,
      updated_at: entry.updatedAt ? new Date(entry.updatedAt) : undefined,
    }))
  }

  async upsertDocuments({
    index,
    definition,
    documents,
  }: {
    index: string
    definition: SearchTypes.ResolvedSearchIndexDefinition
    documents: SearchTypes.SearchDocument[]
  }): Promise<SearchTypes.SearchTask> {
    const plan = this.planOf(definition)
    this.plans_.set(index, plan)
    const task = await this.client_.addDocuments(
      index,
      plan.primaryKey,
      documents.map((document) => toMeiliDocument(document, plan))
    )
    return this.enqueued(task, index)
  }

  async deleteDocuments({
    index,
    filters,
  }: SearchTypes.SearchDeleteDocumentsInput): Promise<SearchTypes.SearchTask> {
    const plan = this.plans_.get(index)
    const ids = extractPrimaryKeyFilter(filters, {
      primary_key: plan?.primaryKey ?? "id",
    })
    if (ids) {
      return this.enqueued(
        await this.client_.deleteDocumentsById(index, ids),
        index
      )
    }
    if (!plan) {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        `The Meilisearch provider deletes from "${index}" by filter only once it has seen its definition; delete by id instead`
      )
    }
    const filter = toMeiliFilter(filters, plan)
    if (!filter) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `Deleting from "${index}" requires filters`
      )
    }
    return this.enqueued(
      await this.client_.deleteDocumentsByFilter(index, filter),
      index
    )
  }

  async clearIndex({
    index,
  }: {
    index: string
  }): Promise<SearchTypes.SearchTask> {
    return this.enqueued(await this.client_.deleteAllDocuments(index), index)
  }

  async search(
    input: SearchTypes.ProviderSearchQuery
  ): Promise<SearchTypes.SearchResult> {
    const [result] = await this.searchMany([input])
    return result
  }

  /** Every query, range counts included, in one `/multi-search` request. */
  async searchMany(
    inputs: SearchTypes.ProviderSearchQuery[]
  ): Promise<SearchTypes.SearchResult[]> {
    const prepared = inputs.map((input) => {
      const plan = this.planOf(input.index)
      return { input, plan, search: prepareSearch(input, plan) }
    })
    const { results } = await this.client_.multiSearch(
      prepared.flatMap(({ search }) => [
        search.main,
        ...search.ranges.map((range) => range.params),
      ])
    )
    let next = 0
    return prepared.map(({ input, plan, search }) => {
      const main = results[next]
      const ranges = results.slice(next + 1, next + 1 + search.ranges.length)
      next += 1 + search.ranges.length
      return toSearchResult(input, plan, search, main, ranges)
    })
  }

  /**
   * Polls the task until Meilisearch finishes it, doubling the interval up to
   * half a second. A task still queued after `timeout_ms` counts as failed.
   */
  async waitForTask(
    task: SearchTypes.SearchTask,
    options: { timeout_ms?: number } = {}
  ): Promise<SearchTypes.SearchTask> {
    if (!task.id || task.status === "succeeded" || task.status === "failed") {
      return task
    }
    const timeout = options.timeout_ms ?? this.taskTimeoutMs_
    const deadline = Date.now() + timeout
    let interval = this.pollIntervalMs_
    for (;;) {
      const current = await this.client_.getTask(task.id)
      if (current.status === "succeeded") {
        return { ...task, status: "succeeded" }
      }
      if (current.status === "failed" || current.status === "canceled") {
        return {
          ...task,
          status: "failed",
          error: {
            message:
              current.error?.message ??
              `Meilisearch task ${task.id} was ${current.status}`,
            code: current.error?.code ?? current.status,
          },
        }
      }
      if (Date.now() + interval > deadline) {
        return {
          ...task,
          status: "failed",
          error: {
            message: `Meilisearch task ${task.id} was still ${current.status} after ${timeout} ms`,
            code: "task_timeout",
          },
        }
      }
      await sleep(interval)
      interval = Math.min(interval * 2, MAX_POLL_INTERVAL_MS)
    }
  }
}
