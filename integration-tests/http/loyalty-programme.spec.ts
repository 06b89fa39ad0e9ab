import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import {
  createStep,
  createWorkflow,
  transform,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import {
  LOYALTY_MODULE,
  type CreditPointsInput,
  type LoyaltyModuleService,
} from "../../src/modules/loyalty"
import { releaseAbandonedCartPointsWorkflow } from "../../src/workflows/loyalty/release-abandoned-cart-points"
import { awardBirthdayBonusesWorkflow } from "../../src/workflows/loyalty/award-birthday-bonuses"
import { expireInactivePointsWorkflow } from "../../src/workflows/loyalty/expire-inactive-points"
import { consumeCartHoldStep } from "../../src/workflows/loyalty/steps/consume-cart-hold"
import { creditPointsStep } from "../../src/workflows/loyalty/steps/credit-points"
import { expirePointsStep } from "../../src/workflows/loyalty/steps/expire-points"
import { findExpiringAccountsStep } from "../../src/workflows/loyalty/steps/find-expiring-accounts"
import { holdCartPointsStep } from "../../src/workflows/loyalty/steps/hold-cart-points"
import { applyCartPointsWorkflow } from "../../src/workflows/loyalty/apply-cart-points"
import { redeemOrderPointsWorkflow } from "../../src/workflows/loyalty/redeem-order-points"
import { reverseOrderPointsWorkflow } from "../../src/workflows/loyalty/reverse-order-points"
import { orderEarnKey } from "../../src/workflows/loyalty/utils/keys"
import { checkout, completeCart, login, prepareCart } from "../utils/checkout"
import { loginAdmin, loginDemoCustomer, seedStore } from "../utils/seeded-store"
import { waitFor } from "../utils/wait-for"

jest.setTimeout(4 * 60 * 1000)

type Headers = Record<string, string>

const failStep = createStep("test-fail-after-loyalty-step", async () => {
  throw new Error("a later step failed")
})

const creditThenFail = createWorkflow(
  "test-credit-then-fail",
  (input: { customerId: string }) => {
    creditPointsStep({
      customerId: input.customerId,
      points: 70,
      type: "bonus",
      reason: "compensation test",
      sourceType: "rule",
    })
    failStep()
    return new WorkflowResponse({})
  }
)

const earnThenFail = createWorkflow(
  "test-earn-then-fail",
  (input: CreditPointsInput) => {
    creditPointsStep(input)
    failStep()
    return new WorkflowResponse({})
  }
)

const earn = createWorkflow("test-earn", (input: CreditPointsInput) => {
  return new WorkflowResponse(creditPointsStep(input))
})

const reverseThenFail = createWorkflow(
  "test-reverse-then-fail",
  (input: { order_id: string; cause: string }) => {
    reverseOrderPointsWorkflow.runAsStep({ input })
    failStep()
    return new WorkflowResponse({})
  }
)

const consumeThenFail = createWorkflow(
  "test-consume-then-fail",
  (input: { cartId: string; orderId: string }) => {
    consumeCartHoldStep(input)
    failStep()
    return new WorkflowResponse({})
  }
)

const holdThenFail = createWorkflow(
  "test-hold-then-fail",
  (input: { customerId: string; cartId: string }) => {
    holdCartPointsStep({
      customerId: input.customerId,
      cartId: input.cartId,
      points: 100,
    })
    failStep()
    return new WorkflowResponse({})
  }
)

const applyPointsThenFail = createWorkflow(
  "test-apply-points-then-fail",
  (input: { customer_id: string; cart_id: string; points: number }) => {
    applyCartPointsWorkflow.runAsStep({ input })
    failStep()
    return new WorkflowResponse({})
  }
)

/** Expiry of the given customers, with a cart hold placed between reading and expiring. */
const expireAfterHold = createWorkflow(
  "test-expire-after-hold",
  (input: {
    now: string
    customer_ids: string[]
    hold: { customerId: string; cartId: string; points: number }
  }) => {
    const accounts = findExpiringAccountsStep({
      now: input.now,
      warn_days: 14,
    })
    const mine = transform(
      { accounts, input },
      function theseCustomers({ accounts, input }) {
        return accounts.expire.filter((account) =>
          input.customer_ids.includes(account.customer_id)
        )
      }
    )
    holdCartPointsStep(input.hold)
    return new WorkflowResponse(expirePointsStep(mine))
  }
)

medusaIntegrationTestRunner({
  inApp: true,
  testSuite: ({ api, getContainer }) => {
    let storeHeaders: Headers
    let demo: Headers
    let demoId: string
    let adminHeaders: Headers

    const loyalty = () =>
      getContainer().resolve<LoyaltyModuleService>(LOYALTY_MODULE)

    beforeAll(async () => {
      ;({ storeHeaders } = await seedStore(getContainer()))
    })

    beforeEach(async () => {
      ;({ headers: demo, id: demoId } = await loginDemoCustomer(
        api,
        storeHeaders
      ))
      adminHeaders = await loginAdmin(api)
    })

    /** Gives the demo customer points to spend. */
    const grant = (points: number) =>
      loyalty().credit({
        customerId: demoId,
        points,
        type: "adjust",
        reason: "test grant",
        sourceType: "admin",
      })

    async function entriesOf(customerId: string) {
      const account = await loyalty().getOrCreateAccount(customerId)
      return loyalty().listLoyaltyEntries(
        { account_id: account.id },
        { order: { created_at: "ASC" } }
      )
    }

    async function register(email: string, metadata?: Record<string, string>) {
      const { data: auth } = await api.post(
        "/auth/customer/emailpass/register",
        { email, password: "secret-pass" }
      )
      await api.post(
        "/store/customers",
        { email, first_name: "New", last_name: "Customer", metadata },
        { headers: { ...storeHeaders, authorization: `Bearer ${auth.token}` } }
      )
      const headers = {
        ...storeHeaders,
        ...(await login(api, "customer", email, "secret-pass")),
      }
      const { data } = await api.get("/store/customers/me", { headers })
      return { headers, id: data.customer.id as string }
    }

    it("welcomes a new customer with the signup bonus once", async () => {
      const { id } = await register("new@example.com")
      const bonus = await waitFor(
        async () =>
          (await entriesOf(id)).find((entry) => entry.type === "bonus"),
        { what: "the signup bonus" }
      )
      expect(bonus.points).toEqual(50)
      const eventBus = getContainer().resolve(Modules.EVENT_BUS)
      await eventBus.emit({ name: "customer.created", data: { id } })
      await new Promise((resolve) => setTimeout(resolve, 1000))
      expect(
        (await entriesOf(id)).filter((entry) => entry.type === "bonus")
      ).toHaveLength(1)
    })

    it("rewards both sides of a referral on the referee's first order only", async () => {
      const referrer = await loyalty().getOrCreateAccount(demoId)
      const friend = await register("friend@example.com", {
        referral_code: referrer.referral_code,
      })
      await checkout(api, friend.headers)
      await waitFor(
        async () =>
          (await entriesOf(friend.id)).find(
            (entry) => entry.source_type === "referral"
          ),
        { what: "the referee's referral bonus" }
      )
      await checkout(api, friend.headers)
      await waitFor(
        async () =>
          (await entriesOf(friend.id)).filter((e) => e.type === "earn")
            .length === 2,
        { what: "the second order's points" }
      )
      const referrerRewards = (await entriesOf(demoId)).filter(
        (entry) => entry.source_type === "referral"
      )
      const refereeRewards = (await entriesOf(friend.id)).filter(
        (entry) => entry.source_type === "referral"
      )
      expect(referrerRewards.map((e) => e.points)).toEqual([200])
      expect(refereeRewards.map((e) => e.points)).toEqual([100])
    })

    it("moves the customer up a tier after an order and earns at its multiplier next", async () => {
      await loyalty().updateSettings({
        tiers: [
          { name: "bronze", threshold: 0, multiplier: 1 },
          { name: "silver", threshold: 1, multiplier: 2 },
        ],
      })
      const first = await checkout(api, demo)
      await waitFor(
        async () =>
          (await api.get("/store/customers/me/loyalty", { headers: demo })).data
            .loyalty.tier.name === "silver",
        { what: "the silver tier" }
      )
      const second = await checkout(api, demo)
      const earns = await waitFor(
        async () => {
          const earned = (await entriesOf(demoId)).filter(
            (entry) => entry.type === "earn"
          )
          return earned.length === 2 ? earned : null
        },
        { what: "both orders' points" }
      )
      const bySource = Object.fromEntries(
        earns.map((entry) => [entry.source_id, entry.points])
      )
      expect(bySource[second.completed.order.id]).toEqual(
        2 * bySource[first.completed.order.id]
      )
    })

    it("takes back earned points and returns redeemed ones when an order is canceled", async () => {
      await grant(400)
      const granted = await loyalty().getOrCreateAccount(demoId)
      const { cartId } = await prepareCart(api, demo)
      await api.post(
        `/store/carts/${cartId}/loyalty-points`,
        { points: 200 },
        { headers: demo }
      )
      const { order } = await completeCart(api, demo, cartId)
      await waitFor(
        async () =>
          (await entriesOf(demoId)).some(
            (e) => e.type === "earn" && e.source_id === order.id
          ) &&
          (await entriesOf(demoId)).some(
            (e) => e.type === "redeem" && e.source_id === order.id
          ),
        { what: "earn and redeem entries" }
      )
      const before = await loyalty().getOrCreateAccount(demoId)

      await api.post(
        `/admin/orders/${order.id}/cancel`,
        {},
        {
          headers: adminHeaders,
        }
      )
      const entries = await waitFor(
        async () => {
          const all = await entriesOf(demoId)
          return all.filter((e) => e.type === "reverse").length === 2
            ? all
            : null
        },
        { what: "the two reversals" }
      )
      const earned = entries.find((e) => e.type === "earn")!
      const account = await loyalty().getOrCreateAccount(demoId)
      expect(account.balance).toEqual(before.balance - earned.points + 200)
      expect(account.balance).toEqual(granted.balance)
      // The order's points were never really earned; the returned ones were.
      expect(account.lifetime_earned).toEqual(
        before.lifetime_earned - earned.points
      )
    })

    it("gives redeemed points back before taking back earned ones when an order is canceled", async () => {
      await grant(400)
      const { cartId } = await prepareCart(api, demo)
      await api.post(
        `/store/carts/${cartId}/loyalty-points`,
        { points: 200 },
        { headers: demo }
      )
      const { order } = await completeCart(api, demo, cartId)
      const earned = await waitFor(
        async () => {
          const all = await entriesOf(demoId)
          return all.some(
            (e) => e.type === "redeem" && e.source_id === order.id
          )
            ? all.find((e) => e.type === "earn" && e.source_id === order.id)
            : undefined
        },
        { what: "earn and redeem entries" }
      )
      // Everything left is spent before the cancellation.
      const account = await loyalty().getOrCreateAccount(demoId)
      await loyalty().debit({
        customerId: demoId,
        points: account.balance - account.held,
        type: "adjust",
        reason: "spent elsewhere",
        sourceType: "admin",
      })

      await api.post(
        `/admin/orders/${order.id}/cancel`,
        {},
        { headers: adminHeaders }
      )
      const reversals = await waitFor(
        async () => {
          const all = (await entriesOf(demoId)).filter(
            (e) => e.type === "reverse" && e.source_id === order.id
          )
          return all.length === 2 ? all : null
        },
        { what: "the two reversals" }
      )
      expect(reversals.map((e) => e.points)).toEqual([200, -earned.points])
      expect(reversals[1].metadata).toEqual(
        expect.objectContaining({ shortfall: 0 })
      )
      const after = await loyalty().getOrCreateAccount(demoId)
      expect(after.balance).toEqual(200 - earned.points)
    })

    it("expires what is still spendable when points are held after the accounts were read", async () => {
      const other = await register("dormant@example.com")
      await grant(300)
      await loyalty().credit({
        customerId: other.id,
        points: 120,
        type: "adjust",
        reason: "test grant",
        sourceType: "admin",
      })
      const demoBalance = (await loyalty().getOrCreateAccount(demoId)).balance
      const otherBalance = (await loyalty().getOrCreateAccount(other.id))
        .balance
      const now = new Date()
      now.setMonth(now.getMonth() + 13)

      const { result } = await expireAfterHold(getContainer()).run({
        input: {
          now: now.toISOString(),
          customer_ids: [demoId, other.id],
          hold: { customerId: demoId, cartId: "cart_held_late", points: 250 },
        },
      })

      expect(result).toHaveLength(2)
      expect(result).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            customer_id: demoId,
            points: demoBalance - 250,
          }),
          expect.objectContaining({
            customer_id: other.id,
            points: otherBalance,
          }),
        ])
      )
      expect(await loyalty().getOrCreateAccount(demoId)).toEqual(
        expect.objectContaining({ balance: 250, held: 250 })
      )
      expect((await loyalty().getOrCreateAccount(other.id)).balance).toEqual(0)
    })

    it("expires dormant points once, after warning the customer", async () => {
      await grant(120)
      const account = await loyalty().getOrCreateAccount(demoId)
      const last = new Date(account.last_activity_at!)
      const at = (monthsLater: number, daysLater = 0) => {
        const date = new Date(last)
        date.setMonth(date.getMonth() + monthsLater)
        date.setDate(date.getDate() + daysLater)
        return date.toISOString()
      }

      const warning = await expireInactivePointsWorkflow(getContainer()).run({
        input: { now: at(12, -13), warn_days: 14 },
      })
      expect(warning.result.warned).toEqual([
        expect.objectContaining({
          customer_id: demoId,
          points: account.balance,
        }),
      ])
      expect(warning.result.expired).toEqual([])

      const expiry = await expireInactivePointsWorkflow(getContainer()).run({
        input: { now: at(12, 1), warn_days: 14 },
      })
      expect(expiry.result.expired).toEqual([
        expect.objectContaining({
          customer_id: demoId,
          points: account.balance,
        }),
      ])
      await expireInactivePointsWorkflow(getContainer()).run({
        input: { now: at(12, 2), warn_days: 14 },
      })
      const expired = (await entriesOf(demoId)).filter(
        (entry) => entry.type === "expire"
      )
      expect(expired).toHaveLength(1)
      expect((await loyalty().getOrCreateAccount(demoId)).balance).toEqual(0)
    })

    it("credits the birthday bonus once a year", async () => {
      const customers = getContainer().resolve(Modules.CUSTOMER)
      await customers.updateCustomers(demoId, {
        metadata: { birthday: "1990-06-15" },
      })
      await awardBirthdayBonusesWorkflow(getContainer()).run({
        input: { today: "2027-06-15" },
      })
      await awardBirthdayBonusesWorkflow(getContainer()).run({
        input: { today: "2027-06-15" },
      })
      await awardBirthdayBonusesWorkflow(getContainer()).run({
        input: { today: "2027-06-16" },
      })
      const birthday = (await entriesOf(demoId)).filter(
        (entry) => entry.source_id === "birthday"
      )
      expect(birthday.map((entry) => entry.points)).toEqual([100])
    })

    it("gives back points held on an abandoned cart and removes its discount", async () => {
      await grant(300)
      const { cartId } = await prepareCart(api, demo)
      await api.post(
        `/store/carts/${cartId}/loyalty-points`,
        { points: 150 },
        { headers: demo }
      )
      expect((await loyalty().getOrCreateAccount(demoId)).held).toEqual(150)

      const { result } = await releaseAbandonedCartPointsWorkflow(
        getContainer()
      ).run({ input: { before: new Date(Date.now() + 60000).toISOString() } })

      expect(result.released).toEqual([cartId])
      expect((await loyalty().getOrCreateAccount(demoId)).held).toEqual(0)
      const { data } = await api.get(
        `/store/carts/${cartId}?fields=discount_total,promotions.code`,
        { headers: demo }
      )
      expect(data.cart.discount_total).toEqual(0)
      expect(data.cart.promotions).toEqual([])
    })

    /** Checks out a cart paid partly with points; its redemption fails once. */
    async function checkoutWithFailedRedemption(points: number) {
      const { cartId } = await prepareCart(api, demo)
      await api.post(
        `/store/carts/${cartId}/loyalty-points`,
        { points },
        { headers: demo }
      )
      const consume = jest
        .spyOn(loyalty(), "consumeHold")
        .mockRejectedValueOnce(new Error("ledger unavailable"))
      try {
        const { order } = await completeCart(api, demo, cartId)
        await waitFor(async () => consume.mock.calls.length > 0, {
          what: "the failed redemption",
        })
        await new Promise((resolve) => setTimeout(resolve, 1000))
        return { cartId, order: order as { id: string } }
      } finally {
        consume.mockRestore()
      }
    }

    it("spends, never frees, points held for a completed cart whose redemption failed", async () => {
      await grant(400)
      const { cartId, order } = await checkoutWithFailedRedemption(200)
      expect((await loyalty().getOrCreateAccount(demoId)).held).toEqual(200)

      const { result } = await releaseAbandonedCartPointsWorkflow(
        getContainer()
      ).run({ input: { before: new Date(Date.now() + 60000).toISOString() } })

      expect(result.released).not.toContain(cartId)
      expect(result.settled).toEqual([cartId])
      const redeemed = (await entriesOf(demoId)).filter(
        (e) => e.type === "redeem" && e.source_id === order.id
      )
      expect(redeemed.map((e) => e.points)).toEqual([-200])
      expect((await loyalty().getOrCreateAccount(demoId)).held).toEqual(0)
    })

    it("frees, never spends, points held for an order canceled before its redemption ran", async () => {
      await grant(400)
      const { cartId, order } = await checkoutWithFailedRedemption(200)
      await api.post(
        `/admin/orders/${order.id}/cancel`,
        {},
        { headers: adminHeaders }
      )

      const { result } = await releaseAbandonedCartPointsWorkflow(
        getContainer()
      ).run({ input: { before: new Date(Date.now() + 60000).toISOString() } })

      expect(result.settled).toEqual([cartId])
      const redeemed = (await entriesOf(demoId)).filter(
        (e) => e.type === "redeem" && e.source_id === order.id
      )
      expect(redeemed).toEqual([])
      expect((await loyalty().getOrCreateAccount(demoId)).held).toEqual(0)
    })

    it("keeps points on a cart edited since they were applied", async () => {
      await grant(300)
      const { cartId } = await prepareCart(api, demo)
      await api.post(
        `/store/carts/${cartId}/loyalty-points`,
        { points: 150 },
        { headers: demo }
      )
      // The points were applied three days ago; the cart was edited just now.
      const pg = getContainer().resolve(ContainerRegistrationKeys.PG_CONNECTION)
      await pg.raw(
        "UPDATE loyalty_hold SET updated_at = now() - interval '72 hours' WHERE cart_id = ?",
        [cartId]
      )
      await api.post(
        `/store/carts/${cartId}`,
        { metadata: { note: "birthday candles" } },
        { headers: demo }
      )

      const { result } = await releaseAbandonedCartPointsWorkflow(
        getContainer()
      ).run({
        input: { before: new Date(Date.now() - 48 * 3600000).toISOString() },
      })

      expect(result.released).not.toContain(cartId)
      expect((await loyalty().getOrCreateAccount(demoId)).held).toEqual(150)
    })

    it("earns once when an order's points are written again after a rolled-back run", async () => {
      const before = await loyalty().getOrCreateAccount(demoId)
      const credit: CreditPointsInput = {
        customerId: demoId,
        points: 600,
        type: "earn",
        reason: "Order #9001",
        sourceType: "order",
        sourceId: "order_retried",
        idempotencyKey: orderEarnKey("order_retried"),
        metadata: { spend: 600, currency_code: "eur", multiplier: 1 },
      }
      const summary = async () =>
        (await api.get("/store/customers/me/loyalty", { headers: demo })).data
          .loyalty

      const { errors } = await earnThenFail(getContainer()).run({
        input: credit,
        throwOnError: false,
      })
      expect(errors).toHaveLength(1)
      expect(await summary()).toEqual(
        expect.objectContaining({
          balance: before.balance,
          spend_12m: 0,
          tier: { name: "bronze", multiplier: 1 },
        })
      )

      await earn(getContainer()).run({ input: credit })
      await earn(getContainer()).run({ input: credit })

      expect(await summary()).toEqual(
        expect.objectContaining({
          balance: before.balance + 600,
          spend_12m: 600,
          tier: { name: "silver", multiplier: 1.25 },
        })
      )
      const earns = (await entriesOf(demoId)).filter(
        (e) => e.type === "earn" && e.source_id === "order_retried"
      )
      expect(earns).toHaveLength(2)
    })

    it("takes an order's points back when a cancellation is processed again after a rolled-back run", async () => {
      const before = await loyalty().getOrCreateAccount(demoId)
      const { completed } = await checkout(api, demo)
      const orderId = completed.order.id
      const earned = await waitFor(
        async () =>
          (await entriesOf(demoId)).find(
            (e) => e.type === "earn" && e.source_id === orderId
          ),
        { what: "the order's points" }
      )
      const cancel = { order_id: orderId, cause: "cancel" }

      const { errors } = await reverseThenFail(getContainer()).run({
        input: cancel,
        throwOnError: false,
      })
      expect(errors).toHaveLength(1)
      expect((await loyalty().getOrCreateAccount(demoId)).balance).toEqual(
        before.balance + earned.points
      )

      expect(
        (await loyalty().getOrCreateAccount(demoId)).lifetime_earned
      ).toEqual(before.lifetime_earned + earned.points)

      await reverseOrderPointsWorkflow(getContainer()).run({ input: cancel })
      await reverseOrderPointsWorkflow(getContainer()).run({ input: cancel })

      const { data } = await api.get("/store/customers/me/loyalty", {
        headers: demo,
      })
      expect(data.loyalty.balance).toEqual(before.balance)
      expect(data.loyalty.spend_12m).toEqual(0)
      expect(data.loyalty.lifetime_earned).toEqual(before.lifetime_earned)
    })

    it("shows and earns at the tier of the last 12 months, not a stale stored one", async () => {
      const account = await loyalty().getOrCreateAccount(demoId)
      await loyalty().updateLoyaltyAccounts({ id: account.id, tier: "gold" })

      const { data } = await api.get("/store/customers/me/loyalty", {
        headers: demo,
      })
      expect(data.loyalty.spend_12m).toEqual(0)
      expect(data.loyalty.tier).toEqual({ name: "bronze", multiplier: 1 })
      expect(data.loyalty.next_tier).toEqual(
        expect.objectContaining({ name: "silver", progress: 0 })
      )

      const { completed } = await checkout(api, demo)
      const earned = await waitFor(
        async () =>
          (await entriesOf(demoId)).find(
            (e) => e.type === "earn" && e.source_id === completed.order.id
          ),
        { what: "the order's points" }
      )
      expect(earned.metadata).toEqual(
        expect.objectContaining({ multiplier: 1 })
      )
    })

    it("rolls a credit back, with its lifetime earnings, when a later step fails", async () => {
      const before = await loyalty().getOrCreateAccount(demoId)
      const { errors } = await creditThenFail(getContainer()).run({
        input: { customerId: demoId },
        throwOnError: false,
      })
      expect(errors).toHaveLength(1)
      const after = await loyalty().getOrCreateAccount(demoId)
      expect(after.balance).toEqual(before.balance)
      expect(after.lifetime_earned).toEqual(before.lifetime_earned)
    })

    it("holds the points for the cart again when its redemption is undone", async () => {
      await grant(400)
      const { cartId, order } = await checkoutWithFailedRedemption(200)
      await waitFor(
        async () =>
          (await entriesOf(demoId)).some(
            (e) => e.type === "earn" && e.source_id === order.id
          ),
        { what: "the order's points" }
      )
      const before = await loyalty().getOrCreateAccount(demoId)
      expect(before.held).toEqual(200)

      const { errors } = await consumeThenFail(getContainer()).run({
        input: { cartId, orderId: order.id },
        throwOnError: false,
      })

      expect(errors).toHaveLength(1)
      const after = await loyalty().getOrCreateAccount(demoId)
      expect(after).toEqual(
        expect.objectContaining({
          balance: before.balance,
          held: 200,
          lifetime_earned: before.lifetime_earned,
        })
      )
      expect(
        await loyalty().listLoyaltyHolds({ cart_id: cartId, status: "active" })
      ).toEqual([expect.objectContaining({ points: 200 })])

      // The order's redemption can still run, and spends the points once.
      await redeemOrderPointsWorkflow(getContainer()).run({
        input: { order_id: order.id },
      })
      const settled = await loyalty().getOrCreateAccount(demoId)
      expect(settled).toEqual(
        expect.objectContaining({ balance: before.balance - 200, held: 0 })
      )
      const ledger = (await entriesOf(demoId)).filter(
        (e) => e.source_id === order.id && e.type !== "earn"
      )
      expect(ledger.map((e) => [e.type, e.points])).toEqual([
        ["redeem", -200],
        ["reverse", 200],
        ["redeem", -200],
      ])
    })

    it("returns no points for an undone redemption when its order is canceled", async () => {
      await grant(400)
      const { cartId, order } = await checkoutWithFailedRedemption(200)
      const earned = await waitFor(
        async () =>
          (await entriesOf(demoId)).find(
            (e) => e.type === "earn" && e.source_id === order.id
          ),
        { what: "the order's points" }
      )
      const { errors } = await consumeThenFail(getContainer()).run({
        input: { cartId, orderId: order.id },
        throwOnError: false,
      })
      expect(errors).toHaveLength(1)
      const before = await loyalty().getOrCreateAccount(demoId)
      expect(before.held).toEqual(200)

      await api.post(
        `/admin/orders/${order.id}/cancel`,
        {},
        { headers: adminHeaders }
      )
      await waitFor(
        async () =>
          (await entriesOf(demoId)).some(
            (e) =>
              e.type === "reverse" &&
              e.source_id === order.id &&
              e.points === -earned.points
          ),
        { what: "the order's points taken back" }
      )
      // The points the undone redemption held again are freed, not returned.
      await releaseAbandonedCartPointsWorkflow(getContainer()).run({
        input: { before: new Date(Date.now() + 60000).toISOString() },
      })

      const ledger = (await entriesOf(demoId)).filter(
        (e) => e.source_id === order.id && e.type !== "earn"
      )
      expect(ledger.map((e) => [e.type, e.points])).toEqual([
        ["redeem", -200],
        ["reverse", 200],
        ["reverse", -earned.points],
      ])
      expect(await loyalty().getOrCreateAccount(demoId)).toEqual(
        expect.objectContaining({
          balance: before.balance - earned.points,
          held: 0,
        })
      )
    })

    it("undoes a whole points redemption when a later step fails", async () => {
      await grant(400)
      const before = await loyalty().getOrCreateAccount(demoId)
      const { cartId } = await prepareCart(api, demo)
      const { errors } = await applyPointsThenFail(getContainer()).run({
        input: { customer_id: demoId, cart_id: cartId, points: 200 },
        throwOnError: false,
      })
      expect(errors).toHaveLength(1)

      const after = await loyalty().getOrCreateAccount(demoId)
      expect(after.balance).toEqual(before.balance)
      expect(after.held).toEqual(before.held)
      expect(
        await loyalty().listLoyaltyHolds({ cart_id: cartId, status: "active" })
      ).toEqual([])
      const { data } = await api.get(
        `/store/carts/${cartId}?fields=discount_total,promotions.code`,
        { headers: demo }
      )
      expect(data.cart.discount_total).toEqual(0)
      expect(data.cart.promotions).toEqual([])
      const promotions = await getContainer()
        .resolve(Modules.PROMOTION)
        .listPromotions(
          { code: { $like: "%" } },
          { select: ["id", "metadata"] }
        )
      expect(
        promotions.filter(
          (promotion) => promotion.metadata?.loyalty_cart_id === cartId
        )
      ).toEqual([])
    })

    it("releases a hold when a later step fails", async () => {
      await grant(300)
      const { errors } = await holdThenFail(getContainer()).run({
        input: { customerId: demoId, cartId: "cart_test_rollback" },
        throwOnError: false,
      })
      expect(errors).toHaveLength(1)
      const account = await loyalty().getOrCreateAccount(demoId)
      expect(account.held).toEqual(0)
      expect(
        await loyalty().listLoyaltyHolds({
          cart_id: "cart_test_rollback",
          status: "active",
        })
      ).toEqual([])
    })
  },
})
