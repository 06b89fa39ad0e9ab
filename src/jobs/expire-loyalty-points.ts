import type { MedusaContainer } from "@medusajs/framework/types"
import { expireInactivePointsWorkflow } from "../workflows/loyalty/expire-inactive-points"

/** Days before expiry that customers are warned. */
const WARN_DAYS = 14

/** Daily: expires dormant points and warns customers two weeks ahead. */
export default async function expireLoyaltyPoints(container: MedusaContainer) {
  await expireInactivePointsWorkflow(container).run({
    input: { now: new Date().toISOString(), warn_days: WARN_DAYS },
  })
}

export const config = {
  name: "expire-loyalty-points",
  schedule: "15 3 * * *",
}
