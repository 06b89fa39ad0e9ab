import type { NewReservation } from "../store/types"
import type { ReserveInput } from "../types"
import { fastEntityId } from "../utils/entity-id"

/** The row a validated request will become, timed at `now`. */
export function newReservation(input: ReserveInput, now: Date): NewReservation {
  return {
    id: fastEntityId("fsres"),
    saleId: input.saleId,
    itemId: input.itemId,
    customerId: input.customerId,
    quantity: input.quantity,
    expiresAt: new Date(now.getTime() + input.ttlSeconds * 1000),
    cartId: input.cartId ?? null,
    now,
  }
}
