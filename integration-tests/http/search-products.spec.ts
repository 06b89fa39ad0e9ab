import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import type { AxiosInstance } from "axios"

import { waitFor } from "../utils/wait-for"
import {
  facetCounts,
  productDocumentTable,
  searchSuite,
} from "../utils/search-suite"

jest.setTimeout(10 * 60 * 1000)

type Headers = Record<string, string>

type StoreProduct = {
  id: string
  handle: string
  collection: { handle: string } | null
  tags: { value: string }[]
  categories: { handle: string; parent_category: { handle: string } | null }[]
  variants: { calculated_price: { calculated_amount: number } }[]
}

const PRICE_RANGES = [
  { key: "under-20", to: 20 },
  { key: "20-50", from: 20, to: 50 },
  { key: "50-plus", from: 50 },
]

/** How many products fall under each key `keysOf` gives them. */
function countBy(
  products: StoreProduct[],
  keysOf: (p: StoreProduct) => string[]
) {
  const counts: Record<string, number> = {}
  for (const product of products) {
    for (const key of new Set(keysOf(product))) {
      counts[key] = (counts[key] ?? 0) + 1
    }
  }
  return counts
}

function lowestPrice(product: StoreProduct) {
  return Math.min(
    ...product.variants.map(
      (variant) => variant.calculated_price.calculated_amount
    )
  )
}

/** Reads admin ids for a product: variants, their inventory items and levels. */
async function adminProduct(
  api: AxiosInstance,
  headers: Headers,
  handle: string
) {
  const { data } = await api.get(
    `/admin/products?handle=${handle}&fields=id,*variants,*variants.inventory_items`,
    { headers }
  )
  return data.products[0] as {
    id: string
    variants: { id: string; inventory_items: { inventory_item_id: string }[] }[]
  }
}

