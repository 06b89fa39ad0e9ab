import { MedusaError } from "@medusajs/framework/utils"
import type {
  MeiliEnqueuedTask,
  MeiliSearchParams,
  MeiliSearchResponse,
  MeiliSettings,
  MeiliTask,
  MeilisearchOptions,
} from "../types"

type Method = "GET" | "POST" | "PATCH" | "DELETE"

/** What went wrong talking to Meilisearch, with its own code and status. */
export class MeilisearchRequestError extends MedusaError {
  /** HTTP status; 429 makes the Search Module retry a seed write. */
  status?: number
  /** Meilisearch's error code, such as `index_not_found`. */
  code?: string
  /** Milliseconds to wait before retrying, from `Retry-After`. */
  retry_after?: number

  constructor(
    type: string,
    message: string,
    details: { status?: number; code?: string; retry_after?: number } = {}
  ) {
    super(type, message)
    this.status = details.status
    this.code = details.code
    this.retry_after = details.retry_after
  }
}

function errorType(status: number, code?: string): string {
  if (code === "index_not_found" || code === "task_not_found") {
    return MedusaError.Types.NOT_FOUND
  }
  if (status === 401 || status === 403) {
    return MedusaError.Types.UNAUTHORIZED
  }
  if (status >= 400 && status < 500 && status !== 429) {
    return MedusaError.Types.INVALID_DATA
  }
  return MedusaError.Types.UNEXPECTED_STATE
}

function retryAfter(header: string | null): number | undefined {
  const seconds = Number(header)
  return header && Number.isFinite(seconds) ? seconds * 1000 : undefined
}

/** A thin client over the Meilisearch endpoints the provider uses. */
export class MeilisearchClient {
  protected readonly host_: string
  protected readonly apiKey_?: string
  protected readonly timeoutMs_: number

  constructor(options: MeilisearchOptions) {
    this.host_ = options.host.replace(/\/+$/, "")
    this.apiKey_ = options.api_key
    this.timeoutMs_ = options.request_timeout_ms ?? 10_000
  }

  async request<T>(method: Method, path: string, body?: unknown): Promise<T> {
    let response: Response
    try {
      response = await fetch(`${this.host_}${path}`, {
        method,
        headers: {
          "Content-Type": "application/json",
          ...(this.apiKey_ ? { Authorization: `Bearer ${this.apiKey_}` } : {}),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(this.timeoutMs_),
      })
    } catch (error) {
      throw new MeilisearchRequestError(
        MedusaError.Types.UNEXPECTED_STATE,
        `Meilisearch at ${this.host_} did not answer ${method} ${path}: ${(error as Error).message}`
      )
    }
    const text = await response.text()
    const payload = text ? JSON.parse(text) : undefined
    if (!response.ok) {
      const code = payload?.code as string | undefined
      throw new MeilisearchRequestError(
        errorType(response.status, code),
        `Meilisearch refused ${method} ${path}: ${payload?.message ?? response.statusText}`,
        {
          status: response.status,
          code,
          retry_after: retryAfter(response.headers.get("retry-after")),
        }
      )
    }
    return payload as T
  }

  health() {
    return this.request<{ status: string }>("GET", "/health")
  }

  createIndex(uid: string, primaryKey: string) {
    return this.request<MeiliEnqueuedTask>("POST", "/indexes", {
      uid,
      primaryKey,
    })
  }

  deleteIndex(uid: string) {
    return this.request<MeiliEnqueuedTask>(
      "DELETE",
      `/indexes/${encodeURIComponent(uid)}`
    )
  }

  listIndexes() {
    return this.request<{
      results: { uid: string; createdAt?: string; updatedAt?: string }[]
    }>("GET", "/indexes?limit=1000")
  }

  stats() {
    return this.request<{
      indexes: Record<string, { numberOfDocuments: number }>
    }>("GET", "/stats")
  }

  updateSettings(uid: string, settings: MeiliSettings) {
    return this.request<MeiliEnqueuedTask>(
      "PATCH",
      `/indexes/${encodeURIComponent(uid)}/settings`,
      settings
    )
  }

  addDocuments(uid: string, primaryKey: string, documents: unknown[]) {
    return this.request<MeiliEnqueuedTask>(
      "POST",
      `/indexes/${encodeURIComponent(uid)}/documents?primaryKey=${encodeURIComponent(primaryKey)}`,
      documents
    )
  }

  deleteDocumentsById(uid: string, ids: string[]) {
    return this.request<MeiliEnqueuedTask>(
      "POST",
      `/indexes/${encodeURIComponent(uid)}/documents/delete-batch`,
      ids
    )
  }

  deleteDocumentsByFilter(uid: string, filter: string) {
    return this.request<MeiliEnqueuedTask>(
      "POST",
      `/indexes/${encodeURIComponent(uid)}/documents/delete`,
      { filter }
    )
  }

  deleteAllDocuments(uid: string) {
    return this.request<MeiliEnqueuedTask>(
      "DELETE",
      `/indexes/${encodeURIComponent(uid)}/documents`
    )
  }

  getTask(taskUid: string) {
    return this.request<MeiliTask>(
      "GET",
      `/tasks/${encodeURIComponent(taskUid)}`
    )
  }

  multiSearch(queries: MeiliSearchParams[]) {
    return this.request<{ results: MeiliSearchResponse[] }>(
      "POST",
      "/multi-search",
      {
        queries,
      }
    )
  }
}
