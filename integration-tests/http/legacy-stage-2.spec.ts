import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { LEGACY_BCRYPT_PROVIDER } from "../../src/modules/auth-legacy-bcrypt"
import { FIXTURE_PASSWORDS } from "../../src/modules/legacy-migration/fixture/passwords"
import {
  LOYALTY_MODULE,
  type LoyaltyModuleService,
} from "../../src/modules/loyalty"
import {
  databaseUrl,
  uniqueDatabase,
} from "../../src/modules/legacy-migration/__tests__/support/mysql"
import type { MigrateLegacyToMedusaReport } from "../../src/workflows/legacy-migration/migrate-legacy-to-medusa"
import { migrateLegacyToMedusaWorkflow } from "../../src/workflows/legacy-migration/migrate-legacy-to-medusa"
import type { PricedVariant } from "../../src/modules/legacy-migration/stage-2/stock"
import seedKleliteStore from "../../src/scripts/seed"
import { deleteSalesChannelsWorkflow } from "@medusajs/medusa/core-flows"
import { legacySuite } from "../utils/legacy-suite"

jest.setTimeout(10 * 60 * 1000)

const STORE = {
  users: 30,
  products: 20,
  orders: 20,
  reviews: 10,
  loyaltytransactions: 20,
  flashsales: 2,
}

type Row = Record<string, unknown>

