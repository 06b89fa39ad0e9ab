import { medusaIntegrationTestRunner } from "@medusajs/test-utils"

import { waitFor } from "../utils/wait-for"
import { facetCounts, searchSuite } from "../utils/search-suite"

jest.setTimeout(10 * 60 * 1000)

type Headers = Record<string, string>

medusaIntegrationTestRunner({
  inApp: true,
  testSuite: ({ api, getContainer }) => {
    const suite = searchSuite({ api, getContainer }, { admin: true })
    const { search, byHandle } = suite
    let adminHeaders: Headers

    beforeEach(() => {
      adminHeaders = suite.adminHeaders()
    })

    /** An admin call whose failure reports the response body. */
    const admin = (
      method: "get" | "post" | "delete",
      path: string,
      body = {}
    ) =>
      (method === "post"
        ? api.post(path, body, { headers: adminHeaders })
        : api[method](path, { headers: adminHeaders })
      ).catch((error) => {
        throw new Error(
          `${method} ${path}: ${error.response?.status} ${JSON.stringify(error.response?.data)}`
        )
      })

    /** The id of the first admin record `path` lists under `key`. */
    const firstId = async (path: string, key: string) =>
      (await admin("get", path)).data[key][0].id as string

    const productId = (handle: string) =>
      firstId(`/admin/products?handle=${handle}`, "products")

    /** Facet values of the whole store index for `field`. */
    const facetValues = async (field: string) =>
      Object.keys(
        facetCounts(
          await search({
            pagination: { take: 0 },
            search_options: { facets: [{ field, limit: 100 }] },
          }),
          field
        )
      )

    it("follows a product removed from and added back to a sales channel", async () => {
      const id = await productId("fougasse-aux-olives")
      const channelId = await firstId(
        "/admin/sales-channels?name=Klelite%20Webshop",
        "sales_channels"
      )
      expect(await byHandle("fougasse-aux-olives")).toBeDefined()

      await admin("post", `/admin/sales-channels/${channelId}/products`, {
        remove: [id],
      })
      await waitFor(
        async () => (await byHandle("fougasse-aux-olives")) === undefined,
        { what: "the product out of the channel's search" }
      )

      await admin("post", `/admin/sales-channels/${channelId}/products`, {
        add: [id],
      })
      await suite.waitForDocument(
        "fougasse-aux-olives",
        (document) =>
          (document.sales_channel_ids as string[]).includes(channelId),
        "the product back in the channel's search"
      )
    })

    it("follows products moved by the collection and category batch routes", async () => {
      const id = await productId("pain-de-campagne")
      const signatureId = await firstId(
        "/admin/collections?handle=signature",
        "collections"
      )
      const seasonalId = await firstId(
        "/admin/product-categories?handle=seasonal",
        "product_categories"
      )
      const breadsId = await firstId(
        "/admin/product-categories?handle=breads",
        "product_categories"
      )

      await admin("post", `/admin/collections/${signatureId}/products`, {
        add: [id],
      })
      await admin("post", `/admin/product-categories/${seasonalId}/products`, {
        add: [id],
      })
      await admin("post", `/admin/product-categories/${breadsId}/products`, {
        remove: [id],
      })

      const moved = await suite.waitForDocument(
        "pain-de-campagne",
        (document) =>
          document.collection === "signature" &&
          (document.categories as string[]).join() === "seasonal",
        "the new collection and category in the index"
      )
      expect(moved.category_lvl0).toEqual(["Seasonal"])
    })

    it("drops deleted tags, collections and categories from the facets", async () => {
      expect(await facetValues("dietary")).toContain("nut-free")
      expect(await facetValues("collection")).toContain("holiday-2026")
      expect(await facetValues("categories")).toContain("gift-boxes")

      const tagId = await firstId(
        "/admin/product-tags?value=nut-free",
        "product_tags"
      )
      const collectionId = await firstId(
        "/admin/collections?handle=holiday-2026",
        "collections"
      )
      const categoryId = await firstId(
        "/admin/product-categories?handle=gift-boxes",
        "product_categories"
      )
      await admin("delete", `/admin/product-tags/${tagId}`)
      await admin("delete", `/admin/collections/${collectionId}`)
      await admin("delete", `/admin/product-categories/${categoryId}`)

      await waitFor(
        async () => !(await facetValues("dietary")).includes("nut-free"),
        { what: "the deleted tag out of the dietary facet" }
      )
      await waitFor(
        async () => !(await facetValues("collection")).includes("holiday-2026"),
        { what: "the deleted collection out of the collection facet" }
      )
      await waitFor(
        async () => !(await facetValues("categories")).includes("gift-boxes"),
        { what: "the deleted category out of the category facet" }
      )
    })
  },
})
