import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import type { SearchTypes } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { FuzzyPostgresSearchService } from "../../src/modules/search-postgres-fuzzy"
import { productDocumentTable, searchSuite } from "../utils/search-suite"

jest.setTimeout(10 * 60 * 1000)

/** Products created by the one batch request. */
const BATCH = 200

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

medusaIntegrationTestRunner({
  inApp: true,
  testSuite: ({ api, getContainer, dbConnection }) => {
    const suite = searchSuite({ api, getContainer }, { admin: true })

    /** An admin POST whose failure reports the response body. */
    const adminPost = (path: string, body: unknown) =>
      api.post(path, body, { headers: suite.adminHeaders() }).catch((error) => {
        throw new Error(
          `POST ${path}: ${error.response?.status} ${JSON.stringify(error.response?.data)}`
        )
      })

    const webshopId = async () => {
      const { data } = await api.get(
        "/admin/sales-channels?name=Klelite%20Webshop",
        { headers: suite.adminHeaders() }
      )
      return data.sales_channels[0].id as string
    }

    /** Logs every row the active product index table receives. */
    const logDocumentWrites = async () => {
      const table = await productDocumentTable(dbConnection)
      await dbConnection.raw(
        `CREATE TABLE IF NOT EXISTS search_bulk_writes (id text NOT NULL);
         CREATE OR REPLACE FUNCTION search_bulk_log_write() RETURNS trigger AS $$
           BEGIN INSERT INTO search_bulk_writes VALUES (NEW.id); RETURN NEW; END
         $$ LANGUAGE plpgsql;
         DROP TRIGGER IF EXISTS search_bulk_writes ON "${table}";
         CREATE TRIGGER search_bulk_writes AFTER INSERT OR UPDATE ON "${table}"
           FOR EACH ROW EXECUTE FUNCTION search_bulk_log_write();`
      )
    }

    it("indexes a batch of 200 new products with one read and a few writes, each product written once", async () => {
      await logDocumentWrites()
      const salesChannel = await webshopId()
      const upserts = jest.spyOn(
        FuzzyPostgresSearchService.prototype,
        "upsertDocuments"
      )
      const create = Array.from({ length: BATCH }, (_, i) => ({
        title: `Sablé zéphyrin ${i}`,
        handle: `sable-zephyrin-${i}`,
        status: "published",
        sales_channels: [{ id: salesChannel }],
        options: [{ title: "Boîte", values: ["6", "12"] }],
        variants: ["6", "12"].map((size) => ({
          title: `Boîte de ${size}`,
          sku: `KLE-LOT-${i}-${size}`,
          manage_inventory: false,
          options: { Boîte: size },
          prices: [{ currency_code: "eur", amount: 4 + Number(size) }],
        })),
      }))

      const { data } = await adminPost("/admin/products/batch", { create })
      const ids: string[] = data.created.map(
        (product: { id: string }) => product.id
      )
      expect(ids).toHaveLength(BATCH)

      const found = async () =>
        (
          await suite.search({
            filters: { q: "zephyrin" },
            pagination: { take: 0 },
          })
        ).metadata.count
      const deadline = Date.now() + 60_000
      while ((await found()) !== BATCH && Date.now() < deadline) {
        await sleep(200)
      }
      expect(await found()).toEqual(BATCH)
      // Room for every event of the batch (a product and two variants each) to be handled.
      await sleep(3000)

      const ours = new Set(ids)
      const calls = upserts.mock.calls
        .map(([input]) =>
          input.documents.filter((document: SearchTypes.SearchDocument) =>
            ours.has(String(document.id))
          )
        )
        .filter((documents) => documents.length)
      upserts.mockRestore()
      const documents = calls.flat()
      console.info(
        `search: ${BATCH} products with ${BATCH * 2} variants (${BATCH * 3} events) written in ${calls.length} upserts of ${documents.length} documents`
      )
      // One write per window of events, not one per event.
      expect(calls.length).toBeGreaterThanOrEqual(1)
      expect(calls.length).toBeLessThanOrEqual(BATCH / 20)
      expect(documents).toHaveLength(BATCH)

      const { rows } = await dbConnection.raw(
        `SELECT id, count(*)::int AS writes FROM search_bulk_writes
         WHERE id = ANY(?) GROUP BY id`,
        [ids]
      )
      expect(rows).toHaveLength(BATCH)
      expect(rows.every((row: { writes: number }) => row.writes === 1)).toBe(
        true
      )

      const sample = await suite.byHandle("sable-zephyrin-7")
      expect(sample).toEqual(
        expect.objectContaining({
          options: ["6", "12"],
          skus: expect.arrayContaining(["KLE-LOT-7-6", "KLE-LOT-7-12"]),
          price_eur: 10,
        })
      )
    })

    it("indexes a variant added right after its product was created", async () => {
      const { data } = await adminPost("/admin/products", {
        title: "Financier noisette",
        handle: "financier-noisette-lot",
        status: "published",
        sales_channels: [{ id: await webshopId() }],
        options: [{ title: "Boîte", values: ["4", "1"] }],
        variants: [
          {
            title: "Boîte de 4",
            manage_inventory: false,
            options: { Boîte: "4" },
            prices: [{ currency_code: "eur", amount: 9 }],
          },
        ],
      })
      // Well within a second of the product: no time rule can tell it apart
      // from the variants created with the product.
      await adminPost(`/admin/products/${data.product.id}/variants`, {
        title: "À l'unité",
        manage_inventory: false,
        options: { Boîte: "1" },
        prices: [{ currency_code: "eur", amount: 2.5 }],
      })

      const document = await suite.waitForDocument(
        "financier-noisette-lot",
        (found) => found.price_eur === 2.5,
        "the added variant's price in the index"
      )
      expect(document.options).toEqual(["1", "4"])
    })

    it("keeps a nested category's hierarchy in the document, and follows an ancestor renamed", async () => {
      const category = async (body: Record<string, unknown>) =>
        (await adminPost("/admin/product-categories", body)).data
          .product_category as { id: string }
      const root = await category({
        name: "Fêtes",
        handle: "fetes",
        is_active: true,
      })
      const child = await category({
        name: "Noël",
        handle: "noel-fetes",
        is_active: true,
        parent_category_id: root.id,
      })
      const leaf = await category({
        name: "Bûches glacées",
        handle: "buches-glacees",
        is_active: true,
        parent_category_id: child.id,
      })
      const query = getContainer().resolve(ContainerRegistrationKeys.QUERY)
      const graph = jest.spyOn(query, "graph")
      await adminPost("/admin/products", {
        title: "Bûche glacée cassis des fêtes",
        handle: "buche-glacee-cassis-fetes",
        status: "published",
        sales_channels: [{ id: await webshopId() }],
        categories: [{ id: leaf.id }],
        options: [{ title: "Taille", values: ["6 parts"] }],
        variants: [
          {
            title: "6 parts",
            manage_inventory: false,
            options: { Taille: "6 parts" },
            prices: [{ currency_code: "eur", amount: 42 }],
          },
        ],
      })

      const document = await suite.waitForDocument(
        "buche-glacee-cassis-fetes",
        (found) => (found.categories as string[]).length === 3,
        "the product with its category and the ancestors"
      )
      expect(document).toEqual(
        expect.objectContaining({
          categories: ["fetes", "noel-fetes", "buches-glacees"],
          category_names: ["Fêtes", "Noël", "Bûches glacées"],
          category_lvl0: ["Fêtes"],
          category_lvl1: ["Fêtes > Noël"],
        })
      )
      // The event update read the product's category and its ancestors by
      // id, none of the seeded bakery's categories.
      const categoryReads = graph.mock.calls
        .map(([config]) => config)
        .filter((config) => config.entity === "product_category")
      graph.mockRestore()
      expect(
        categoryReads.filter((config) => !Array.isArray(config.filters?.id))
      ).toEqual([])
      expect(
        new Set(categoryReads.flatMap((config) => config.filters?.id))
      ).toEqual(new Set([root.id, child.id, leaf.id]))

      await adminPost(`/admin/product-categories/${root.id}`, {
        name: "Fêtes de fin d'année",
      })
      const renamed = await suite.waitForDocument(
        "buche-glacee-cassis-fetes",
        (found) =>
          (found.category_lvl0 as string[])[0] === "Fêtes de fin d'année",
        "the renamed root category in the leaf's product"
      )
      expect(renamed.category_lvl1).toEqual(["Fêtes de fin d'année > Noël"])
      expect(renamed.categories).toEqual([
        "fetes",
        "noel-fetes",
        "buches-glacees",
      ])
    })
  },
})
