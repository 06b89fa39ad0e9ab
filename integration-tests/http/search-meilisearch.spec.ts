import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { Modules } from "@medusajs/framework/utils"
import {
  createServer,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from "http"
import type { AddressInfo } from "net"
import { MeilisearchSearchService } from "../../src/modules/search-meilisearch"
import { handlesOf, searchSuite } from "../utils/search-suite"

jest.setTimeout(2 * 60 * 1000)

type Doc = Record<string, unknown>
type Body = Record<string, unknown>
type Task = {
  uid: number
  indexUid: string | null
  status: "enqueued" | "processing" | "succeeded" | "failed"
  error: { message: string; code: string } | null
  readyAt: number
  apply: () => { message: string; code: string } | void
}

const API_KEY = "test-master-key"

const fold = (text: string) =>
  text
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()

/**
 * A Meilisearch stand-in with only the endpoints the provider calls. Writes
 * become tasks applied in order once due (`delayMs`); the next document
 * write fails with `failNext`. Search matches words by prefix and ignores `filter`, which
 * the tests read back from `searches` instead.
 */
class FakeMeilisearch {
  indexes = new Map<
    string,
    { primaryKey: string; docs: Map<string, Doc>; settings: Body }
  >()
  tasks: Task[] = []
  searches: Body[][] = []
  settings: Record<string, Body> = {}
  delayMs = 0
  failNext: string | null = null
  server: Server = createServer((req, res) => this.handle(req, res))

  async listen(): Promise<string> {
    await new Promise<void>((resolve) =>
      this.server.listen(0, "127.0.0.1", resolve)
    )
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`
  }

  enqueue(indexUid: string | null, apply: Task["apply"], failure?: string) {
    const task: Task = {
      uid: this.tasks.length,
      indexUid,
      status: "enqueued",
      error: null,
      readyAt: Date.now() + this.delayMs,
      apply: failure ? () => ({ message: failure, code: "internal" }) : apply,
    }
    this.tasks.push(task)
    return { taskUid: task.uid, indexUid, status: "enqueued", type: "x" }
  }

  processDue() {
    for (const task of this.tasks) {
      if (task.status !== "enqueued" && task.status !== "processing") {
        continue
      }
      if (task.readyAt > Date.now()) {
        task.status = "processing"
        return
      }
      const error = task.apply()
      task.status = error ? "failed" : "succeeded"
      task.error = error ?? null
    }
  }

  ensure(uid: string, primaryKey = "id") {
    if (!this.indexes.has(uid)) {
      this.indexes.set(uid, { primaryKey, docs: new Map(), settings: {} })
    }
    return this.indexes.get(uid)!
  }

  search(uid: string, params: Body) {
    const index = this.indexes.get(uid)
    if (!index) {
      return undefined
    }
    const words = fold(String(params.q ?? ""))
      .split(/\W+/)
      .filter(Boolean)
    const searchable = (index.settings.searchableAttributes as string[]) ?? []
    const matched = [...index.docs.values()].filter((doc) => {
      const text = fold(
        searchable.map((path) => JSON.stringify(doc[path] ?? "")).join(" ")
      )
      const tokens = text.split(/\W+/)
      const hit = (word: string) =>
        tokens.some((token) => token.startsWith(word))
      return params.matchingStrategy === "frequency"
        ? !words.length || words.some(hit)
        : words.every(hit)
    })
    const [sortField, direction] = String(
      (params.sort as string[])?.[0] ?? ""
    ).split(":")
    if (sortField) {
      matched.sort(
        (a, b) =>
          (Number(a[sortField]) - Number(b[sortField])) *
          (direction === "desc" ? -1 : 1)
      )
    }
    const facetDistribution: Record<string, Record<string, number>> = {}
    for (const field of (params.facets as string[]) ?? []) {
      facetDistribution[field] = {}
      for (const doc of matched) {
        const values = ([] as unknown[]).concat(doc[field] ?? [])
        for (const value of values) {
          facetDistribution[field][String(value)] =
            (facetDistribution[field][String(value)] ?? 0) + 1
        }
      }
    }
    const paged = params.hitsPerPage !== undefined
    const size = Number(paged ? params.hitsPerPage : (params.limit ?? 20))
    const start = paged
      ? (Number(params.page ?? 1) - 1) * size
      : Number(params.offset ?? 0)
    const retrieve = params.attributesToRetrieve as string[] | undefined
    const hits = matched.slice(start, start + size).map((doc) => {
      const hit: Doc = retrieve
        ? Object.fromEntries(retrieve.map((key) => [key, doc[key]]))
        : { ...doc }
      const highlighted = (params.attributesToHighlight as string[]) ?? []
      if (highlighted.length) {
        hit._formatted = Object.fromEntries(
          highlighted.map((key) => [
            key,
            String(doc[key] ?? "").replace(/\p{L}+/gu, (word) =>
              words.some((w) => fold(word).startsWith(w))
                ? `${params.highlightPreTag}${word}${params.highlightPostTag}`
                : word
            ),
          ])
        )
      }
      return hit
    })
    return {
      hits,
      query: params.q,
      processingTimeMs: 1,
      facetDistribution,
      ...(paged
        ? { totalHits: matched.length }
        : { estimatedTotalHits: matched.length }),
    }
  }

  route(method: string, path: string, body: unknown): [number, unknown] {
    const [, first, uid, sub, action] = path.split("?")[0].split("/")
    if (method === "GET" && first === "health") {
      return [200, { status: "available" }]
    }
    if (first === "tasks") {
      const task = this.tasks[Number(uid)]
      return task
        ? [
            200,
            {
              uid: task.uid,
              indexUid: task.indexUid,
              status: task.status,
              error: task.error,
            },
          ]
        : [404, { code: "task_not_found", message: "no task" }]
    }
    if (first === "stats") {
      return [
        200,
        {
          indexes: Object.fromEntries(
            [...this.indexes].map(([name, index]) => [
              name,
              { numberOfDocuments: index.docs.size },
            ])
          ),
        },
      ]
    }
    if (first === "multi-search") {
      const queries = (body as { queries: Body[] }).queries
      this.searches.push(queries)
      const results = queries.map((query) =>
        this.search(String(query.indexUid), query)
      )
      return results.every(Boolean)
        ? [
            200,
            {
              results: results.map((result, i) => ({
                indexUid: queries[i].indexUid,
                ...result,
              })),
            },
          ]
        : [404, { code: "index_not_found", message: "Index not found" }]
    }
    if (first !== "indexes") {
      return [404, { code: "not_found", message: path }]
    }
    if (!uid) {
      if (method === "GET") {
        return [
          200,
          { results: [...this.indexes.keys()].map((name) => ({ uid: name })) },
        ]
      }
      const { uid: name, primaryKey } = body as {
        uid: string
        primaryKey: string
      }
      return [
        202,
        this.enqueue(name, () =>
          this.indexes.has(name)
            ? { message: "exists", code: "index_already_exists" }
            : void this.ensure(name, primaryKey)
        ),
      ]
    }
    if (!sub) {
      return [
        202,
        this.enqueue(uid, () =>
          this.indexes.delete(uid)
            ? undefined
            : { message: "missing", code: "index_not_found" }
        ),
      ]
    }
    if (sub === "settings") {
      this.settings[uid] = body as Body
      return [
        202,
        this.enqueue(
          uid,
          () => void Object.assign(this.ensure(uid).settings, body)
        ),
      ]
    }
    if (sub === "search") {
      const result = this.search(uid, body as Body)
      return result
        ? [200, result]
        : [404, { code: "index_not_found", message: "Index not found" }]
    }
    if (method === "DELETE") {
      return [202, this.enqueue(uid, () => void this.ensure(uid).docs.clear())]
    }
    if (action === "delete-batch") {
      return [
        202,
        this.enqueue(uid, () =>
          (body as string[]).forEach((id) => this.ensure(uid).docs.delete(id))
        ),
      ]
    }
    const failure = this.failNext ?? undefined
    this.failNext = null
    return [
      202,
      this.enqueue(
        uid,
        () =>
          (body as Doc[]).forEach((doc) =>
            this.ensure(uid).docs.set(String(doc.id), doc)
          ),
        failure
      ),
    ]
  }

  handle(req: IncomingMessage, res: ServerResponse) {
    let raw = ""
    req.on("data", (chunk) => (raw += chunk))
    req.on("end", () => {
      this.processDue()
      const [status, payload] =
        req.headers.authorization === `Bearer ${API_KEY}`
          ? this.route(
              req.method ?? "GET",
              req.url ?? "/",
              raw ? JSON.parse(raw) : undefined
            )
          : [
              401,
              {
                code: "invalid_api_key",
                message: "The provided API key is invalid.",
              },
            ]
      res.writeHead(status, { "content-type": "application/json" })
      res.end(JSON.stringify(payload))
    })
  }
}

const meili = new FakeMeilisearch()

beforeAll(async () => {
  process.env.MEILISEARCH_HOST = await meili.listen()
  process.env.MEILISEARCH_API_KEY = API_KEY
})

afterAll(async () => {
  delete process.env.MEILISEARCH_HOST
  delete process.env.MEILISEARCH_API_KEY
  await new Promise((resolve) => meili.server.close(resolve))
})

medusaIntegrationTestRunner({
  inApp: true,
  testSuite: ({ api, getContainer }) => {
    const { search, storeHeaders } = searchSuite({ api, getContainer })

    const activeIndex = () =>
      [...meili.indexes.entries()].find(([, index]) => index.docs.size > 0)

    beforeEach(() => {
      meili.searches = []
      meili.delayMs = 0
      meili.failNext = null
    })

    it("sets the index up from the definition and answers the store search", async () => {
      const [name, index] = activeIndex()!
      expect(index.docs.size).toBeGreaterThanOrEqual(40)
      const settings = meili.settings[name]
      expect(settings).toEqual(
        expect.objectContaining({
          filterableAttributes: expect.arrayContaining([
            "dietary",
            "status",
            "sales_channel_ids",
            "price_eur",
          ]),
          sortableAttributes: expect.arrayContaining([
            "price_eur",
            "created_at",
          ]),
          typoTolerance: expect.objectContaining({
            minWordSizeForTypos: { oneTypo: 4, twoTypos: 8 },
          }),
        })
      )
      expect((settings.searchableAttributes as string[])[0]).toEqual("title")
      expect((settings.synonyms as Record<string, string[]>).gf).toEqual(
        expect.arrayContaining(["gluten-free"])
      )
      expect(typeof index.docs.values().next().value?.created_at).toEqual(
        "number"
      )

      const result = await search({ filters: { q: "croissant" } })

      const hits = result.hits
      expect(handlesOf(result)).toEqual(
        expect.arrayContaining(["croissant-au-beurre", "croissant-aux-amandes"])
      )
      expect(hits[0].document.created_at).toMatch(/^\d{4}-\d\d-\d\dT/)
      const [sent] = meili.searches[0]
      expect(sent.filter).toMatch(/status = "published"/)
      expect(sent.filter).toMatch(/sales_channel_ids IN \["sc_/)
    })

    it("sends facets, ranges, sorts and highlights in one multi-search", async () => {
      const result = await search({
        filters: { q: "macaron", dietary: "vegetarian" },
        pagination: { take: 5, order: { price_eur: "ASC" } },
        search_options: {
          facets: [
            "allergens",
            {
              field: "price_eur",
              type: "range",
              ranges: [
                { key: "low", to: 20 },
                { key: "mid", from: 20, to: 50 },
              ],
            },
          ],
          highlight: { fields: ["title"] },
        },
      })

      expect(meili.searches).toHaveLength(1)
      const [main, low, mid] = meili.searches[0]
      expect(main).toEqual(
        expect.objectContaining({
          sort: ["price_eur:asc"],
          facets: ["allergens"],
          limit: 5,
          offset: 0,
        })
      )
      expect(main.filter).toMatch(/dietary = "vegetarian"/)
      expect(low.filter).toMatch(/price_eur < 20/)
      expect(mid.filter).toMatch(/price_eur >= 20 AND price_eur < 50/)
      expect(mid).toEqual(expect.objectContaining({ hitsPerPage: 0, page: 1 }))

      const prices = result.hits.map((hit) => Number(hit.document.price_eur))
      expect(prices).toEqual([...prices].sort((a, b) => a - b))
      expect(result.facets?.allergens.values).toEqual(
        expect.arrayContaining([expect.objectContaining({ value: "nuts" })])
      )
      expect(
        result.facets?.price_eur.ranges?.map((range) => range.key)
      ).toEqual(["low", "mid"])
      expect(result.hits[0].highlights?.title[0]).toMatch(
        /<mark>Macaron<\/mark>/
      )
    })

    it("waits for slow tasks before swapping a rebuilt version in", async () => {
      meili.delayMs = 300
      const started = Date.now()

      await getContainer().resolve(Modules.SEARCH).reindex({ index: "product" })

      expect(Date.now() - started).toBeGreaterThanOrEqual(300)
      const { hits } = await search({ filters: { q: "croissant" } })
      expect(hits.length).toBeGreaterThan(0)
    })

    it("fails a rebuild whose task fails and keeps serving the active version", async () => {
      const before = (await search({ pagination: { take: 0 } })).metadata.count
      meili.failNext = "disk full"

      await expect(
        getContainer().resolve(Modules.SEARCH).reindex({ index: "product" })
      ).rejects.toThrow(/disk full/)

      const after = (await search({ pagination: { take: 0 } })).metadata.count
      expect(after).toEqual(before)
    })

    it("times out a task that never finishes and reports an unreachable server", async () => {
      const provider = new MeilisearchSearchService(
        {},
        {
          host: process.env.MEILISEARCH_HOST,
          api_key: API_KEY,
          task_timeout_ms: 200,
        }
      )
      meili.delayMs = 60_000
      const task = await provider.clearIndex({ index: "scratch" })

      const done = await provider.waitForTask(task)

      expect(done).toEqual(
        expect.objectContaining({
          status: "failed",
          error: expect.objectContaining({ code: "task_timeout" }),
        })
      )
      meili.delayMs = 0
      meili.tasks.forEach((pending) => (pending.readyAt = 0))

      const offline = new MeilisearchSearchService(
        {},
        { host: "http://127.0.0.1:9", request_timeout_ms: 500 }
      )
      expect(await offline.isHealthy()).toBe(false)
      await expect(offline.listIndexes()).rejects.toThrow(/did not answer/)
      expect(() => new MeilisearchSearchService({}, {})).toThrow(
        /MEILISEARCH_HOST/
      )
      expect(await provider.isHealthy()).toBe(true)
    })

    it("refuses filters Meilisearch cannot express", async () => {
      const status = await api
        .post(
          "/store/search",
          { entity: "product", filters: { handle: { $like: "%croissant%" } } },
          { headers: storeHeaders() }
        )
        .then((response) => response.status)
        .catch((error) => error.response.status)
      expect(status).toEqual(400)
    })
  },
})
