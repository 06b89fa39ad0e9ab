import { SqlEntityManager } from "@medusajs/framework/mikro-orm/postgresql"
import { createMedusaContainer, MedusaError } from "@medusajs/framework/utils"
import { asValue } from "@medusajs/framework/awilix"
import { moduleIntegrationTestRunner } from "@medusajs/test-utils"
import path from "path"
import { LOYALTY_MODULE } from ".."
import {
  LoyaltyAccount,
  LoyaltyEntry,
  LoyaltyHold,
  LoyaltySettings,
} from "../models"
import LoyaltyModuleService from "../service"
import type { LoyaltyEntryDTO } from "../types"
import { DEFAULT_LOYALTY_SETTINGS } from "../utils/settings"
import { rollBackEntry } from "../../../workflows/loyalty/utils/rollback-entry"

jest.setTimeout(120_000)

type Ledger = {
  balance: number
  held: number
  entries: Pick<
    LoyaltyEntryDTO,
    "points" | "balance_after" | "idempotency_key"
  >[]
}

function errorType(reason: unknown): string | undefined {
  return reason instanceof MedusaError ? reason.type : undefined
}

/** A container holding the loyalty service, as workflow steps resolve it. */
function containerWith(service: LoyaltyModuleService) {
  const container = createMedusaContainer()
  container.register(LOYALTY_MODULE, asValue(service))
  return container
}

