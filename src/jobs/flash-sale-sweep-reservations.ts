import type { MedusaContainer } from "@medusajs/framework/types"
import { sweepExpiredReservationsWorkflow } from "../workflows/flash-sale/sweep-expired-reservations"

/** Every minute: returns expired holds to their sales and empties their cart lines. */
export default async function flashSaleSweepReservations(
  container: MedusaContainer
) {
  await sweepExpiredReservationsWorkflow(container).run({
    input: { now: new Date().toISOString() },
  })
}

export const config = {
  name: "flash-sale-sweep-reservations",
  schedule: "* * * * *",
}
