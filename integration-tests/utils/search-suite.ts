import type { MedusaContainer, SearchTypes } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import type { AxiosInstance } from "axios"
import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import { loginAdmin, seedStore } from "./seeded-store"
import { waitFor } from "./wait-for"

type Headers = Record<string, string>

/** A product document as the store search returns it. */
export type SearchDocument = Record<string, unknown>

export type SearchHit = {
  id: string
  document: SearchDocument
  highlights?: Record<string, string[]>
}

export type SearchResult = {
  hits: SearchHit[]
  facets?: Record<
    string,
    {
      values?: { value: string; count: number }[]
      ranges?: { key: string; count: number }[]
    }
  >
  metadata: { count: number | null }
}

type SuiteRunner = {
  api: AxiosInstance
  getContainer: () => MedusaContainer
}

type SuiteOptions = {
  /** Signs the seeded admin in before each test. */
  admin?: boolean
  /** Runs after the seed, before the rebuild (e.g. to add products). */
  beforeRebuild?: (container: MedusaContainer) => Promise<void>
  /** How the product index is rebuilt once seeded. */
  strategy?: SearchTypes.SearchReindexStrategy
}

/**
 * The set-up every search test file shares: the bakery seeded and the product
 * index rebuilt once before the file's tests (a rebuild leaves a settled
 * index, where the seed's own events may still be in flight), the admin
 * signed in before each test when asked, and the store search calls.
 */
export function searchSuite(
  { api, getContainer }: SuiteRunner,
  options: SuiteOptions = {}
) {
  let storeHeaders: Headers = {}
  let adminHeaders: Headers = {}

  beforeAll(async () => {
    const container = getContainer()
    ;({ storeHeaders } = await seedStore(container))
    await options.beforeRebuild?.(container)
    await container.resolve(Modules.SEARCH).reindex({
      index: "product",
      ...(options.strategy ? { strategy: options.strategy } : {}),
    })
  })

  if (options.admin) {
    beforeEach(async () => {
      adminHeaders = await loginAdmin(api)
    })
  }

  /** The store search of products: the first result of `POST /store/search`. */
  const search = async (
    body: Record<string, unknown>,
    headers: Headers = storeHeaders
  ): Promise<SearchResult> => {
    const { data } = await api.post(
      "/store/search",
      { entity: "product", ...body },
      { headers }
    )
    return data.results[0]
  }

  /** The store document of the product with this handle, if found. */
  const byHandle = async (handle: string) =>
    (await search({ filters: { handle }, pagination: { take: 1 } })).hits[0]
      ?.document

  /** Waits until the store document of `handle` passes `accept`. */
  const waitForDocument = (
    handle: string,
    accept: (document: SearchDocument) => boolean,
    what: string
  ) =>
    waitFor(
      async () => {
        const document = await byHandle(handle)
        return document && accept(document) && document
      },
      { what }
    )

  return {
    /** The publishable key headers of the storefront. */
    storeHeaders: () => storeHeaders,
    /** The admin's bearer headers, set before each test with `admin`. */
    adminHeaders: () => adminHeaders,
    search,
    byHandle,
    waitForDocument,
  }
}

/** The table holding the product index' active version (PostgreSQL providers). */
export async function productDocumentTable(db: Knex): Promise<string> {
  const { rows } = await db.raw(
    `SELECT p.table_name FROM search_index i
     JOIN search_index_version v
       ON v.search_index_id = i.id AND v.version = i.active_version
     JOIN search_postgres_index p ON p.name = v.physical_name
     WHERE i.name = 'product'`
  )
  return rows[0].table_name
}

/** Each value of a facet with its count. */
export function facetCounts(result: SearchResult, field: string) {
  return Object.fromEntries(
    (result.facets?.[field]?.values ?? []).map(({ value, count }) => [
      value,
      count,
    ])
  )
}

/** The handles of the hits, in order. */
export function handlesOf(result: SearchResult): string[] {
  return result.hits.map((hit) => String(hit.document.handle))
}
