import { Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import {
  LOYALTY_MODULE,
  type CreditPointsInput,
  type LoyaltyModuleService,
} from "../../../modules/loyalty"

export const findBirthdayBonusesStepId = "loyalty-find-birthday-bonuses"

const PAGE = 500

/** "MM-DD" of a birthday kept as "YYYY-MM-DD" or "MM-DD"; null when unusable. */
export function birthdayMonthDay(value: unknown): string | null {
  if (typeof value !== "string") {
    return null
  }
  const match = value.trim().match(/^(?:\d{4}-)?(\d{2})-(\d{2})$/)
  return match ? `${match[1]}-${match[2]}` : null
}

/** Birthday credits for customers whose `metadata.birthday` is `today`. */
export const findBirthdayBonusesStep = createStep(
  findBirthdayBonusesStepId,
  async ({ today }: { today: string }, { container }) => {
    const loyalty = container.resolve<LoyaltyModuleService>(LOYALTY_MODULE)
    const customers = container.resolve(Modules.CUSTOMER)
    const settings = await loyalty.getSettings()
    const credits: CreditPointsInput[] = []
    if (!settings.birthday_bonus) {
      return new StepResponse(credits)
    }
    const monthDay = today.slice(5, 10)
    const year = today.slice(0, 4)
    for (let skip = 0; ; skip += PAGE) {
      const page = await customers.listCustomers(
        { has_account: true },
        { select: ["id", "metadata"], skip, take: PAGE, order: { id: "ASC" } }
      )
      for (const customer of page) {
        if (birthdayMonthDay(customer.metadata?.birthday) === monthDay) {
          credits.push({
            customerId: customer.id,
            points: settings.birthday_bonus,
            type: "bonus",
            reason: "Happy birthday",
            sourceType: "rule",
            sourceId: "birthday",
            idempotencyKey: `birthday:${customer.id}:${year}`,
          })
        }
      }
      if (page.length < PAGE) {
        return new StepResponse(credits)
      }
    }
  }
)
