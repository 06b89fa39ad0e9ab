import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import {
  createStep,
  createWorkflow,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import {
  SEARCH_ANALYTICS_MODULE,
  type SearchAnalyticsModuleService,
} from "../../src/modules/search-analytics"
import { Modules } from "@medusajs/framework/utils"
import { FuzzyPostgresSearchService } from "../../src/modules/search-postgres-fuzzy"
import { PRODUCT_NAME_FIELDS } from "../../src/api/store/search/autocomplete/helpers"
import { recordSearchQueriesStep } from "../../src/workflows/search/steps/record-search-queries"

import { waitFor } from "../utils/wait-for"
import { searchSuite } from "../utils/search-suite"

jest.setTimeout(10 * 60 * 1000)

type QueryTotals = {
  query: string
  searches: number
  no_result_searches: number
}

const failAfterRecording = createWorkflow(
  "search-test-fail-after-recording",
  (input: { queries: { query: string; result_count: number }[] }) => {
    recordSearchQueriesStep(input.queries)
    createStep("search-test-fail", async () => {
      throw new Error("a later step failed")
    })()
    return new WorkflowResponse(undefined)
  }
)

medusaIntegrationTestRunner({
  inApp: true,
  testSuite: ({ api, getContainer, dbConnection }) => {
    const suite = searchSuite({ api, getContainer }, { admin: true })
    const headers = suite.storeHeaders
    const adminHeaders = suite.adminHeaders

    const searchText = (q: string, extra: Record<string, unknown> = {}) =>
      suite.search({ filters: { q }, ...extra })

    const autocomplete = async (q: string) =>
      (
        await api.get(`/store/search/autocomplete?q=${encodeURIComponent(q)}`, {
          headers: headers(),
        })
      ).data

    const statusOf = (request: Promise<{ status: number }>) =>
      request
        .then((response) => response.status)
        .catch((error) => error.response.status as number)

    const queryReport = async () =>
      (await api.get("/admin/search/queries", { headers: adminHeaders() }))
        .data as {
        top_queries: QueryTotals[]
        no_result_queries: QueryTotals[]
      }

    /**
     * Autocomplete answers, none reused, as served and then with the provider
     * told the index version lacks a storage it has (an older version).
     */
    const answersWithout = async (
      storage: "hasWeightedVector" | "hasWeightedRows",
      queries: string[]
    ) => {
      const answers = async () => {
        const found: unknown[] = []
        for (const q of queries) {
          found.push(await autocomplete(q))
        }
        return found
      }
      process.env.SEARCH_AUTOCOMPLETE_CACHE_MS = "0"
      const stub = jest.spyOn(
        FuzzyPostgresSearchService.prototype as unknown as Record<
          typeof storage,
          () => Promise<boolean>
        >,
        storage
      )
      try {
        const served = await answers()
        stub.mockClear().mockResolvedValue(false)
        const without = await answers()
        expect(stub).toHaveBeenCalled()
        return { served, without }
      } finally {
        stub.mockRestore()
        delete process.env.SEARCH_AUTOCOMPLETE_CACHE_MS
      }
    }

    const activeVersion = async () => {
      const { rows } = await dbConnection.raw(
        `SELECT active_version FROM search_index WHERE name = 'product'`
      )
      return Number(rows[0].active_version)
    }

    it("completes a prefix with products, their categories and popular queries", async () => {
      await searchText("chocolat")
      await waitFor(
        async () =>
          (await queryReport()).top_queries.some(
            (row) => row.query === "chocolat"
          ),
        { what: "the logged query" }
      )

      const result = await autocomplete("choc")

      expect(
        result.products.map((product: { handle: string }) => product.handle)
      ).toEqual(expect.arrayContaining(["pain-au-chocolat"]))
      expect(result.products.length).toBeLessThanOrEqual(5)
      expect(result.products[0]).toEqual(
        expect.objectContaining({
          title: expect.any(String),
          handle: expect.any(String),
          price_eur: expect.any(Number),
          in_stock: true,
        })
      )
      expect(result.categories).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            handle: "macarons",
            name: "Macarons",
          }),
        ])
      )
      expect(result.suggestions).toEqual(["chocolat"])
    })

    it("tolerates typos while typing", async () => {
      const result = await autocomplete("croisant")
      expect(result.products[0].handle).toMatch(/^croissant-/)
    })

    it("lists products named by the words first, then those matching elsewhere", async () => {
      // Madagascar names a macaron; "Madagascan" is only in the pain au
      // chocolat's description.
      const result = await autocomplete("madagasc")
      expect(
        result.products.map((product: { handle: string }) => product.handle)
      ).toEqual(["macaron-vanille", "pain-au-chocolat"])
      const categories = result.categories.map(
        (category: { handle: string }) => category.handle
      )
      expect(categories).toContain("macarons")
      expect(categories).not.toContain("viennoiserie")

      const described = await autocomplete("madagascan")
      expect(
        described.products.map((product: { handle: string }) => product.handle)
      ).toEqual(["pain-au-chocolat"])
      expect(
        described.categories.map(
          (category: { handle: string }) => category.handle
        )
      ).toContain("viennoiserie")
    })

    it("answers the same on an index version created before the weighted vector", async () => {
      const { served, without } = await answersWithout("hasWeightedVector", [
        "madagasc",
        "choc",
      ])
      expect(without).toEqual(served)
    })

    it("matches names on the weighted rows, and answers the same without them", async () => {
      const search = getContainer().resolve(Modules.SEARCH)
      const namesFirst = async (q: string) =>
        (
          await search.search({
            entity: "product",
            filters: { q },
            pagination: { take: 5 },
            search_options: {
              match_strategy: "last",
              typo_tolerance: true,
              attributes_to_search_on: PRODUCT_NAME_FIELDS,
            },
          })
        ).hits.map((hit) => String(hit.document.handle))
      const { rows: tables } = await dbConnection.raw(
        `SELECT table_name FROM search_postgres_index
         WHERE to_regclass(quote_ident(table_name || '_weighted_rows')) IS NOT NULL`
      )
      expect(tables.length).toBeGreaterThan(0)
      const setVector = async (value: string) => {
        for (const { table_name: table } of tables) {
          await dbConnection.raw(
            `UPDATE "${table}_weighted_rows" r SET weighted_vector = ${value}
             FROM "${table}" d
             WHERE r.id = d.id AND d.document->>'handle' = 'macaron-vanille'`
          )
        }
      }

      expect(await namesFirst("madagasc")).toEqual(["macaron-vanille"])
      // Blanked in the weighted rows only: the names search no longer finds it.
      await setVector(`''::tsvector`)
      try {
        expect(await namesFirst("madagasc")).toEqual([])
      } finally {
        await setVector(`d.weighted_vector`)
      }
      expect(await namesFirst("madagasc")).toEqual(["macaron-vanille"])

      const { served, without } = await answersWithout("hasWeightedRows", [
        "madagasc",
        "choc",
        "ma",
        "croisant",
      ])
      expect(without).toEqual(served)
    })

    it("counts top and no-result queries anonymously", async () => {
      for (const q of [
        "Chocolat",
        "chocolat ",
        "chocolat",
        "zzqx",
        "zzqx",
        "tarte",
      ]) {
        await searchText(q)
      }
      await searchText("ignored facet-only query", { pagination: { take: 0 } })
      await searchText("ignored second page", { pagination: { skip: 20 } })

      const report = await waitFor(
        async () => {
          const found = await queryReport()
          const total = found.top_queries.reduce(
            (sum, row) => sum + row.searches,
            0
          )
          return total >= 6 && found
        },
        { what: "the logged queries" }
      )

      expect(report.top_queries[0]).toEqual(
        expect.objectContaining({
          query: "chocolat",
          searches: 3,
          no_result_searches: 0,
        })
      )
      expect(report.no_result_queries).toEqual([
        expect.objectContaining({
          query: "zzqx",
          searches: 2,
          no_result_searches: 2,
        }),
      ])
      expect(report.top_queries.map((row) => row.query)).not.toContain(
        "ignored facet-only query"
      )
      const { rows } = await dbConnection.raw(
        `SELECT column_name FROM information_schema.columns WHERE table_name = 'search_query_stat'`
      )
      expect(
        rows.map((row: { column_name: string }) => row.column_name).sort()
      ).toEqual([
        "created_at",
        "day",
        "deleted_at",
        "id",
        "last_result_count",
        "no_result_searches",
        "query",
        "searches",
        "updated_at",
      ])
    })

    it("takes the counts back when a later step fails", async () => {
      const analytics = getContainer().resolve<SearchAnalyticsModuleService>(
        SEARCH_ANALYTICS_MODULE
      )
      await analytics.recordQueries([{ query: "brioche", result_count: 2 }])

      const { errors } = await failAfterRecording(getContainer()).run({
        input: { queries: [{ query: "brioche", result_count: 0 }] },
        throwOnError: false,
      })

      expect(errors).toHaveLength(1)
      const [row] = await analytics.listQueryTotals({
        since: new Date(Date.now() - 86_400_000),
        limit: 10,
        ranking: "top",
      })
      expect(row).toEqual(
        expect.objectContaining({
          query: "brioche",
          searches: 1,
          no_result_searches: 0,
        })
      )
    })

    it("rebuilds the index with a swap while searches keep answering", async () => {
      const all = await searchText("", { pagination: { take: 0 } })
      const total = all.metadata.count
      const before = await activeVersion()

      const response = await api.post(
        "/admin/search/indexes/product/rebuild",
        {},
        { headers: adminHeaders() }
      )
      expect(response.status).toEqual(202)

      const counts: (number | null)[] = []
      await waitFor(
        async () => {
          const { metadata } = await searchText("", {
            pagination: { take: 0 },
          })
          counts.push(metadata.count)
          return (await activeVersion()) > before
        },
        { what: "the new version", intervalMs: 20, timeoutMs: 30000 }
      )
      const after = await searchText("", { pagination: { take: 0 } })

      expect(new Set(counts)).toEqual(new Set([total]))
      expect(after.metadata.count).toEqual(total)
    })

    it("refuses bad input", async () => {
      const statuses = await Promise.all([
        statusOf(api.get("/store/search/autocomplete", { headers: headers() })),
        statusOf(
          api.get("/store/search/autocomplete?q=", { headers: headers() })
        ),
        statusOf(
          api.get(`/store/search/autocomplete?q=${"a".repeat(201)}`, {
            headers: headers(),
          })
        ),
        statusOf(
          api.get("/store/search/autocomplete?q=a&limit=0", {
            headers: headers(),
          })
        ),
        statusOf(
          api.get("/store/search/autocomplete?q=a&limit=50", {
            headers: headers(),
          })
        ),
        statusOf(
          api.get("/store/search/autocomplete?q=a&debug=1", {
            headers: headers(),
          })
        ),
        statusOf(api.get("/store/search/autocomplete?q=a")),
        statusOf(api.get("/admin/search/queries")),
        statusOf(
          api.get("/admin/search/queries?days=0", { headers: adminHeaders() })
        ),
        statusOf(
          api.post(
            "/admin/search/indexes/nope/rebuild",
            {},
            { headers: adminHeaders() }
          )
        ),
        statusOf(
          api.post(
            "/admin/search/indexes/product/rebuild",
            { strategy: "in_place" },
            { headers: adminHeaders() }
          )
        ),
      ])

      expect(statuses).toEqual([
        400, 400, 400, 400, 400, 400, 400, 401, 400, 404, 400,
      ])
    })
  },
})
