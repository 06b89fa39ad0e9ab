import { createMedusaContainer } from "@medusajs/framework/utils"
import { asValue } from "@medusajs/framework/awilix"
import {
  createStep,
  createWorkflow,
  StepResponse,
  transform,
  when,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
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
import { findRedeemedPointsStep } from "../../../workflows/loyalty/steps/find-redeemed-points"
import { returnRedeemedPointsStep } from "../../../workflows/loyalty/steps/return-redeemed-points"
import { redemptionToReturn } from "../../../workflows/loyalty/utils/redemption-return"
import { rollBackEntry } from "../../../workflows/loyalty/utils/rollback-entry"

jest.setTimeout(120_000)

const failStep = createStep("test-fail-after-return", async () => {
  throw new Error("a later step failed")
})

/** The cancellation's read of the redemption, with its undo landing after it. */
const readReturnStep = createStep(
  "test-read-return-then-undo",
  async (input: { orderId: string; undoId?: string }, { container }) => {
    const loyalty = container.resolve<LoyaltyModuleService>(LOYALTY_MODULE)
    const credit = await redemptionToReturn(loyalty, input.orderId)
    if (input.undoId) {
      await loyalty.restoreHold({ entryId: input.undoId })
    }
    return new StepResponse(credit!)
  }
)

/** A cancellation's give-back, as the order reversal runs it, then a failure. */
const cancelThenFail = createWorkflow(
  "test-cancel-return-then-fail",
  (input: { order_id: string }) => {
    const giveBack = findRedeemedPointsStep({
      order_id: input.order_id,
      cause: "cancel",
    })
    when("paid-with-points", { giveBack }, ({ giveBack }) => !!giveBack).then(
      () => {
        returnRedeemedPointsStep(
          transform({ giveBack }, function redeemedCredit({ giveBack }) {
            return giveBack as NonNullable<typeof giveBack>
          })
        )
      }
    )
    failStep()
    return new WorkflowResponse({})
  }
)

const returnThenFail = createWorkflow(
  "test-return-redeemed-then-fail",
  (input: { orderId: string; undoId?: string }) => {
    const credit = readReturnStep(input)
    returnRedeemedPointsStep(credit)
    failStep()
    return new WorkflowResponse({})
  }
)

const FUNDED = 100
const REDEEMED = 60

const delay = (ms: number) =>
  new Promise<void>((resolve) => setTimeout(resolve, ms))

moduleIntegrationTestRunner<LoyaltyModuleService>({
  moduleName: LOYALTY_MODULE,
  moduleModels: [LoyaltyAccount, LoyaltyEntry, LoyaltyHold, LoyaltySettings],
  resolve: "./src/modules/loyalty",
  pathToMigrations: path.join(__dirname, "..", "migrations"),
  dbName: "klelite-loyalty-redemption-return",
  testSuite: ({ service }) => {
    const container = createMedusaContainer()
    container.register(LOYALTY_MODULE, asValue(service))

    /** A customer with `FUNDED` points who paid an order with some of them. */
    async function placeWithPoints(n: number): Promise<LoyaltyEntryDTO> {
      const customerId = `cus_${n}`
      await service.credit({
        customerId,
        points: FUNDED,
        type: "earn",
        reason: "Opening balance",
        sourceType: "admin",
      })
      await service.hold({ customerId, cartId: `cart_${n}`, points: REDEEMED })
      const redeemed = await service.consumeHold({
        cartId: `cart_${n}`,
        orderId: `order_${n}`,
      })
      return redeemed!
    }

    /** What the order's cancellation does with the points it was paid with. */
    async function giveBack(orderId: string): Promise<void> {
      const credit = await redemptionToReturn(service, orderId)
      if (credit) {
        await service.credit(credit)
      }
    }

    /** What a failed redemption's compensation does with its entry. */
    async function undo(entryId: string): Promise<void> {
      if (!(await service.restoreHold({ entryId }))) {
        await rollBackEntry(container, entryId)
      }
    }

    /** Balance, and the entries that put the redeemed points back. */
    async function settled(n: number) {
      const [account] = await service.listLoyaltyAccounts({
        customer_id: `cus_${n}`,
      })
      const entries = await service.listLoyaltyEntries(
        { account_id: account.id },
        { order: { created_at: "ASC" }, take: null }
      )
      let running = 0
      for (const entry of entries) {
        running += entry.points
        expect(entry.balance_after).toBe(running)
      }
      expect(running).toBe(account.balance)
      return {
        balance: account.balance,
        held: account.held,
        returned: entries
          .filter((entry) => entry.type === "reverse")
          .reduce((sum, entry) => sum + entry.points, 0),
      }
    }

    it("gives the points back once when the undo commits between the cancellation's read and its credit", async () => {
      const redeemed = await placeWithPoints(1)

      const credit = await redemptionToReturn(service, "order_1")
      await service.restoreHold({ entryId: redeemed.id })
      await service.credit(credit!)

      expect(await settled(1)).toEqual({
        balance: FUNDED,
        held: REDEEMED,
        returned: REDEEMED,
      })
    })

    it("undoes nothing more once the cancellation gave the points back", async () => {
      const redeemed = await placeWithPoints(1)

      await giveBack("order_1")
      await undo(redeemed.id)
      await undo(redeemed.id)

      expect(await settled(1)).toEqual({
        balance: FUNDED,
        held: 0,
        returned: REDEEMED,
      })
      expect(
        await service.listLoyaltyHolds({ cart_id: "cart_1", status: "active" })
      ).toEqual([])
    })

    it("credits the points once when a cancellation and an undo race, over 40 orders", async () => {
      const orders = Array.from({ length: 40 }, (_, n) => n + 1)
      const redemptions = await Promise.all(orders.map(placeWithPoints))

      // Each undo starts a little later than the last, so that some land
      // while a cancellation is between reading the redemption and crediting.
      for (const [i, n] of orders.entries()) {
        await Promise.all([
          giveBack(`order_${n}`),
          delay(i % 20).then(() => undo(redemptions[i].id)),
        ])
      }

      const creditedTwice: number[] = []
      for (const n of orders) {
        const { balance, returned } = await settled(n)
        expect(returned).toBe(balance - FUNDED + REDEEMED)
        if (balance !== FUNDED) {
          creditedTwice.push(n)
        }
      }
      expect(creditedTwice).toEqual([])
    })

    it("leaves an undo that won the race alone when the cancellation rolls back", async () => {
      const redeemed = await placeWithPoints(1)
      // Enough spendable points that wrongly taking the undo back could succeed.
      await service.credit({
        customerId: "cus_1",
        points: REDEEMED,
        type: "adjust",
        reason: "Goodwill",
        sourceType: "admin",
      })

      const { errors } = await returnThenFail(container).run({
        input: { orderId: "order_1", undoId: redeemed.id },
        throwOnError: false,
      })

      expect(errors).toHaveLength(1)
      expect(await settled(1)).toEqual({
        balance: FUNDED + REDEEMED,
        held: REDEEMED,
        returned: REDEEMED,
      })
    })

    it("never rolls back an undo that won the race when a cancellation rolls back, over 40 orders", async () => {
      const orders = Array.from({ length: 40 }, (_, n) => n + 1)
      const redemptions = await Promise.all(orders.map(placeWithPoints))
      // Enough spendable points that wrongly taking an undo back could succeed.
      await Promise.all(
        orders.map((n) =>
          service.credit({
            customerId: `cus_${n}`,
            points: REDEEMED,
            type: "adjust",
            reason: "Goodwill",
            sourceType: "admin",
          })
        )
      )

      for (const [i, n] of orders.entries()) {
        await Promise.all([
          cancelThenFail(container).run({
            input: { order_id: `order_${n}` },
            throwOnError: false,
          }),
          delay(i % 20).then(() => undo(redemptions[i].id)),
        ])
      }

      // Funded, paid 60 with points, 60 of goodwill: the 60 come back once,
      // held for the cart again or spendable, and stay back.
      const notReturnedOnce: number[] = []
      for (const n of orders) {
        const { balance, returned } = await settled(n)
        if (balance !== FUNDED + REDEEMED || returned !== REDEEMED) {
          notReturnedOnce.push(n)
        }
      }
      expect(notReturnedOnce).toEqual([])
    })

    it("keeps the points it gave back when the cancellation fails later", async () => {
      await placeWithPoints(1)

      const { errors } = await returnThenFail(container).run({
        input: { orderId: "order_1" },
        throwOnError: false,
      })

      expect(errors).toHaveLength(1)
      expect(await settled(1)).toEqual({
        balance: FUNDED,
        held: 0,
        returned: REDEEMED,
      })
      expect(await redemptionToReturn(service, "order_1")).toBeNull()
    })

    it("undoes a redemption whose return was rolled back, once", async () => {
      const redeemed = await placeWithPoints(1)
      await giveBack("order_1")
      const [returned] = await service.listLoyaltyEntries({
        source_id: "order_1",
        type: "reverse",
      })
      await rollBackEntry(container, returned.id)

      await undo(redeemed.id)
      await undo(redeemed.id)
      const undone = await settled(1)
      await giveBack("order_1")

      expect(undone).toEqual({ balance: FUNDED, held: 0, returned: REDEEMED })
      expect(await settled(1)).toEqual(undone)
    })

    it("returns nothing for an order whose points were returned under the order's key", async () => {
      await placeWithPoints(1)
      await service.credit({
        customerId: "cus_1",
        points: REDEEMED,
        type: "reverse",
        reason: "Points returned: order canceled",
        sourceType: "order",
        sourceId: "order_1",
        idempotencyKey: "order:order_1:return-redeemed",
      })

      expect(await redemptionToReturn(service, "order_1")).toBeNull()
    })

    it("gives the points back once more, and once only, after a given-back return was rolled back", async () => {
      const redeemed = await placeWithPoints(1)
      await giveBack("order_1")
      const [returned] = await service.listLoyaltyEntries({
        source_id: "order_1",
        type: "reverse",
      })
      await rollBackEntry(container, returned.id)
      expect((await settled(1)).balance).toBe(FUNDED - REDEEMED)

      await Promise.all([giveBack("order_1"), undo(redeemed.id)])

      expect(await settled(1)).toEqual(
        expect.objectContaining({ balance: FUNDED, returned: REDEEMED })
      )
    })
  },
})
