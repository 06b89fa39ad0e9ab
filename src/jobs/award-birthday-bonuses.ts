import type { MedusaContainer } from "@medusajs/framework/types"
import { awardBirthdayBonusesWorkflow } from "../workflows/loyalty/award-birthday-bonuses"

/** Daily: birthday points for customers born today. */
export default async function awardBirthdayBonuses(container: MedusaContainer) {
  await awardBirthdayBonusesWorkflow(container).run({
    input: { today: new Date().toISOString().slice(0, 10) },
  })
}

export const config = {
  name: "award-birthday-bonuses",
  schedule: "5 6 * * *",
}