moduleIntegrationTestRunner<LoyaltyModuleService>({
  moduleName: LOYALTY_MODULE,
  moduleModels: [LoyaltyAccount, LoyaltyEntry, LoyaltyHold, LoyaltySettings],
  resolve: "./src/modules/loyalty",
  // The schema comes from the module's own migration, so it is tested too.
  pathToMigrations: path.join(__dirname, "..", "migrations"),
  testSuite: ({ service }) => {
    /** The account's counters and its entries in ledger order. */
    async function ledgerOf(customerId: string): Promise<Ledger> {
      const [account] = await service.listLoyaltyAccounts({
        customer_id: customerId,
      })
      const entries = await service.listLoyaltyEntries(
        { account_id: account.id },
        { order: { created_at: "ASC" }, take: null }
      )
      return { balance: account.balance, held: account.held, entries }
    }

    /** Asserts the ledger invariants: sums, running balances, no negatives. */
    function expectConsistent({ balance, held, entries }: Ledger): void {
      let running = 0
      for (const entry of entries) {
        running += entry.points
        expect(entry.balance_after).toBe(running)
        expect(entry.balance_after).toBeGreaterThanOrEqual(0)
      }
      expect(running).toBe(balance)
      expect(held).toBeGreaterThanOrEqual(0)
      expect(held).toBeLessThanOrEqual(balance)
    }

    async function fund(customerId: string, points: number): Promise<void> {
      await service.credit({
        customerId,
        points,
        type: "earn",
        reason: "Opening balance",
        sourceType: "admin",
      })
    }

    describe("getOrCreateAccount", () => {
      it("creates one account for 10 concurrent calls", async () => {
        const accounts = await Promise.all(
          Array.from({ length: 10 }, () =>
            service.getOrCreateAccount("cus_race")
          )
        )

        expect(new Set(accounts.map((account) => account.id)).size).toBe(1)
        const stored = await service.listLoyaltyAccounts({
          customer_id: "cus_race",
        })
        expect(stored).toHaveLength(1)
        expect(stored[0]).toMatchObject({
          id: expect.stringMatching(/^lacc_/),
          balance: 0,
          held: 0,
          lifetime_earned: 0,
          tier: "bronze",
          referral_code: expect.stringMatching(/^[0-9A-HJKMNP-TV-Z]{8}$/),
        })
      })

      it("gives each customer a different referral code", async () => {
        const accounts = await Promise.all(
          Array.from({ length: 20 }, (_, i) =>
            service.getOrCreateAccount(`cus_${i}`)
          )
        )
        const codes = new Set(accounts.map((account) => account.referral_code))
        expect(codes.size).toBe(20)
      })
    })

    describe("credit", () => {
      it("adds points, counts earnings and records the entry", async () => {
        const entry = await service.credit({
          customerId: "cus_1",
          points: 120,
          type: "earn",
          reason: 'Order #1001 — it\'s "paid"? yes',
          sourceType: "order",
          sourceId: "order_1",
          metadata: { total: 120 },
        })
        await service.credit({
          customerId: "cus_1",
          points: 30,
          type: "adjust",
          reason: "Goodwill",
          sourceType: "admin",
        })

        expect(entry).toMatchObject({
          id: expect.stringMatching(/^lent_/),
          type: "earn",
          points: 120,
          balance_after: 120,
          reason: 'Order #1001 — it\'s "paid"? yes',
          source_type: "order",
          source_id: "order_1",
          idempotency_key: null,
          metadata: { total: 120 },
        })
        const [account] = await service.listLoyaltyAccounts({
          customer_id: "cus_1",
        })
        expect(account).toMatchObject({ balance: 150, lifetime_earned: 120 })
        expect(account.last_activity_at).toBeInstanceOf(Date)
        expectConsistent(await ledgerOf("cus_1"))
      })

      it("credits once for 5 concurrent calls with the same key", async () => {
        await fund("cus_1", 10)

        const entries = await Promise.all(
          Array.from({ length: 5 }, () =>
            service.credit({
              customerId: "cus_1",
              points: 40,
              type: "earn",
              reason: "Order #1002",
              sourceType: "order",
              sourceId: "order_2",
              idempotencyKey: "order.placed:order_2",
            })
          )
        )

        expect(new Set(entries.map((entry) => entry.id)).size).toBe(1)
        const ledger = await ledgerOf("cus_1")
        expect(ledger.balance).toBe(50)
        expect(
          ledger.entries.filter(
            (entry) => entry.idempotency_key === "order.placed:order_2"
          )
        ).toHaveLength(1)
        expectConsistent(ledger)
      })

      it("credits a new customer once for concurrent keyed calls", async () => {
        const entries = await Promise.all(
          Array.from({ length: 5 }, () =>
            service.credit({
              customerId: "cus_new",
              points: 50,
              type: "bonus",
              reason: "Welcome",
              sourceType: "rule",
              idempotencyKey: "signup:cus_new",
            })
          )
        )

        expect(new Set(entries.map((entry) => entry.id)).size).toBe(1)
        const ledger = await ledgerOf("cus_new")
        expect(ledger.balance).toBe(50)
        expect(ledger.entries).toHaveLength(1)
      })

      it("refuses a key reused for a different change", async () => {
        const first = {
          customerId: "cus_1",
          points: 40,
          type: "earn" as const,
          reason: "Order #1003",
          sourceType: "order",
          idempotencyKey: "order.placed:order_3",
        }
        await service.credit(first)

        const reused = await service
          .credit({ ...first, points: 41 })
          .catch((error: unknown) => error)
        const otherCustomer = await service
          .credit({ ...first, customerId: "cus_2" })
          .catch((error: unknown) => error)

        expect(errorType(reused)).toBe(MedusaError.Types.CONFLICT)
        expect(errorType(otherCustomer)).toBe(MedusaError.Types.CONFLICT)
        expect((await ledgerOf("cus_1")).balance).toBe(40)
      })

      it("rejects invalid points and types", async () => {
        const base = {
          customerId: "cus_1",
          type: "earn" as const,
          reason: "x",
          sourceType: "admin",
        }
        for (const points of [0, -5, 1.5, Number.NaN]) {
          const error = await service
            .credit({ ...base, points })
            .catch((e: unknown) => e)
          expect(errorType(error)).toBe(MedusaError.Types.INVALID_DATA)
        }
        const untyped = { ...base, points: 1 }
        const wrongType = await service
          // @ts-expect-error callers without types can send a credit-only type
          .debit(untyped)
          .catch((e: unknown) => e)
        expect(errorType(wrongType)).toBe(MedusaError.Types.INVALID_DATA)
      })
    })

    describe("debit", () => {
      it("lets exactly 71 of 100 concurrent 7-point debits through 500", async () => {
        await fund("cus_1", 500)

        const started = Date.now()
        const results = await Promise.allSettled(
          Array.from({ length: 100 }, (_, i) =>
            service.debit({
              customerId: "cus_1",
              points: 7,
              type: "redeem",
              reason: `Redemption ${i}`,
              sourceType: "cart",
              sourceId: `cart_${i}`,
            })
          )
        )
        const elapsed = Date.now() - started

        const fulfilled = results.filter((r) => r.status === "fulfilled")
        const rejected = results.flatMap((r) =>
          r.status === "rejected" ? [r.reason] : []
        )
        expect(fulfilled).toHaveLength(71)
        expect(rejected).toHaveLength(29)
        for (const reason of rejected) {
          expect(errorType(reason)).toBe(MedusaError.Types.NOT_ALLOWED)
          expect(String(reason.message)).toMatch(/^Insufficient points: /)
        }

        const ledger = await ledgerOf("cus_1")
        expect(ledger.balance).toBe(3)
        expect(ledger.entries).toHaveLength(72)
        expectConsistent(ledger)
        const balances = ledger.entries.slice(1).map((e) => e.balance_after)
        expect(balances).toEqual(
          Array.from({ length: 71 }, (_, i) => 500 - 7 * (i + 1))
        )
        console.info(`100 concurrent debits settled in ${elapsed} ms`)
      })

      it("refuses more than the balance and writes nothing", async () => {
        await fund("cus_1", 20)
        const before = await ledgerOf("cus_1")

        const error = await service
          .debit({
            customerId: "cus_1",
            points: 21,
            type: "redeem",
            reason: "Too much",
            sourceType: "cart",
            idempotencyKey: "too-much",
          })
          .catch((e: unknown) => e)

        expect(errorType(error)).toBe(MedusaError.Types.NOT_ALLOWED)
        expect(error).toHaveProperty(
          "message",
          "Insufficient points: requested 21, available 20"
        )
        const after = await ledgerOf("cus_1")
        expect(after).toEqual(before)
        const [account] = await service.listLoyaltyAccounts({
          customer_id: "cus_1",
        })
        expect(account.balance).toBe(20)
      })

      it("refuses a customer without an account", async () => {
        const error = await service
          .debit({
            customerId: "cus_nobody",
            points: 1,
            type: "expire",
            reason: "Expired",
            sourceType: "rule",
          })
          .catch((e: unknown) => e)

        expect(errorType(error)).toBe(MedusaError.Types.NOT_ALLOWED)
        expect(
          await service.listLoyaltyAccounts({ customer_id: "cus_nobody" })
        ).toHaveLength(0)
      })

      it("debits once for a repeated key", async () => {
        await fund("cus_1", 100)
        const debit = {
          customerId: "cus_1",
          points: 30,
          type: "reverse" as const,
          reason: "Order #1001 returned",
          sourceType: "order",
          idempotencyKey: "order.returned:order_1",
        }

        const results = await Promise.all([
          service.debit(debit),
          service.debit(debit),
          service.debit(debit),
        ])

        expect(new Set(results.map((entry) => entry.id)).size).toBe(1)
        expect(results[0]).toMatchObject({ points: -30, balance_after: 70 })
        expect((await ledgerOf("cus_1")).balance).toBe(70)
      })
    })

    describe("debitUpTo", () => {
      it("takes exactly what is spendable under 10 concurrent capped debits and records the shortfall", async () => {
        await fund("cus_cap", 100)
        await service.hold({
          customerId: "cus_cap",
          cartId: "cart_cap",
          points: 30,
        })

        const entries = await Promise.all(
          Array.from({ length: 10 }, () =>
            service.debitUpTo({
              customerId: "cus_cap",
              points: 20,
              type: "reverse",
              reason: "Order canceled",
              sourceType: "order",
              metadata: { kind: "earn-reversal" },
            })
          )
        )

        const written = entries.filter((entry) => entry !== null)
        expect(written.map((entry) => entry!.points).sort()).toEqual([
          -10, -20, -20, -20,
        ])
        expect(
          written.find((entry) => entry!.points === -10)!.metadata
        ).toEqual({ kind: "earn-reversal", requested: 20, shortfall: 10 })
        const ledger = await ledgerOf("cus_cap")
        expect(ledger).toEqual(
          expect.objectContaining({ balance: 30, held: 30 })
        )
        expectConsistent(ledger)
      })

      it("writes a keyed capped debit once", async () => {
        await fund("cus_cap_key", 50)
        const debit = {
          customerId: "cus_cap_key",
          points: 80,
          type: "expire" as const,
          reason: "Points expired",
          sourceType: "rule",
          idempotencyKey: "expire:cus_cap_key:once",
        }
        const [first, second] = await Promise.all([
          service.debitUpTo(debit),
          service.debitUpTo(debit),
        ])
        expect(first!.id).toEqual(second!.id)
        expect(first!.points).toEqual(-50)
        expect((await ledgerOf("cus_cap_key")).balance).toEqual(0)
        expect(
          await service.debitUpTo({ ...debit, idempotencyKey: "other" })
        ).toBeNull()
      })
    })

    describe("rolled-back keyed writes", () => {
      it("writes a key again, once, after its entry was rolled back", async () => {
        const earn = {
          customerId: "cus_rb",
          points: 40,
          type: "earn" as const,
          reason: "Order #1",
          sourceType: "order",
          sourceId: "order_rb",
          idempotencyKey: "order:order_rb:earn",
        }
        const first = await service.credit(earn)
        await service.debit({
          customerId: "cus_rb",
          points: 40,
          type: "reverse",
          reason: "Rolled back: Order #1",
          sourceType: "order",
          sourceId: "order_rb",
          idempotencyKey: `rollback:${first.id}`,
        })
        const [again, repeat] = await Promise.all([
          service.credit(earn),
          service.credit(earn),
        ])
        expect(again.id).not.toEqual(first.id)
        expect(repeat.id).toEqual(again.id)
        expect(await service.credit(earn)).toEqual(
          expect.objectContaining({ id: again.id })
        )
        const ledger = await ledgerOf("cus_rb")
        expect(ledger.balance).toEqual(40)
        expectConsistent(ledger)
        expect(await service.retrieveEntryByKey(earn.idempotencyKey)).toEqual(
          expect.objectContaining({ id: again.id, points: 40 })
        )
      })
    })

    describe("keyed lookups", () => {
      it("answers a repeated keyed write with one lookup", async () => {
        const earn = {
          customerId: "cus_look",
          points: 25,
          type: "earn" as const,
          reason: "Order #2",
          sourceType: "order",
          idempotencyKey: "order:order_look:earn",
        }
        const first = await service.credit(earn)
        const execute = jest.spyOn(SqlEntityManager.prototype, "execute")
        try {
          expect((await service.credit(earn)).id).toEqual(first.id)
          expect(execute).toHaveBeenCalledTimes(1)
        } finally {
          execute.mockRestore()
        }
      })
    })

    describe("lifetime earnings", () => {
      const reversal = {
        customerId: "cus_life",
        type: "reverse" as const,
        reason: "Order canceled",
        sourceType: "order",
        earned: true,
      }
      const lifetimeOf = async (customerId: string) =>
        (await service.listLoyaltyAccounts({ customer_id: customerId }))[0]
          .lifetime_earned

      it("lowers lifetime_earned by earned points taken back, never below zero", async () => {
        await fund("cus_life", 100)
        await service.credit({
          customerId: "cus_life",
          points: 50,
          type: "adjust",
          reason: "Goodwill",
          sourceType: "admin",
        })

        await service.debit({ ...reversal, points: 30 })
        expect(await lifetimeOf("cus_life")).toBe(70)
        // Undoing that reversal gives the earnings back.
        await service.credit({ ...reversal, points: 30 })
        expect(await lifetimeOf("cus_life")).toBe(100)

        await service.hold({
          customerId: "cus_life",
          cartId: "cart_life",
          points: 20,
        })
        const capped = await service.debitUpTo({ ...reversal, points: 200 })
        expect(capped).toMatchObject({
          points: -130,
          metadata: { requested: 200, shortfall: 70 },
        })
        expect(await lifetimeOf("cus_life")).toBe(0)
        const ledger = await ledgerOf("cus_life")
        expect(ledger).toMatchObject({ balance: 20, held: 20 })
        expectConsistent(ledger)
      })

      it("gives back on undo only the earnings a capped reversal took", async () => {
        await fund("cus_undo_cap", 10)
        await service.credit({
          customerId: "cus_undo_cap",
          points: 100,
          type: "adjust",
          reason: "Goodwill",
          sourceType: "admin",
        })
        const capped = await service.debitUpTo({
          ...reversal,
          customerId: "cus_undo_cap",
          points: 50,
          metadata: { kind: "earn-reversal" },
        })
        expect(capped).toMatchObject({
          points: -50,
          metadata: { requested: 50, shortfall: 0, lifetime_moved: -10 },
        })
        expect(await lifetimeOf("cus_undo_cap")).toBe(0)

        await rollBackEntry(containerWith(service), capped!.id)
        expect(await lifetimeOf("cus_undo_cap")).toBe(10)
        const ledger = await ledgerOf("cus_undo_cap")
        expect(ledger.balance).toBe(110)
        expectConsistent(ledger)
      })

      it("gives back on undo only the earnings an exact reversal took", async () => {
        await fund("cus_undo_exact", 10)
        await service.credit({
          customerId: "cus_undo_exact",
          points: 100,
          type: "adjust",
          reason: "Goodwill",
          sourceType: "admin",
        })
        const reversed = await service.debit({
          ...reversal,
          customerId: "cus_undo_exact",
          points: 30,
          metadata: { kind: "earn-reversal" },
        })
        expect(reversed.metadata).toEqual({
          kind: "earn-reversal",
          lifetime_moved: -10,
        })
        expect(await lifetimeOf("cus_undo_exact")).toBe(0)

        await rollBackEntry(containerWith(service), reversed.id)
        expect(await lifetimeOf("cus_undo_exact")).toBe(10)
        expect((await ledgerOf("cus_undo_exact")).balance).toBe(110)
      })

      it("keeps lifetime_earned through redemption, expiry and adjustments", async () => {
        await fund("cus_spend", 100)
        const spend = {
          customerId: "cus_spend",
          points: 10,
          reason: "Spent",
          sourceType: "order",
        }
        await service.debit({ ...spend, type: "redeem" })
        await service.debit({ ...spend, type: "expire" })
        await service.debit({ ...spend, type: "adjust" })
        await service.debitUpTo({ ...spend, type: "expire" })
        await service.debit({ ...spend, type: "reverse" })
        expect(await lifetimeOf("cus_spend")).toBe(100)

        for (const type of ["redeem", "expire", "adjust"] as const) {
          const refused = await service
            .debit({ ...spend, type, earned: true })
            .catch((e: unknown) => e)
          expect(errorType(refused)).toBe(MedusaError.Types.INVALID_DATA)
        }
        const capped = await service
          .debitUpTo({ ...spend, type: "expire", earned: true })
          .catch((e: unknown) => e)
        expect(errorType(capped)).toBe(MedusaError.Types.INVALID_DATA)
        expect(await ledgerOf("cus_spend")).toMatchObject({ balance: 50 })
        expect(await lifetimeOf("cus_spend")).toBe(100)
      })
    })

    describe("holds", () => {
      it("keeps balance and held consistent through hold, release and consume", async () => {
        await fund("cus_1", 300)

        const hold = await service.hold({
          customerId: "cus_1",
          cartId: "cart_1",
          points: 100,
        })
        expect(hold).toMatchObject({
          id: expect.stringMatching(/^lhold_/),
          cart_id: "cart_1",
          points: 100,
          status: "active",
        })
        expect(await ledgerOf("cus_1")).toMatchObject({
          balance: 300,
          held: 100,
        })

        // Held points are not spendable.
        const overdraw = await service
          .debit({
            customerId: "cus_1",
            points: 201,
            type: "redeem",
            reason: "x",
            sourceType: "cart",
          })
          .catch((e: unknown) => e)
        expect(errorType(overdraw)).toBe(MedusaError.Types.NOT_ALLOWED)
        expect(overdraw).toHaveProperty(
          "message",
          "Insufficient points: requested 201, available 200"
        )

        // The same hold again is a no-op; a new amount replaces it.
        const same = await service.hold({
          customerId: "cus_1",
          cartId: "cart_1",
          points: 100,
        })
        expect(same.id).toBe(hold.id)
        const replaced = await service.hold({
          customerId: "cus_1",
          cartId: "cart_1",
          points: 250,
        })
        expect(replaced.id).not.toBe(hold.id)
        expect((await ledgerOf("cus_1")).held).toBe(250)

        // A refused replacement keeps the previous hold.
        const tooBig = await service
          .hold({ customerId: "cus_1", cartId: "cart_1", points: 301 })
          .catch((e: unknown) => e)
        expect(errorType(tooBig)).toBe(MedusaError.Types.NOT_ALLOWED)
        expect((await ledgerOf("cus_1")).held).toBe(250)
        const other = await service
          .hold({ customerId: "cus_1", cartId: "cart_2", points: 51 })
          .catch((e: unknown) => e)
        expect(errorType(other)).toBe(MedusaError.Types.NOT_ALLOWED)

        await service.hold({
          customerId: "cus_1",
          cartId: "cart_2",
          points: 50,
        })
        expect(await ledgerOf("cus_1")).toMatchObject({
          balance: 300,
          held: 300,
        })

        const released = await service.releaseHold({ cartId: "cart_2" })
        expect(released).toMatchObject({ status: "released", points: 50 })
        expect(await service.releaseHold({ cartId: "cart_2" })).toBeNull()
        expect((await ledgerOf("cus_1")).held).toBe(250)

        const entry = await service.consumeHold({
          cartId: "cart_1",
          orderId: "order_9",
        })
        expect(entry).toMatchObject({
          type: "redeem",
          points: -250,
          balance_after: 50,
          source_type: "order",
          source_id: "order_9",
          idempotency_key: `loyalty_hold:${replaced.id}`,
          metadata: { cart_id: "cart_1" },
        })
        const again = await service.consumeHold({
          cartId: "cart_1",
          orderId: "order_9",
        })
        expect(again?.id).toBe(entry?.id)
        expect(await service.releaseHold({ cartId: "cart_1" })).toBeNull()
        expect(
          await service.consumeHold({ cartId: "cart_none", orderId: "o" })
        ).toBeNull()

        const ledger = await ledgerOf("cus_1")
        expect(ledger).toMatchObject({ balance: 50, held: 0 })
        expectConsistent(ledger)
        const [consumed] = await service.listLoyaltyHolds({ id: replaced.id })
        expect(consumed).toMatchObject({
          status: "consumed",
          order_id: "order_9",
        })
      })

      it("holds the points for the cart again when a consumption is restored", async () => {
        await fund("cus_1", 300)
        await service.hold({
          customerId: "cus_1",
          cartId: "cart_1",
          points: 100,
        })
        const redeemed = await service.consumeHold({
          cartId: "cart_1",
          orderId: "order_1",
        })

        const restored = await service.restoreHold({ entryId: redeemed!.id })

        expect(restored).toMatchObject({
          type: "reverse",
          points: 100,
          balance_after: 300,
          source_type: "order",
          source_id: "order_1",
          idempotency_key: `rollback:${redeemed!.id}`,
        })
        expect(await ledgerOf("cus_1")).toMatchObject({
          balance: 300,
          held: 100,
        })
        const [active] = await service.listLoyaltyHolds({
          cart_id: "cart_1",
          status: "active",
        })
        expect(active).toMatchObject({ points: 100, order_id: null })
        expect(
          (await service.restoreHold({ entryId: redeemed!.id }))?.id
        ).toEqual(restored!.id)

        // The cart can be checked out again, once.
        const again = await service.consumeHold({
          cartId: "cart_1",
          orderId: "order_1",
        })
        expect(again).toMatchObject({
          type: "redeem",
          points: -100,
          idempotency_key: `loyalty_hold:${active.id}`,
        })
        expect(again!.id).not.toEqual(redeemed!.id)
        expect(
          (await service.consumeHold({ cartId: "cart_1", orderId: "order_1" }))
            ?.id
        ).toEqual(again!.id)
        const ledger = await ledgerOf("cus_1")
        expect(ledger).toMatchObject({ balance: 200, held: 0 })
        expectConsistent(ledger)
      })

      it("restores a consumption once under 10 concurrent calls, and its hold can be released", async () => {
        await fund("cus_1", 100)
        await service.hold({
          customerId: "cus_1",
          cartId: "cart_1",
          points: 60,
        })
        const redeemed = await service.consumeHold({
          cartId: "cart_1",
          orderId: "order_1",
        })

        const restored = await Promise.all(
          Array.from({ length: 10 }, () =>
            service.restoreHold({ entryId: redeemed!.id })
          )
        )

        expect(new Set(restored.map((entry) => entry?.id)).size).toBe(1)
        expect(await ledgerOf("cus_1")).toMatchObject({
          balance: 100,
          held: 60,
        })
        expect(await service.releaseHold({ cartId: "cart_1" })).toMatchObject({
          points: 60,
        })
        const ledger = await ledgerOf("cus_1")
        expect(ledger).toMatchObject({ balance: 100, held: 0 })
        expect(ledger.entries).toHaveLength(3)
        expectConsistent(ledger)
      })

      it("restores nothing over other points held for the cart since", async () => {
        await fund("cus_1", 100)
        await service.hold({
          customerId: "cus_1",
          cartId: "cart_1",
          points: 60,
        })
        const redeemed = await service.consumeHold({
          cartId: "cart_1",
          orderId: "order_1",
        })
        await service.hold({
          customerId: "cus_1",
          cartId: "cart_1",
          points: 30,
        })

        expect(await service.restoreHold({ entryId: redeemed!.id })).toBeNull()
        expect(
          await service.restoreHold({ entryId: "lent_unknown" })
        ).toBeNull()
        expect(await ledgerOf("cus_1")).toMatchObject({
          balance: 40,
          held: 30,
        })
      })

      it("consumes a hold once under 10 concurrent calls", async () => {
        await fund("cus_1", 100)
        await service.hold({
          customerId: "cus_1",
          cartId: "cart_1",
          points: 60,
        })

        const entries = await Promise.all(
          Array.from({ length: 10 }, () =>
            service.consumeHold({ cartId: "cart_1", orderId: "order_1" })
          )
        )

        expect(new Set(entries.map((entry) => entry?.id)).size).toBe(1)
        const ledger = await ledgerOf("cus_1")
        expect(ledger).toMatchObject({ balance: 40, held: 0 })
        expect(ledger.entries).toHaveLength(2)
        expectConsistent(ledger)
      })

      it("never over-holds under concurrent holds on different carts", async () => {
        await fund("cus_1", 100)

        const results = await Promise.allSettled(
          Array.from({ length: 10 }, (_, i) =>
            service.hold({
              customerId: "cus_1",
              cartId: `cart_${i}`,
              points: 30,
            })
          )
        )

        expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(3)
        const ledger = await ledgerOf("cus_1")
        expect(ledger).toMatchObject({ balance: 100, held: 90 })
        const active = await service.listLoyaltyHolds(
          { status: "active" },
          { take: null }
        )
        expect(active.reduce((sum, hold) => sum + hold.points, 0)).toBe(90)
      })

      it("keeps one hold per cart under concurrent holds on it", async () => {
        await fund("cus_1", 1000)

        // Many rounds: the interleaving that deadlocked (a release waiting for
        // the account while a new hold has it and waits on the released row)
        // shows up only now and then.
        for (let round = 0; round < 50; round++) {
          const cartId = `cart_${round}`
          const results = await Promise.allSettled(
            [1, 2, 3, 4, 5, 6, 7, 8].map((points) =>
              service.hold({ customerId: "cus_1", cartId, points })
            )
          )

          const refused = results.filter((r) => r.status === "rejected")
          expect(refused.map((r) => errorType(r.reason))).toEqual([])
          const active = await service.listLoyaltyHolds({
            cart_id: cartId,
            status: "active",
          })
          expect(active).toHaveLength(1)
        }
        const all = await service.listLoyaltyHolds(
          { status: "active" },
          { take: null }
        )
        expect((await ledgerOf("cus_1")).held).toBe(
          all.reduce((sum, hold) => sum + hold.points, 0)
        )
      })

      it("releases holds older than a moment", async () => {
        await fund("cus_1", 100)
        await service.hold({
          customerId: "cus_1",
          cartId: "cart_old",
          points: 40,
        })
        const cutoff = new Date()
        await new Promise((resolve) => setTimeout(resolve, 20))
        await service.hold({
          customerId: "cus_1",
          cartId: "cart_new",
          points: 10,
        })

        const released = await service.releaseHoldsBefore(cutoff)

        expect(released.map((hold) => hold.cart_id)).toEqual(["cart_old"])
        expect((await ledgerOf("cus_1")).held).toBe(10)
      })
    })

    describe("append-only ledger", () => {
      it("refuses the generated entry mutators", async () => {
        const entry = await service.credit({
          customerId: "cus_1",
          points: 5,
          type: "bonus",
          reason: "Birthday",
          sourceType: "rule",
        })

        const attempts = await Promise.allSettled([
          service.createLoyaltyEntries(),
          service.updateLoyaltyEntries(),
          service.deleteLoyaltyEntries(),
          service.softDeleteLoyaltyEntries(),
          service.restoreLoyaltyEntries(),
        ])

        for (const attempt of attempts) {
          expect(attempt.status).toBe("rejected")
          if (attempt.status === "rejected") {
            expect(errorType(attempt.reason)).toBe(
              MedusaError.Types.NOT_ALLOWED
            )
          }
        }
        expect(await service.retrieveLoyaltyEntry(entry.id)).toMatchObject({
          points: 5,
          balance_after: 5,
        })
      })
    })

    describe("ledger under mixed concurrent load", () => {
      it("keeps balance_after equal to the running sum", async () => {
        await fund("cus_1", 200)

        await Promise.allSettled(
          Array.from({ length: 60 }, (_, i) => {
            const change = {
              customerId: "cus_1",
              reason: `Mixed ${i}`,
              sourceType: "admin",
            }
            if (i % 3 === 0) {
              return service.credit({ ...change, points: 11, type: "earn" })
            }
            if (i % 3 === 1) {
              return service.debit({ ...change, points: 13, type: "redeem" })
            }
            return service.hold({
              customerId: "cus_1",
              cartId: `cart_${i}`,
              points: 5,
            })
          })
        )

        const ledger = await ledgerOf("cus_1")
        expectConsistent(ledger)
        const active = await service.listLoyaltyHolds(
          { status: "active" },
          { take: null }
        )
        expect(ledger.held).toBe(
          active.reduce((sum, hold) => sum + hold.points, 0)
        )
      })
    })

    describe("settings", () => {
      it("stores the defaults once, even for concurrent first reads", async () => {
        const reads = await Promise.all(
          Array.from({ length: 5 }, () => service.getSettings())
        )

        expect(new Set(reads.map((settings) => settings.id)).size).toBe(1)
        expect(reads[0]).toMatchObject(DEFAULT_LOYALTY_SETTINGS)
        expect(await service.listLoyaltySettings()).toHaveLength(1)
      })

      it("updates the given fields and validates them", async () => {
        const updated = await service.updateSettings({
          point_value: { eur: 0.1 },
          max_cart_share: 0.3,
          tiers: [{ name: "member", threshold: 0, multiplier: 1 }],
        })

        expect(updated).toMatchObject({
          ...DEFAULT_LOYALTY_SETTINGS,
          point_value: { eur: 0.1 },
          max_cart_share: 0.3,
          tiers: [{ name: "member", threshold: 0, multiplier: 1 }],
        })
        expect(await service.getSettings()).toEqual(updated)

        for (const bad of [
          { max_cart_share: 1.5 },
          { min_redemption: -1 },
          { signup_bonus: 2.5 },
          { point_value: { EUR: 1 } },
          { tiers: [{ name: "a", threshold: -1, multiplier: 1 }] },
        ]) {
          const error = await service
            .updateSettings(bad)
            .catch((e: unknown) => e)
          expect(errorType(error)).toBe(MedusaError.Types.INVALID_DATA)
        }
        expect(await service.getSettings()).toEqual(updated)
      })
    })
  },
})
