import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { Modules } from "@medusajs/framework/utils"
import seedKleliteStore from "../../src/scripts/seed"
import { seedStore } from "../utils/seeded-store"

jest.setTimeout(3 * 60 * 1000)

const CATEGORY_HANDLES = [
  "celebration-cakes",
  "entremets",
  "macarons",
  "viennoiserie",
  "breads",
  "gift-boxes",
  "seasonal",
]

type StoreProduct = {
  handle: string
  categories: { handle: string }[]
  tags: { value: string }[]
  options: { title: string }[]
  variants: {
    sku: string
    inventory_quantity: number
    calculated_price: { calculated_amount: number; currency_code: string }
  }[]
}

medusaIntegrationTestRunner({
  inApp: true,
  testSuite: ({ api, getContainer }) => {
    let headers: Record<string, string>
    let regions: { id: string; currency_code: string; name: string }[]

    beforeAll(async () => {
      ;({ storeHeaders: headers } = await seedStore(getContainer()))
    })

    beforeEach(async () => {
      const { data } = await api.get("/store/regions", { headers })
      regions = data.regions
    })

    async function listProducts(regionId: string): Promise<StoreProduct[]> {
      const { data } = await api.get(
        `/store/products?limit=200&region_id=${regionId}&fields=*categories,*tags,*options,*variants.calculated_price,+variants.inventory_quantity`,
        { headers }
      )
      return data.products
    }

    it("serves Europe in EUR and the United States in USD", () => {
      expect(regions.map((region) => region.currency_code).sort()).toEqual([
        "eur",
        "usd",
      ])
    })

    it("lists the bakery catalog with categories, tags, options, stock and prices in both currencies", async () => {
      for (const region of regions) {
        const products = await listProducts(region.id)
        expect(products.length).toBeGreaterThanOrEqual(40)
        for (const handle of CATEGORY_HANDLES) {
          expect(
            products.some((product) =>
              product.categories.some((category) => category.handle === handle)
            )
          ).toBe(true)
        }
        const tags = new Set(
          products.flatMap((product) => product.tags.map((tag) => tag.value))
        )
        expect([...tags]).toEqual(
          expect.arrayContaining(["vegan", "gluten-free", "contains-nuts"])
        )
        for (const product of products) {
          expect(product.options.length).toBeGreaterThan(0)
          for (const variant of product.variants) {
            expect(variant.calculated_price.currency_code).toEqual(
              region.currency_code
            )
            expect(variant.calculated_price.calculated_amount).toBeGreaterThan(
              0
            )
            expect(variant.inventory_quantity).toBeGreaterThan(0)
          }
        }
      }
    })

    it("lists every category and offers courier delivery and in-store pickup", async () => {
      const { data } = await api.get("/store/product-categories?limit=50", {
        headers,
      })
      expect(
        data.product_categories.map((c: { handle: string }) => c.handle)
      ).toEqual(expect.arrayContaining(CATEGORY_HANDLES))

      for (const region of regions) {
        const { data: cart } = await api.post(
          "/store/carts",
          { region_id: region.id },
          { headers }
        )
        const { data: options } = await api.get(
          `/store/shipping-options?cart_id=${cart.cart.id}`,
          { headers }
        )
        expect(
          options.shipping_options.map(
            (option: { name: string }) => option.name
          )
        ).toEqual(
          expect.arrayContaining(["Courier delivery", "In-store pickup"])
        )
      }
    })

    it("refuses store requests without a publishable key", async () => {
      const response = await api
        .get("/store/products")
        .catch((error: { response: { status: number } }) => error.response)
      expect(response.status).toEqual(400)
    })

    it("creates nothing new when the seed runs again", async () => {
      const container = getContainer()
      const product = container.resolve(Modules.PRODUCT)
      const region = container.resolve(Modules.REGION)
      const inventory = container.resolve(Modules.INVENTORY)
      const before = {
        products: (await product.listProducts({}, { take: 1000 })).length,
        variants: (await product.listProductVariants({}, { take: 5000 }))
          .length,
        regions: (await region.listRegions()).length,
        levels: (await inventory.listInventoryLevels({}, { take: 5000 }))
          .length,
      }

      const again = await seedKleliteStore({ container, args: [] })

      expect({
        products: (await product.listProducts({}, { take: 1000 })).length,
        variants: (await product.listProductVariants({}, { take: 5000 }))
          .length,
        regions: (await region.listRegions()).length,
        levels: (await inventory.listInventoryLevels({}, { take: 5000 }))
          .length,
      }).toEqual(before)
      expect(again.publishableKey).toEqual(headers["x-publishable-api-key"])
    })
  },
})
