import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { createPartnerCatalogue } from "../../src/scripts/search-catalogue"
import {
  facetCounts,
  handlesOf as handles,
  searchSuite,
  type SearchHit as Hit,
  type SearchResult,
} from "../utils/search-suite"

jest.setTimeout(10 * 60 * 1000)

/** Generated on top of the seeded bakery's 47 products. */
const GENERATED = 2400

const PRICE_RANGES = [
  { key: "under-10", to: 10 },
  { key: "10-30", from: 10, to: 30 },
  { key: "30-plus", from: 30 },
]

/** Published products of the storefront's sales channels, as SQL sees them. */
const STORE_PRODUCTS = `
  SELECT p.id, p.collection_id FROM product p
  WHERE p.deleted_at IS NULL AND p.status = 'published'
    AND EXISTS (
      SELECT 1 FROM product_sales_channel psc
      WHERE psc.product_id = p.id AND psc.deleted_at IS NULL
    )`

/** The store products tagged `?`. */
const TAGGED = `
  WITH scoped AS (
    ${STORE_PRODUCTS}
      AND EXISTS (
        SELECT 1 FROM product_tags pt
        JOIN product_tag t ON t.id = pt.product_tag_id AND t.deleted_at IS NULL
        WHERE pt.product_id = p.id AND t.value = ?
      )
  )`

/** Lower-cased, accent-free words of a text. */
function words(text: unknown): string[] {
  return String(text ?? "")
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .split(/[^a-z0-9]+/)
}

/** The searchable words of a hit's document. */
function documentWords(hit: Hit): string[] {
  const { title, subtitle, description, options, category_names } = hit.document
  return [
    title,
    subtitle,
    description,
    ...((options as string[] | undefined) ?? []),
    ...((category_names as string[] | undefined) ?? []),
  ].flatMap(words)
}

/** Whether the hits holding one of `closest` all come before the others. */
function closestFirst(result: SearchResult, closest: string[]) {
  const holds = result.hits.map((hit) =>
    documentWords(hit).some((word) => closest.includes(word))
  )
  return holds.every((held, i) => held || !holds.slice(i).some(Boolean))
}

function rowCounts(rows: { key: string; count: string | number }[]) {
  return Object.fromEntries(rows.map(({ key, count }) => [key, Number(count)]))
}

