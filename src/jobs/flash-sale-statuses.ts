import type { MedusaContainer } from "@medusajs/framework/types"
import { advanceSaleStatusesWorkflow } from "../workflows/flash-sale/advance-sale-statuses"

/** Every minute: starts and ends sales on time and announces it. */
export default async function flashSaleStatuses(container: MedusaContainer) {
  await advanceSaleStatusesWorkflow(container).run({
    input: { now: new Date().toISOString() },
  })
}

export const config = {
  name: "flash-sale-statuses",
  schedule: "* * * * *",
}
