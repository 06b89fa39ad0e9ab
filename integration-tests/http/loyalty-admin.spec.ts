import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import {
  createStep,
  createWorkflow,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import type { AxiosResponse } from "axios"
import {
  LOYALTY_MODULE,
  type LoyaltyModuleService,
  type LoyaltySettingsValues,
} from "../../src/modules/loyalty"
import { updateLoyaltySettingsStep } from "../../src/workflows/loyalty/steps/update-settings"
import { login } from "../utils/checkout"
import { loginAdmin, seedStore } from "../utils/seeded-store"

jest.setTimeout(3 * 60 * 1000)

type Headers = Record<string, string>
type Entry = { id: string; points: number; balance_after: number }

const failAfterSettingsUpdate = createStep(
  "test-fail-after-settings-update",
  async () => {
    throw new Error("Later step failed")
  }
)

/** Updates the settings, then fails: the update must be rolled back. */
const updateSettingsThenFail = createWorkflow(
  "test-update-loyalty-settings-then-fail",
  (input: Partial<LoyaltySettingsValues>) => {
    const settings = updateLoyaltySettingsStep(input)
    failAfterSettingsUpdate()
    return new WorkflowResponse(settings)
  }
)

/** The response of a request expected to fail. */
function failed(request: Promise<AxiosResponse>): Promise<AxiosResponse> {
  return request.then(
    (res) => {
      throw new Error(`Expected an error, got ${res.status}`)
    },
    (error) => error.response
  )
}

/** Waits until `read` gives the same value three times in a row. */
async function settled(read: () => Promise<number>): Promise<void> {
  let last = await read()
  for (let stable = 0; stable < 3;) {
    await new Promise((resolve) => setTimeout(resolve, 100))
    const next = await read()
    stable = next === last ? stable + 1 : 0
    last = next
  }
}

/** Parses RFC 4180 CSV (quoted cells may hold commas, quotes, newlines). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = []
  let row: string[] = []
  let cell = ""
  let quoted = false
  for (let i = 0; i < text.length; i++) {
    const char = text[i]
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        cell += '"'
        i++
      } else if (char === '"') {
        quoted = false
      } else {
        cell += char
      }
    } else if (char === '"') {
      quoted = true
    } else if (char === ",") {
      row.push(cell)
      cell = ""
    } else if (char === "\r" && text[i + 1] === "\n") {
      row.push(cell)
      rows.push(row)
      row = []
      cell = ""
      i++
    } else {
      cell += char
    }
  }
  return rows
}

medusaIntegrationTestRunner({
  inApp: true,
  testSuite: ({ api, getContainer }) => {
    let adminHeaders: Headers
    let customerId: string
    /** The demo customer's points before the test: seeding may award some. */
    let before: { balance: number; entries: number }

    const loyalty = () =>
      getContainer().resolve<LoyaltyModuleService>(LOYALTY_MODULE)

    const adjust = (body: unknown, id = customerId) =>
      api.post(`/admin/customers/${id}/loyalty/adjustments`, body, {
        headers: adminHeaders,
      })

    const countEntries = async () =>
      (await loyalty().listAndCountLoyaltyEntries({}))[1]

    const account = async () => {
      const { data } = await api.get(`/admin/customers/${customerId}/loyalty`, {
        headers: adminHeaders,
      })
      return data
    }

    beforeAll(async () => {
      await seedStore(getContainer())
      // Let subscribers to the seed's events finish before the snapshot.
      await settled(countEntries)
    })

    beforeEach(async () => {
      adminHeaders = await loginAdmin(api)
      const { data } = await api.get("/admin/customers?q=demo", {
        headers: adminHeaders,
      })
      customerId = data.customers[0].id

      const { account: current } = await account()
      const { data: ledger } = await api.get(
        `/admin/customers/${customerId}/loyalty/entries`,
        { headers: adminHeaders }
      )
      before = { balance: current.balance, entries: ledger.count }
    })

    describe("adjustments", () => {
      it("credits then debits, and the ledger matches the balance", async () => {
        const { data: me } = await api.get("/admin/users/me", {
          headers: adminHeaders,
        })

        const credit = await adjust({ points: 500, reason: "Welcome gift" })
        expect(credit.status).toEqual(200)
        expect(credit.data.entry).toEqual(
          expect.objectContaining({
            type: "adjust",
            points: 500,
            balance_after: before.balance + 500,
            reason: "Welcome gift",
            source_type: "admin",
            source_id: me.user.id,
          })
        )

        const debit = await adjust({ points: -200, reason: "Duplicate credit" })
        expect(debit.data.entry).toEqual(
          expect.objectContaining({
            type: "adjust",
            points: -200,
            balance_after: before.balance + 300,
            source_id: me.user.id,
          })
        )
        expect(debit.data.account).toEqual(
          expect.objectContaining({
            balance: before.balance + 300,
            held: 0,
            available: before.balance + 300,
          })
        )

        const { account: shown, entries } = await account()
        expect(shown).toEqual(
          expect.objectContaining({
            customer_id: customerId,
            balance: before.balance + 300,
            available: before.balance + 300,
            referral_code: expect.any(String),
            tier: expect.any(String),
          })
        )
        expect(entries.slice(0, 2).map((entry: Entry) => entry.points)).toEqual(
          [-200, 500]
        )
        expect(entries[0].balance_after).toEqual(shown.balance)

        const { data: ledger } = await api.get(
          `/admin/customers/${customerId}/loyalty/entries?limit=100`,
          { headers: adminHeaders }
        )
        expect(ledger.count).toEqual(before.entries + 2)
        const sum = ledger.entries.reduce(
          (total: number, entry: Entry) => total + entry.points,
          0
        )
        expect(sum).toEqual(shown.balance)

        const { data: page } = await api.get(
          `/admin/customers/${customerId}/loyalty/entries?limit=1&offset=1`,
          { headers: adminHeaders }
        )
        expect(page).toEqual({
          entries: [expect.objectContaining({ points: 500 })],
          count: before.entries + 2,
          limit: 1,
          offset: 1,
        })
      })

      it("refuses a debit beyond the balance and writes nothing", async () => {
        const { data } = await adjust({ points: 100, reason: "Goodwill" })
        const available = data.account.available

        const error = await failed(
          adjust({ points: -(available + 1), reason: "Too much" })
        )
        expect(error.status).toEqual(400)
        expect(error.data.message).toContain("Insufficient points")

        const { account: after } = await account()
        expect(after.balance).toEqual(before.balance + 100)
        expect(await countEntries()).toEqual(before.entries + 1)
      })

      it("debits exactly what is there under concurrent requests", async () => {
        const { data } = await adjust({ points: 500, reason: "Stock" })
        const fits = Math.min(10, Math.floor(data.account.available / 100))

        const results = await Promise.allSettled(
          Array.from({ length: 10 }, () =>
            adjust({ points: -100, reason: "Race" })
          )
        )

        const ok = results.filter((result) => result.status === "fulfilled")
        expect(ok).toHaveLength(fits)
        const { account: after } = await account()
        expect(after.balance).toEqual(data.account.balance - 100 * fits)
        expect(await countEntries()).toEqual(before.entries + 1 + fits)
      })

      it.each([
        ["a missing reason", { points: 10 }],
        ["an empty reason", { points: 10, reason: "   " }],
        ["missing points", { reason: "No points" }],
        ["zero points", { points: 0, reason: "Nothing" }],
        ["fractional points", { points: 1.5, reason: "Half" }],
        ["points as a string", { points: "10", reason: "Text" }],
        ["points as null", { points: null, reason: "Null" }],
        ["an extra field", { points: 10, reason: "Extra", type: "earn" }],
      ])("refuses %s with 400", async (_case, body) => {
        const error = await failed(adjust(body))
        expect(error.status).toEqual(400)
        expect(await countEntries()).toEqual(before.entries)
      })

      it("answers 404 for an unknown customer", async () => {
        const error = await failed(
          adjust({ points: 10, reason: "Ghost" }, "cus_unknown")
        )
        expect(error.status).toEqual(404)

        for (const path of ["loyalty", "loyalty/entries"]) {
          const read = await failed(
            api.get(`/admin/customers/cus_unknown/${path}`, {
              headers: adminHeaders,
            })
          )
          expect(read.status).toEqual(404)
        }
        expect(await countEntries()).toEqual(before.entries)
      })

      it("shows an empty account for a customer who has none", async () => {
        const { data: created } = await api.post(
          "/admin/customers",
          { email: "walk-in@klelite.local" },
          { headers: adminHeaders }
        )
        const id = created.customer.id

        const { data } = await api.get(`/admin/customers/${id}/loyalty`, {
          headers: adminHeaders,
        })
        expect(data.account).toEqual(
          expect.objectContaining({
            id: null,
            customer_id: id,
            balance: 0,
            available: 0,
            referral_code: null,
          })
        )
        expect(data.entries).toEqual([])
        const accounts = await loyalty().listLoyaltyAccounts({
          customer_id: id,
        })
        expect(accounts).toHaveLength(0)
      })

      it("shows the tier of the last 12 months, as the storefront does, not a stale stored one", async () => {
        const stored = await loyalty().getOrCreateAccount(customerId)
        await loyalty().updateLoyaltyAccounts({ id: stored.id, tier: "gold" })
        await loyalty().credit({
          customerId,
          points: 600,
          type: "earn",
          reason: "Order #7001",
          sourceType: "order",
          sourceId: "order_tier",
          metadata: { spend: 600, currency_code: "eur", multiplier: 1 },
        })
        await loyalty().updateSettings({
          tiers: [
            { name: "bronze", threshold: 0, multiplier: 1 },
            { name: "silver", threshold: 500, multiplier: 1.25 },
            { name: "gold", threshold: 1500, multiplier: 1.5 },
          ],
        })
        expect((await loyalty().accountSummary(customerId)).spend_12m).toEqual(
          600
        )

        const { account: shown } = await account()

        expect(shown.tier).toEqual("silver")
      })

      it("refuses bad paging with 400", async () => {
        for (const query of ["limit=0", "limit=101", "offset=-1", "limit=x"]) {
          const error = await failed(
            api.get(`/admin/customers/${customerId}/loyalty/entries?${query}`, {
              headers: adminHeaders,
            })
          )
          expect(error.status).toEqual(400)
        }
      })
    })

    describe("authentication", () => {
      it("answers 401 without credentials", async () => {
        const responses = await Promise.all(
          [
            api.get(`/admin/customers/${customerId}/loyalty`),
            api.get(`/admin/customers/${customerId}/loyalty/entries`),
            api.post(`/admin/customers/${customerId}/loyalty/adjustments`, {
              points: 10,
              reason: "No auth",
            }),
            api.get("/admin/loyalty/settings"),
            api.post("/admin/loyalty/settings", { min_redemption: 1 }),
            api.get("/admin/loyalty/ledger/export"),
            api.get("/admin/loyalty/liability"),
          ].map(failed)
        )
        for (const response of responses) {
          expect(response.status).toEqual(401)
        }
      })

      it("refuses a customer's token on admin routes", async () => {
        const customerHeaders = await login(
          api,
          "customer",
          "demo@klelite.local",
          "klelite-demo"
        )
        const error = await failed(
          api.post(
            `/admin/customers/${customerId}/loyalty/adjustments`,
            { points: 10, reason: "Self service" },
            { headers: customerHeaders }
          )
        )
        expect(error.status).toEqual(401)
      })
    })

    describe("settings", () => {
      it.each([
        ["an upper-case currency", { point_value: { EUR: 0.05 } }],
        ["a zero point value", { point_value: { eur: 0 } }],
        ["a negative earn rate", { points_per_unit: { eur: -1 } }],
        ["a zero cart share", { max_cart_share: 0 }],
        ["a cart share above 1", { max_cart_share: 1.5 }],
        ["a negative minimum", { min_redemption: -1 }],
        ["a fractional expiry", { expiry_months: 1.5 }],
        ["a fractional bonus", { signup_bonus: 2.5 }],
        ["no tiers", { tiers: [] }],
        [
          "duplicate tier names",
          {
            tiers: [
              { name: "gold", threshold: 0, multiplier: 1 },
              { name: "gold", threshold: 10, multiplier: 2 },
            ],
          },
        ],
        [
          "a zero multiplier",
          { tiers: [{ name: "base", threshold: 0, multiplier: 0 }] },
        ],
        [
          "a negative threshold",
          { tiers: [{ name: "base", threshold: -1, multiplier: 1 }] },
        ],
        ["an unknown field", { currency: "eur" }],
      ])("refuses %s with 400", async (_case, body) => {
        const { data: before } = await api.get("/admin/loyalty/settings", {
          headers: adminHeaders,
        })
        const error = await failed(
          api.post("/admin/loyalty/settings", body, { headers: adminHeaders })
        )
        expect(error.status).toEqual(400)

        const { data: after } = await api.get("/admin/loyalty/settings", {
          headers: adminHeaders,
        })
        expect(after.settings).toEqual(before.settings)
      })

      it("keeps a partial update and leaves the other settings alone", async () => {
        const { data: before } = await api.get("/admin/loyalty/settings", {
          headers: adminHeaders,
        })

        const { data: updated } = await api.post(
          "/admin/loyalty/settings",
          { point_value: { eur: 0.1, usd: 0.08 }, max_cart_share: 0.4 },
          { headers: adminHeaders }
        )
        expect(updated.settings.point_value).toEqual({ eur: 0.1, usd: 0.08 })

        const { data: after } = await api.get("/admin/loyalty/settings", {
          headers: adminHeaders,
        })
        expect(after.settings).toEqual(
          expect.objectContaining({
            point_value: { eur: 0.1, usd: 0.08 },
            max_cart_share: 0.4,
            min_redemption: before.settings.min_redemption,
            tiers: before.settings.tiers,
            points_per_unit: before.settings.points_per_unit,
          })
        )
      })

      it("restores the previous settings when a later step fails", async () => {
        const before = await loyalty().getSettings()

        const { errors } = await updateSettingsThenFail(getContainer()).run({
          input: { min_redemption: 999, point_value: { eur: 1 } },
          throwOnError: false,
        })
        expect(errors).toHaveLength(1)

        const after = await loyalty().getSettings()
        expect(after.min_redemption).toEqual(before.min_redemption)
        expect(after.point_value).toEqual(before.point_value)
      })
    })

    describe("ledger export", () => {
      it("streams one escaped row per entry under a header", async () => {
        const tricky = '=HYPERLINK("http://x"), then "more"'
        await adjust({ points: 300, reason: tricky })
        await adjust({ points: -40, reason: "two\nlines" })
        await adjust({ points: 5, reason: "@mention +plus -minus" })

        const res = await api.get("/admin/loyalty/ledger/export", {
          headers: adminHeaders,
          responseType: "text",
        })
        expect(res.headers["content-type"]).toContain("text/csv")
        expect(res.headers["content-disposition"]).toEqual(
          'attachment; filename="loyalty-ledger.csv"'
        )
        expect(res.data).toContain(
          '"\'=HYPERLINK(""http://x""), then ""more"""'
        )

        const [header, ...rows] = parseCsv(res.data)
        expect(header).toEqual([
          "id",
          "created_at",
          "customer_id",
          "customer_email",
          "type",
          "points",
          "balance_after",
          "reason",
          "source_type",
          "source_id",
        ])
        const [, count] = await loyalty().listAndCountLoyaltyEntries({})
        expect(rows).toHaveLength(count)

        const byReason = new Map(rows.map((row) => [row[7], row]))
        expect(byReason.get(`'${tricky}`)).toEqual(
          expect.arrayContaining([customerId, "demo@klelite.local", "300"])
        )
        expect(byReason.get("two\nlines")?.[5]).toEqual("-40")
        expect(byReason.has("'@mention +plus -minus")).toBe(true)
      })

      it("pages through a ledger longer than one query", async () => {
        const total = 1001
        for (let start = 0; start < total; start += 100) {
          await Promise.all(
            Array.from({ length: Math.min(100, total - start) }, (_, i) =>
              loyalty().credit({
                customerId,
                points: 1,
                type: "earn",
                reason: `Visit ${start + i}`,
                sourceType: "test",
              })
            )
          )
        }

        const res = await api.get("/admin/loyalty/ledger/export", {
          headers: adminHeaders,
          responseType: "text",
        })

        const [, ...rows] = parseCsv(res.data)
        const count = await countEntries()
        expect(count).toBeGreaterThan(1000)
        expect(rows).toHaveLength(count)
        expect(new Set(rows.map(([id]) => id)).size).toEqual(count)
      })
    })

    describe("liability", () => {
      it("values the summed balances at each currency's point value", async () => {
        const { data: other } = await api.post(
          "/admin/customers",
          { email: "second@klelite.local" },
          { headers: adminHeaders }
        )
        await adjust({ points: 1234, reason: "Seed" })
        await adjust({ points: 766, reason: "Seed" }, other.customer.id)

        const { data } = await api.get("/admin/loyalty/liability", {
          headers: adminHeaders,
        })

        const accounts = await loyalty().listLoyaltyAccounts({})
        const outstanding = accounts.reduce(
          (total, { balance }) => total + balance,
          0
        )
        const settings = await loyalty().getSettings()
        expect(outstanding).toBeGreaterThanOrEqual(2000)
        expect(data.outstanding_points).toEqual(outstanding)
        expect(data.accounts).toEqual(
          accounts.filter(({ balance }) => balance > 0).length
        )
        expect(data.accounts).toBeGreaterThanOrEqual(2)
        for (const [currency, value] of Object.entries(settings.point_value)) {
          expect(data.by_currency[currency].point_value).toEqual(value)
          expect(data.by_currency[currency].liability).toBeCloseTo(
            outstanding * value,
            6
          )
        }
      })
    })
  },
})