medusaIntegrationTestRunner({
  inApp: true,
  testSuite: ({ api, getContainer, dbConnection }) => {
    const count = async (sql: string, bindings: unknown[] = []) =>
      Number((await dbConnection.raw(sql, bindings)).rows[0].count)

    let rebuildStarted = 0
    const suite = searchSuite(
      { api, getContainer },
      {
        strategy: "swap",
        beforeRebuild: async (container) => {
          const generated = await createPartnerCatalogue(container, GENERATED)
          expect(generated).toHaveLength(GENERATED)
          rebuildStarted = Date.now()
        },
      }
    )
    const { search } = suite
    const headers = suite.storeHeaders

    const text = (
      q: string,
      searchOptions: Record<string, unknown> = {},
      take = 20
    ) =>
      search({
        filters: { q },
        pagination: { take },
        search_options: { typo_tolerance: true, ...searchOptions },
      })

    beforeAll(async () => {
      const seconds = (Date.now() - rebuildStarted) / 1000
      const total = await count(`SELECT count(*) FROM product`)
      console.info(
        `search: rebuilt ${total} products in ${seconds.toFixed(1)} s (${Math.round(total / seconds)} documents/s)`
      )
    })

    it("indexes every published store product, generated ones included", async () => {
      const result = await search({ pagination: { take: 1 } })
      const expected = await count(
        `SELECT count(*) FROM (${STORE_PRODUCTS}) scoped`
      )
      expect(expected).toBeGreaterThan(GENERATED * 0.9)
      expect(result.metadata.count).toEqual(expected)

      const drafts = await search({
        filters: { handle: "partner-20" },
        pagination: { take: 1 },
      })
      expect(drafts.hits).toEqual([])
    })

    it("ranks the intended croissant first for a misspelt 'croisant' among near misses", async () => {
      const nearMisses = await count(
        `SELECT count(*) FROM product
         WHERE status = 'published'
           AND (title ILIKE 'Croisillon%' OR title ILIKE 'Croisade%'
             OR description ILIKE '%croissant%')`
      )
      expect(nearMisses).toBeGreaterThan(100)

      const result = await text("croisant")
      expect(handles(result).slice(0, 2).sort()).toEqual([
        "croissant-au-beurre",
        "croissant-aux-amandes",
      ])
      // The closest correction first: every product that mentions a
      // croissant comes before those matched by a farther word (croisade…).
      expect(closestFirst(result, ["croissant", "croissants"])).toBe(true)

      const { data } = await api.get("/store/search/autocomplete?q=croisant", {
        headers: headers(),
      })
      expect(data.products[0].handle).toMatch(/^croissant-/)
    })

    it("ranks the pistachio macaron first for 'macaron pistchio'", async () => {
      const nearMisses = await count(
        `SELECT count(*) FROM product
         WHERE status = 'published'
           AND (title ILIKE 'Macaron pist%' OR title ILIKE '% pistache %')
           AND handle <> 'macaron-pistache'`
      )
      expect(nearMisses).toBeGreaterThan(20)

      const result = await text("macaron pistchio")
      expect(handles(result)[0]).toEqual("macaron-pistache")

      // Alone, the misspelt word ranks its closest correction (pistachio,
      // and its synonym pistache) before the farther ones (pisto, pistou).
      const alone = await text("pistchio", {}, 100)
      expect(alone.hits.length).toBeGreaterThan(50)
      expect(closestFirst(alone, ["pistachio", "pistache", "pistaches"])).toBe(
        true
      )
    })

    it("completes the prefix 'choc' to chocolate products", async () => {
      const { data } = await api.get(
        "/store/search/autocomplete?q=choc&limit=10",
        { headers: headers() }
      )
      expect(data.products).toHaveLength(10)
      for (const product of data.products) {
        expect(words(product.title).some((w) => w.startsWith("choc"))).toBe(
          true
        )
      }

      const result = await search({
        filters: { q: "choc" },
        pagination: { take: 100 },
        search_options: { typo_tolerance: true, match_strategy: "last" },
      })
      const chocolateTitles = await count(
        `SELECT count(*) FROM (${STORE_PRODUCTS} AND p.title ILIKE '%chocolat%') s`
      )
      expect(result.metadata.count).toBeGreaterThanOrEqual(chocolateTitles)
      for (const hit of result.hits) {
        expect(documentWords(hit).some((w) => w.startsWith("choc"))).toBe(true)
      }
      const titled = result.hits.filter((hit) =>
        words(hit.document.title).some((w) => w.startsWith("choc"))
      )
      // Title matches come first: all of the first page, given how many there are.
      expect(titled.length).toEqual(Math.min(100, chocolateTitles))
    })

    it("answers exact facet counts for a filtered query", async () => {
      const result = await search({
        filters: { dietary: "vegan" },
        pagination: { take: 0 },
        search_options: {
          facets: [
            { field: "collection", limit: 50 },
            { field: "allergens", limit: 50 },
            { field: "category_lvl0", limit: 50 },
            { field: "price_eur", type: "range", ranges: PRICE_RANGES },
          ],
        },
      })

      const total = await count(`${TAGGED} SELECT count(*) FROM scoped`, [
        "vegan",
      ])
      expect(total).toBeGreaterThan(300)
      expect(result.metadata.count).toEqual(total)

      const collections = await dbConnection.raw(
        `${TAGGED}
         SELECT c.handle AS key, count(*) FROM scoped s
         JOIN product_collection c ON c.id = s.collection_id
         GROUP BY c.handle`,
        ["vegan"]
      )
      expect(facetCounts(result, "collection")).toEqual(
        rowCounts(collections.rows)
      )

      const allergens = await dbConnection.raw(
        `${TAGGED}
         SELECT substring(t.value from 10) AS key, count(DISTINCT s.id) FROM scoped s
         JOIN product_tags pt ON pt.product_id = s.id
         JOIN product_tag t ON t.id = pt.product_tag_id AND t.deleted_at IS NULL
         WHERE t.value LIKE 'contains-%'
         GROUP BY t.value`,
        ["vegan"]
      )
      expect(facetCounts(result, "allergens")).toEqual(
        rowCounts(allergens.rows)
      )

      const roots = await dbConnection.raw(
        `${TAGGED}
         SELECT coalesce(grand.name, parent.name, c.name) AS key,
           count(DISTINCT s.id)
         FROM scoped s
         JOIN product_category_product pc ON pc.product_id = s.id
         JOIN product_category c ON c.id = pc.product_category_id
         LEFT JOIN product_category parent ON parent.id = c.parent_category_id
         LEFT JOIN product_category grand ON grand.id = parent.parent_category_id
         WHERE c.deleted_at IS NULL
         GROUP BY 1`,
        ["vegan"]
      )
      expect(facetCounts(result, "category_lvl0")).toEqual(
        rowCounts(roots.rows)
      )

      const prices = await dbConnection.raw(
        `${TAGGED}, lowest AS (
           SELECT s.id, min(pr.amount) AS amount FROM scoped s
           JOIN product_variant v ON v.product_id = s.id AND v.deleted_at IS NULL
           JOIN product_variant_price_set vps
             ON vps.variant_id = v.id AND vps.deleted_at IS NULL
           JOIN price pr ON pr.price_set_id = vps.price_set_id
             AND pr.deleted_at IS NULL AND pr.currency_code = 'eur'
             AND pr.price_list_id IS NULL AND coalesce(pr.rules_count, 0) = 0
           GROUP BY s.id
         )
         SELECT CASE WHEN amount < 10 THEN 'under-10'
                     WHEN amount < 30 THEN '10-30'
                     ELSE '30-plus' END AS key, count(*)
         FROM lowest GROUP BY 1`,
        ["vegan"]
      )
      const ranges = Object.fromEntries(
        (result.facets?.price_eur?.ranges ?? []).map(({ key, count }) => [
          key,
          count,
        ])
      )
      expect(ranges).toEqual({
        "under-10": 0,
        "10-30": 0,
        "30-plus": 0,
        ...rowCounts(prices.rows),
      })
    })
  },
})