medusaIntegrationTestRunner({
  inApp: true,
  testSuite: ({ api, getContainer, dbConnection }) => {
    const suite = searchSuite({ api, getContainer }, { admin: true })
    const { search, byHandle } = suite
    let headers: Headers
    let adminHeaders: Headers
    let eurRegionId: string

    const searchStatus = (body: unknown, requestHeaders = headers) =>
      api
        .post("/store/search", body, { headers: requestHeaders })
        .then((response) => response.status)
        .catch((error) => error.response.status as number)

    /** A product's status as its document holds it, `null` when not indexed. */
    const indexedStatus = async (id: string) => {
      const { rows } = await dbConnection.raw(
        `SELECT document->>'status' AS status FROM "${await productDocumentTable(dbConnection)}"
         WHERE id = ?`,
        [id]
      )
      return (rows[0]?.status as string | undefined) ?? null
    }

    /** An admin POST whose failure reports the response body. */
    const adminPost = (path: string, body: unknown) =>
      api.post(path, body, { headers: adminHeaders }).catch((error) => {
        throw new Error(
          `POST ${path}: ${error.response?.status} ${JSON.stringify(error.response?.data)}`
        )
      })

    beforeEach(async () => {
      headers = suite.storeHeaders()
      adminHeaders = suite.adminHeaders()
      const { data } = await api.get("/store/regions", { headers })
      eurRegionId = data.regions.find(
        (region: { currency_code: string }) => region.currency_code === "eur"
      ).id
    })

    const storeProducts = async (): Promise<StoreProduct[]> => {
      const { data } = await api.get(
        `/store/products?limit=200&region_id=${eurRegionId}&fields=id,handle,*collection,*tags,*categories,categories.parent_category.handle,*variants.calculated_price`,
        { headers }
      )
      return data.products
    }

    it("finds published products of the key's sales channel by text", async () => {
      const result = await search({ filters: { q: "croissant" } })
      const handles = result.hits.map((hit) => hit.document.handle)

      expect(handles).toEqual(
        expect.arrayContaining(["croissant-au-beurre", "croissant-aux-amandes"])
      )
      expect(handles[0]).toMatch(/^croissant-/)
      for (const hit of result.hits) {
        expect(hit.document.status).toEqual("published")
      }
      expect(result.metadata.count).toEqual(result.hits.length)
    })

    it("indexes taxonomy, diet, allergens, options, SKUs, prices and stock", async () => {
      const macaron = await byHandle("macaron-pistache")

      expect(macaron).toEqual(
        expect.objectContaining({
          title: "Macaron pistache",
          categories: expect.arrayContaining(["macarons", "macaron-classics"]),
          category_lvl0: ["Macarons"],
          category_lvl1: ["Macarons > Macaron Classics"],
          collection: "atelier-classics",
          dietary: expect.arrayContaining(["vegetarian", "gluten-free"]),
          allergens: expect.arrayContaining(["nuts", "dairy", "eggs"]),
          options: ["Box of 6", "Box of 12"],
          skus: expect.arrayContaining(["KLE-MAC-PISTACHE-BOX-OF-6"]),
          price_eur: 15,
          price_usd: 18,
          in_stock: true,
          units_sold: 0,
          on_flash_sale: false,
          rating: null,
        })
      )
    })

    it("answers exact facet counts for a filtered query", async () => {
      const expected = (await storeProducts()).filter((product) =>
        product.tags.some((tag) => tag.value === "vegetarian")
      )
      const result = await search({
        filters: { dietary: "vegetarian" },
        pagination: { take: 0 },
        search_options: {
          facets: [
            { field: "categories", limit: 50 },
            { field: "allergens", limit: 50 },
            { field: "collection", limit: 50 },
            "in_stock",
            { field: "price_eur", type: "range", ranges: PRICE_RANGES },
          ],
        },
      })

      expect(result.metadata.count).toEqual(expected.length)
      expect(facetCounts(result, "categories")).toEqual(
        countBy(expected, (product) =>
          product.categories.flatMap((category) =>
            [category.handle, category.parent_category?.handle].filter(
              (handle): handle is string => !!handle
            )
          )
        )
      )
      expect(facetCounts(result, "allergens")).toEqual(
        countBy(expected, (product) =>
          product.tags
            .filter((tag) => tag.value.startsWith("contains-"))
            .map((tag) => tag.value.replace("contains-", ""))
        )
      )
      expect(facetCounts(result, "collection")).toEqual(
        countBy(expected, (product) => [product.collection?.handle ?? ""])
      )
      expect(facetCounts(result, "in_stock")).toEqual({ true: expected.length })
      const ranges = Object.fromEntries(
        (result.facets?.price_eur?.ranges ?? []).map(({ key, count }) => [
          key,
          count,
        ])
      )
      expect(ranges).toEqual(
        Object.fromEntries(
          PRICE_RANGES.map(({ key, from = -Infinity, to = Infinity }) => [
            key,
            expected.filter((product) => {
              const price = lowestPrice(product)
              return price >= from && price < to
            }).length,
          ])
        )
      )
    })

    it("sorts by price and by newest", async () => {
      const byPrice = await search({
        pagination: { take: 100, order: { price_eur: "ASC" } },
      })
      const prices = byPrice.hits.map((hit) => Number(hit.document.price_eur))
      expect(prices).toEqual([...prices].sort((a, b) => a - b))

      const newest = await search({
        pagination: { take: 100, order: { created_at: "DESC" } },
      })
      const dates = newest.hits.map((hit) => String(hit.document.created_at))
      expect(dates).toEqual([...dates].sort().reverse())
    })

    it("shows a price change once the variant event is ingested", async () => {
      const product = await adminProduct(api, adminHeaders, "macaron-pistache")
      const boxOfSix = product.variants[0]

      await api.post(
        `/admin/products/${product.id}/variants/${boxOfSix.id}`,
        {
          prices: [
            { currency_code: "eur", amount: 9.5 },
            { currency_code: "usd", amount: 11 },
          ],
        },
        { headers: adminHeaders }
      )

      const updated = await suite.waitForDocument(
        "macaron-pistache",
        (document) => document.price_eur === 9.5,
        "the new price in the index"
      )
      expect(updated.price_usd).toEqual(11)
    })

    it("indexes the lowest base price, not a cheaper region price or price list price", async () => {
      const { data: channels } = await api.get(
        "/admin/sales-channels?name=Klelite%20Webshop",
        { headers: adminHeaders }
      )
      const { data } = await adminPost("/admin/products", {
        title: "Tarte Bourdaloue",
        handle: "tarte-bourdaloue",
        status: "published",
        sales_channels: [{ id: channels.sales_channels[0].id }],
        options: [{ title: "Taille", values: ["6 parts"] }],
        variants: [
          {
            title: "6 parts",
            manage_inventory: false,
            options: { Taille: "6 parts" },
            prices: [
              { currency_code: "eur", amount: 24 },
              { currency_code: "usd", amount: 28 },
              {
                currency_code: "eur",
                amount: 3,
                rules: { region_id: eurRegionId },
              },
            ],
          },
        ],
      })
      const created = await suite.waitForDocument(
        "tarte-bourdaloue",
        (document) => document.price_usd === 28,
        "the new product in the index"
      )
      expect(created.price_eur).toEqual(24)

      await adminPost("/admin/price-lists", {
        title: "Soldes Bourdaloue",
        description: "Tarte Bourdaloue à prix doux",
        type: "sale",
        status: "active",
        prices: [
          {
            variant_id: data.product.variants[0].id,
            currency_code: "eur",
            amount: 2,
          },
        ],
      })
      await adminPost(`/admin/products/${data.product.id}`, {
        title: "Tarte Bourdaloue aux poires",
      })
      const renamed = await suite.waitForDocument(
        "tarte-bourdaloue",
        (document) => document.title === "Tarte Bourdaloue aux poires",
        "the renamed product in the index"
      )
      expect(renamed).toEqual(
        expect.objectContaining({ price_eur: 24, price_usd: 28 })
      )
    })

    it("shows a sell-out once the stock event is ingested", async () => {
      const product = await adminProduct(api, adminHeaders, "kouign-amann")
      for (const variant of product.variants) {
        for (const { inventory_item_id } of variant.inventory_items) {
          const { data } = await api.get(
            `/admin/inventory-items/${inventory_item_id}/location-levels`,
            { headers: adminHeaders }
          )
          for (const level of data.inventory_levels) {
            await api.post(
              `/admin/inventory-items/${inventory_item_id}/location-levels/${level.location_id}`,
              { stocked_quantity: 0 },
              { headers: adminHeaders }
            )
          }
        }
      }

      await suite.waitForDocument(
        "kouign-amann",
        (document) => document.in_stock === false,
        "the sell-out in the index"
      )
      const inStock = await search({
        filters: { in_stock: true },
        pagination: { take: 100 },
      })
      expect(inStock.hits.map((hit) => hit.document.handle)).not.toContain(
        "kouign-amann"
      )
    })

    it("indexes a new product once, not once more per variant", async () => {
      const table = await productDocumentTable(dbConnection)
      // Every document write, as the table sees it.
      await dbConnection.raw(
        `CREATE TABLE search_test_writes (id text NOT NULL);
         CREATE FUNCTION search_test_log_write() RETURNS trigger AS $$
           BEGIN INSERT INTO search_test_writes VALUES (NEW.id); RETURN NEW; END
         $$ LANGUAGE plpgsql;
         CREATE TRIGGER search_test_writes AFTER INSERT OR UPDATE ON "${table}"
           FOR EACH ROW EXECUTE FUNCTION search_test_log_write();`
      )
      const { data: channels } = await api.get(
        "/admin/sales-channels?name=Klelite%20Webshop",
        { headers: adminHeaders }
      )
      const sizes = ["Petit", "Moyen", "Grand"]
      const { data } = await adminPost("/admin/products", {
        title: "Kouglof aux raisins",
        handle: "kouglof-aux-raisins",
        status: "published",
        sales_channels: [{ id: channels.sales_channels[0].id }],
        options: [{ title: "Taille", values: [...sizes, "Mini"] }],
        variants: sizes.map((size, i) => ({
          title: size,
          manage_inventory: false,
          options: { Taille: size },
          prices: [{ currency_code: "eur", amount: 12 + i * 6 }],
        })),
      })

      await suite.waitForDocument(
        "kouglof-aux-raisins",
        (document) => document.price_eur === 12,
        "the new product in the index"
      )
      // Room for every event of the creation to be handled.
      await new Promise((resolve) => setTimeout(resolve, 3000))
      const writes = await dbConnection.raw(
        `SELECT count(*) FROM search_test_writes WHERE id = ?`,
        [data.product.id]
      )
      expect(Number(writes.rows[0].count)).toEqual(1)

      // A variant added later still reaches the index.
      await adminPost(`/admin/products/${data.product.id}/variants`, {
        title: "Mini",
        manage_inventory: false,
        options: { Taille: "Mini" },
        prices: [{ currency_code: "eur", amount: 5 }],
      })
      await suite.waitForDocument(
        "kouglof-aux-raisins",
        (document) => document.price_eur === 5,
        "the added variant's price in the index"
      )
    })

    it("follows a product renamed, unpublished and deleted in the admin", async () => {
      const { id } = await adminProduct(api, adminHeaders, "paris-brest")
      await adminPost(`/admin/products/${id}`, { title: "Paris-Brest royal" })
      await suite.waitForDocument(
        "paris-brest",
        (document) => document.title === "Paris-Brest royal",
        "the new title in the index"
      )
      const royal = await search({ filters: { q: "royal" } })
      expect(royal.hits.map((hit) => hit.document.handle)).toContain(
        "paris-brest"
      )

      await adminPost(`/admin/products/${id}`, { status: "draft" })
      await waitFor(async () => (await indexedStatus(id)) === "draft", {
        what: "the unpublished product's status in the index",
      })
      expect(await byHandle("paris-brest")).toBeUndefined()

      await api.delete(`/admin/products/${id}`, { headers: adminHeaders })
      await waitFor(async () => (await indexedStatus(id)) === null, {
        what: "the deleted product out of the index",
      })
    })

    it("refuses bad input with a 4xx", async () => {
      const statuses = await Promise.all([
        searchStatus({
          entity: "product",
          search_options: { facets: ["no_such_field"] },
        }),
        searchStatus({
          entity: "product",
          pagination: { order: { no_such_field: "ASC" } },
        }),
        searchStatus({
          entity: "product",
          pagination: { order: { description: "ASC" } },
        }),
        searchStatus({ entity: "product", pagination: { take: 101 } }),
        searchStatus({
          entity: "product",
          filters: { price_eur: { $gte: "cheap" } },
        }),
        searchStatus({
          entity: "product",
          filters: { dietary: { $regex: "veg" } },
        }),
        searchStatus({ entity: "product", filters: { q: "x".repeat(201) } }),
        searchStatus({ entity: "product", unexpected: true }),
        searchStatus({ entity: "customer" }),
        searchStatus({ entity: "product" }, {}),
      ])

      expect(statuses).toEqual([
        400, 400, 400, 400, 400, 400, 400, 400, 404, 400,
      ])
    })

    it("follows a category and a tag renamed in the admin", async () => {
      const { data: categories } = await api.get(
        "/admin/product-categories?handle=breads",
        { headers: adminHeaders }
      )
      await adminPost(
        `/admin/product-categories/${categories.product_categories[0].id}`,
        { name: "Levain Breads" }
      )
      const { data: tags } = await api.get(
        "/admin/product-tags?value=nut-free",
        {
          headers: adminHeaders,
        }
      )
      await adminPost(`/admin/product-tags/${tags.product_tags[0].id}`, {
        value: "peanut-free",
      })

      const baguette = await suite.waitForDocument(
        "baguette-tradition",
        (document) =>
          (document.dietary as string[]).includes("peanut-free") &&
          (document.category_lvl0 as string[])[0] === "Levain Breads",
        "the renamed category and tag in the index"
      )
      expect(baguette.dietary).not.toContain("nut-free")
      expect(baguette.category_names).toEqual(["Levain Breads"])

      const byCategory = await search({
        filters: { category_lvl0: "Levain Breads" },
        pagination: { take: 50 },
      })
      const breads = await storeProducts()
      expect(byCategory.metadata.count).toEqual(
        breads.filter((product) =>
          product.categories.some((category) => category.handle === "breads")
        ).length
      )
    })
  },
})