medusaIntegrationTestRunner({
  inApp: true,
  testSuite: ({ api, getContainer }) => {
    const legacy = legacySuite({
      prefix: "stage2",
      dumps: { store: STORE },
      stage1: "store",
    })
    let first: MigrateLegacyToMedusaReport
    let storeHeaders: Record<string, string>
    let listedBefore: string[]

    const mysql = async <T = Row>(sql: string, params: unknown[] = []) =>
      (await legacy.mysql.query(sql, params)) as T[]
    const query = () => getContainer().resolve(ContainerRegistrationKeys.QUERY)
    const stage2 = () =>
      migrateLegacyToMedusaWorkflow(getContainer()).run({
        input: { mysql_url: legacy.url, batch_size: 7 },
      })
    const entity = (report: MigrateLegacyToMedusaReport, name: string) =>
      report.entities.find((e) => e.entity === name)

    /** The handles `GET /store/products` lists, through the Caching Module. */
    const storeHandles = async () => {
      const { data } = await api.get(
        "/store/products?limit=500&fields=handle",
        {
          headers: storeHeaders,
        }
      )
      return (data.products as { handle: string }[]).map((p) => p.handle)
    }

    beforeAll(async () => {
      const container = getContainer()
      const seeded = await seedKleliteStore({ container, args: [] })
      storeHeaders = { "x-publishable-api-key": seeded.publishableKey }
      // With a single sales channel a store list is cached under one key
      // whatever the catalogue holds: only invalidation can refresh it.
      const channels = await container
        .resolve(Modules.SALES_CHANNEL)
        .listSalesChannels({})
      await deleteSalesChannelsWorkflow(container).run({
        input: {
          ids: channels
            .filter((channel) => channel.id !== seeded.salesChannelId)
            .map((channel) => channel.id),
        },
      })
      listedBefore = await storeHandles()
      first = (await stage2()).result
    })

    it("reports every MySQL record created or skipped, and Medusa agreeing", async () => {
      expect(first.ok).toBe(true)
      const [{ live, deleted }] = await mysql<{
        live: number
        deleted: number
      }>(
        `SELECT SUM(deleted_at IS NULL) AS live, SUM(deleted_at IS NOT NULL) AS deleted
         FROM products`
      )
      expect(Number(live)).toBeGreaterThan(10)
      expect(entity(first, "products")).toMatchObject({
        created: Number(live),
        present: 0,
        medusa: Number(live),
        skipped: Number(deleted)
          ? { deleted_in_legacy_store: Number(deleted) }
          : {},
      })
      for (const e of first.entities) {
        expect([e.entity, e.created + e.present]).toEqual([e.entity, e.medusa])
      }
      expect(first.search).toMatchObject({ rebuilt: true })
      expect(first.not_migrated.map((n) => n.records)).toEqual(
        expect.arrayContaining(["reviews", "wishlist_items"])
      )
    })

    it("creates the categories and every live product with its variants, prices, stock and category", async () => {
      const categories = await mysql<{ slug: string }>(
        "SELECT slug FROM categories"
      )
      const { data: medusaCategories } = await query().graph({
        entity: "product_category",
        fields: ["id", "handle"],
        filters: { handle: categories.map((c) => c.slug) },
      })
      expect(medusaCategories).toHaveLength(categories.length)

      const products = await mysql<Row>(
        `SELECT p.legacy_id, p.name, p.slug, p.is_active, c.slug AS category
         FROM products p LEFT JOIN categories c ON c.id = p.category_id
         WHERE p.deleted_at IS NULL`
      )
      const variants = await mysql<Row>(
        `SELECT p.legacy_id, v.sku, v.price * 100 AS cents, v.stock
         FROM product_variants v JOIN products p ON p.id = v.product_id
         WHERE p.deleted_at IS NULL`
      )
      const store = (
        await query().graph({
          entity: "store",
          fields: ["default_sales_channel_id", "default_location_id"],
        })
      ).data[0]
      const { data } = await query().graph({
        entity: "product",
        fields: [
          "external_id",
          "title",
          "handle",
          "status",
          "categories.handle",
          "sales_channels.id",
          "variants.sku",
          "variants.price_set.prices.amount",
          "variants.price_set.prices.currency_code",
        ],
        filters: { external_id: products.map((p) => String(p.legacy_id)) },
      })
      expect(data).toHaveLength(products.length)
      const medusa = new Map(data.map((p) => [p.external_id, p]))
      for (const row of products) {
        const product = medusa.get(String(row.legacy_id))
        expect(product).toMatchObject({
          title: row.name,
          handle: row.slug,
          status: row.is_active ? "published" : "draft",
        })
        expect(product?.categories?.map((c) => c?.handle)).toEqual(
          row.category ? [row.category] : []
        )
        expect(product?.sales_channels?.map((s) => s?.id)).toEqual([
          store.default_sales_channel_id,
        ])
      }

      type Priced = PricedVariant
      const medusaVariants = new Map<string, Priced>()
      for (const product of data) {
        const priced: Priced[] = product.variants ?? []
        for (const variant of priced) {
          medusaVariants.set(`${product.external_id} ${variant?.sku}`, variant)
        }
      }
      expect(medusaVariants.size).toBe(variants.length)
      const { data: items } = await query().graph({
        entity: "inventory_item",
        fields: [
          "sku",
          "location_levels.location_id",
          "location_levels.stocked_quantity",
        ],
        filters: { sku: variants.map((v) => String(v.sku)) },
      })
      const stock = new Map(
        items.map((item) => [
          item.sku,
          (item.location_levels ?? []).map((l) => [
            l?.location_id,
            Number(l?.stocked_quantity),
          ]),
        ])
      )
      for (const row of variants) {
        const variant = medusaVariants.get(`${row.legacy_id} ${row.sku}`)
        const prices = (variant?.price_set?.prices ?? []).map((p) => [
          p?.currency_code,
          Math.round(Number(p?.amount) * 100),
        ])
        expect([row.sku, prices]).toEqual([
          row.sku,
          [["eur", Number(row.cents)]],
        ])
        expect([row.sku, stock.get(String(row.sku))]).toEqual([
          row.sku,
          [[store.default_location_id, Number(row.stock)]],
        ])
      }
    })

    it("lists the migrated products in the store at once, though the list was cached before", async () => {
      const published = await mysql<{ slug: string }>(
        "SELECT slug FROM products WHERE deleted_at IS NULL AND is_active = 1"
      )
      expect(published.length).toBeGreaterThan(0)
      expect(listedBefore).not.toEqual(
        expect.arrayContaining([published[0].slug])
      )
      expect(await storeHandles()).toEqual(
        expect.arrayContaining([
          ...listedBefore,
          ...published.map((p) => p.slug),
        ])
      )
    })

    it("creates every live customer with their addresses and opening loyalty balance, without a welcome bonus", async () => {
      const customers = await mysql<Row>(
        `SELECT c.legacy_id, c.email, c.loyalty_points,
           (SELECT COUNT(*) FROM customer_addresses a WHERE a.customer_id = c.id) AS addresses
         FROM customers c WHERE c.deleted_at IS NULL`
      )
      const { data } = await query().graph({
        entity: "customer",
        fields: ["id", "email", "has_account", "metadata", "addresses.id"],
        filters: { email: customers.map((c) => String(c.email)) },
      })
      expect(customers.length).toBeGreaterThan(10)
      expect(data).toHaveLength(customers.length)
      const byEmail = new Map(data.map((c) => [c.email, c]))
      const loyalty =
        getContainer().resolve<LoyaltyModuleService>(LOYALTY_MODULE)
      const accounts = await loyalty.listLoyaltyAccounts({
        customer_id: data.map((c) => c.id),
      })
      const balances = new Map(
        accounts.map((a) => [a.customer_id, Number(a.balance)])
      )
      for (const row of customers) {
        const customer = byEmail.get(String(row.email))
        expect(customer).toMatchObject({
          has_account: true,
          metadata: { legacy_id: row.legacy_id },
        })
        expect([row.email, customer?.addresses?.length]).toEqual([
          row.email,
          Number(row.addresses),
        ])
        expect([row.email, balances.get(customer?.id ?? "") ?? 0]).toEqual([
          row.email,
          Number(row.loyalty_points),
        ])
      }
      const [{ points }] = await mysql<{ points: number }>(
        "SELECT SUM(loyalty_points) AS points FROM customers WHERE deleted_at IS NULL"
      )
      expect(entity(first, "loyalty_balances")?.medusa).toBe(Number(points))
    })

    it("changes nothing when run again", async () => {
      const counts = async () => {
        const product = getContainer().resolve(Modules.PRODUCT)
        const customer = getContainer().resolve(Modules.CUSTOMER)
        const inventory = getContainer().resolve(Modules.INVENTORY)
        const auth = getContainer().resolve(Modules.AUTH)
        const loyalty =
          getContainer().resolve<LoyaltyModuleService>(LOYALTY_MODULE)
        return {
          products: (await product.listAndCountProducts({}, { take: 1 }))[1],
          variants: (
            await product.listAndCountProductVariants({}, { take: 1 })
          )[1],
          categories: (
            await product.listAndCountProductCategories({}, { take: 1 })
          )[1],
          customers: (await customer.listAndCountCustomers({}, { take: 1 }))[1],
          addresses: (
            await customer.listAndCountCustomerAddresses({}, { take: 1 })
          )[1],
          levels: (
            await inventory.listAndCountInventoryLevels({}, { take: 1 })
          )[1],
          identities: (await auth.listProviderIdentities({})).length,
          entries: (
            await loyalty.listAndCountLoyaltyEntries({}, { take: 1 })
          )[1],
        }
      }
      const before = await counts()
      const { result: again } = await stage2()
      expect(again.ok).toBe(true)
      for (const e of again.entities) {
        expect([e.entity, e.created, e.present]).toEqual([
          e.entity,
          0,
          (entity(first, e.entity)?.created ?? 0) +
            (entity(first, e.entity)?.present ?? 0),
        ])
      }
      expect(await counts()).toEqual(before)
    })

    it("signs a migrated customer in with the legacy password once, then with emailpass", async () => {
      const rows = await mysql<{ email: string; password_hash: string }>(
        "SELECT email, password_hash FROM customers WHERE deleted_at IS NULL ORDER BY id LIMIT 1"
      )
      const [{ email, password_hash }] = rows
      const fixture = FIXTURE_PASSWORDS.find((p) => p.hash === password_hash)
      const wrong = FIXTURE_PASSWORDS.find((p) => p.hash !== password_hash)
      const { data: customers } = await query().graph({
        entity: "customer",
        fields: ["id"],
        filters: { email, has_account: true },
      })
      const login = (provider: string, password?: string) =>
        api.post(`/auth/customer/${provider}`, { email, password }).then(
          (r) => ({ status: r.status, token: r.data.token as string }),
          (e) => ({ status: e.response?.status, token: "" })
        )
      const actor = (token: string) =>
        JSON.parse(Buffer.from(token.split(".")[1], "base64url").toString())
          .actor_id

      expect(
        (await login(LEGACY_BCRYPT_PROVIDER, wrong?.password)).status
      ).toBe(401)
      expect((await login("emailpass", fixture?.password)).status).toBe(401)
      const legacy = await login(LEGACY_BCRYPT_PROVIDER, fixture?.password)
      expect(legacy.status).toBe(200)
      expect(actor(legacy.token)).toBe(customers[0].id)

      const moved = await login("emailpass", fixture?.password)
      expect(moved.status).toBe(200)
      expect(actor(moved.token)).toBe(customers[0].id)
      expect((await login("emailpass", wrong?.password)).status).toBe(401)

      // Stage 2 again never brings the used legacy hash back.
      const { result } = await stage2()
      expect(entity(result, "legacy_logins")?.created).toBe(0)
      expect(
        (await login(LEGACY_BCRYPT_PROVIDER, fixture?.password)).status
      ).toBe(401)
      expect((await login("emailpass", fixture?.password)).status).toBe(200)
    })

    it("completes a run again after Medusa repriced and sold migrated products, creating nothing and keeping Medusa's figures", async () => {
      const [row] = await mysql<{ sku: string; price: string; stock: number }>(
        `SELECT v.sku, v.price, v.stock
         FROM product_variants v JOIN products p ON p.id = v.product_id
         WHERE p.deleted_at IS NULL AND v.stock >= 10 ORDER BY v.id LIMIT 1`
      )
      const {
        data: [variant],
      } = await query().graph({
        entity: "product_variant",
        fields: ["price_set.id"],
        filters: { sku: row.sku },
      })
      const repriced = Number(row.price) + 1
      await getContainer()
        .resolve(Modules.PRICING)
        .updatePriceSets(variant.price_set?.id ?? "", {
          prices: [{ amount: repriced, currency_code: "eur" }],
        })
      const inventory = getContainer().resolve(Modules.INVENTORY)
      const {
        data: [item],
      } = await query().graph({
        entity: "inventory_item",
        fields: ["id", "location_levels.location_id"],
        filters: { sku: row.sku },
      })
      const level = {
        inventory_item_id: item.id,
        location_id: item.location_levels?.[0]?.location_id ?? "",
      }
      const sold = Number(row.stock) - 10
      await inventory.updateInventoryLevels([
        {
          inventory_item_id: level.inventory_item_id,
          location_id: level.location_id,
          stocked_quantity: sold,
        },
      ])

      const { result } = await stage2()
      expect(result.ok).toBe(true)
      for (const e of result.entities) {
        expect([e.entity, e.created]).toEqual([e.entity, 0])
      }
      const {
        data: [after],
      } = await query().graph({
        entity: "product_variant",
        fields: ["price_set.prices.amount"],
        filters: { sku: row.sku },
      })
      expect(after.price_set?.prices?.map((p) => Number(p?.amount))).toEqual([
        repriced,
      ])
      const [kept] = await inventory.listInventoryLevels({
        inventory_item_id: level.inventory_item_id,
        location_id: level.location_id,
      })
      expect(Number(kept.stocked_quantity)).toBe(sold)
    })

    it("gives a customer a legacy login though an admin user's login has the same email", async () => {
      const [{ email, legacy_id }] = await mysql<{
        email: string
        legacy_id: string
      }>(
        "SELECT email, legacy_id FROM customers WHERE deleted_at IS NULL ORDER BY id DESC LIMIT 1"
      )
      const auth = getContainer().resolve(Modules.AUTH)
      const logins = () =>
        auth.listProviderIdentities(
          { entity_id: email },
          { relations: ["auth_identity"] }
        )
      // As if this customer had never been given a login, while an admin
      // user signs in with the same email.
      await auth.deleteAuthIdentities(
        (await logins()).flatMap((i) =>
          i.auth_identity_id ? [i.auth_identity_id] : []
        )
      )
      await auth.createAuthIdentities({
        provider_identities: [{ provider: "emailpass", entity_id: email }],
        app_metadata: { user_id: `user_${legacy_id}` },
      })

      const { result } = await stage2()
      expect(result.ok).toBe(true)
      expect(entity(result, "legacy_logins")?.created).toBe(1)
      const {
        data: [customer],
      } = await query().graph({
        entity: "customer",
        fields: ["id"],
        filters: { email, has_account: true },
      })
      expect(
        (await logins())
          .map((i) => [i.provider, i.auth_identity?.app_metadata])
          .sort()
      ).toEqual([
        ["emailpass", { user_id: `user_${legacy_id}` }],
        [LEGACY_BCRYPT_PROVIDER, { customer_id: customer.id }],
      ])
    })

    it("records each run in MySQL: the first completed with its report, one stopped by an error as failed with the reason", async () => {
      const [recorded] = await mysql<{ status: string; report: unknown }>(
        `SELECT status, report FROM migration_stage_2_runs
         ORDER BY started_at LIMIT 1`
      )
      expect(recorded.status).toBe("completed")
      // The driver hands JSON columns back parsed or as text, by server version.
      const report =
        typeof recorded.report === "string"
          ? JSON.parse(recorded.report)
          : recorded.report
      expect(report).toEqual(first)

      const id = `legacy-stage-2-stopped-${Date.now()}`
      const { errors } = await migrateLegacyToMedusaWorkflow(
        getContainer()
      ).run({
        input: { mysql_url: legacy.url, stock_location_id: "sloc_nope" },
        context: { transactionId: id },
        throwOnError: false,
      })
      expect(errors[0]?.error?.message).toMatch(/sloc_nope does not exist/)
      const [stopped] = await mysql<Row>(
        `SELECT status, error, finished_at FROM migration_stage_2_runs
         WHERE id = ?`,
        [id]
      )
      // The step that failed noted why; undoing the run marked it failed.
      expect(stopped).toEqual({
        status: "failed",
        error: "Stock location sloc_nope does not exist",
        finished_at: expect.any(Date),
      })
    })

    it("fails with one clear message when the MySQL database is missing or has no legacy tables", async () => {
      const run = async (db: string) => {
        const { errors } = await migrateLegacyToMedusaWorkflow(
          getContainer()
        ).run({
          input: { mysql_url: databaseUrl(db) },
          throwOnError: false,
        })
        return errors[0]?.error?.message
      }
      const empty = uniqueDatabase("stage2_empty")
      expect(await run(empty)).toMatch(/does not exist on .*: run stage 1/)
      await legacy.mysql.query(`CREATE DATABASE \`${empty}\``)
      try {
        expect(await run(empty)).toMatch(/has no legacy tables: run stage 1/)
      } finally {
        await legacy.mysql.query(`DROP DATABASE IF EXISTS \`${empty}\``)
      }
    })
  },
})
