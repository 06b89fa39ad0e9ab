import type { MedusaContainer } from "@medusajs/framework/types"
import { releaseAbandonedCartPointsWorkflow } from "../workflows/loyalty/release-abandoned-cart-points"

/** Carts that, like their points hold, have not changed for this long count as abandoned. */
const ABANDONED_AFTER_HOURS = 48

/** Hourly: frees points held on abandoned carts. */
export default async function releaseAbandonedCartPoints(
  container: MedusaContainer
) {
  const before = new Date(Date.now() - ABANDONED_AFTER_HOURS * 3600 * 1000)
  await releaseAbandonedCartPointsWorkflow(container).run({
    input: { before: before.toISOString() },
  })
}

export const config = {
  name: "release-abandoned-cart-points",
  schedule: "20 * * * *",
}
