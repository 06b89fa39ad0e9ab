import {
  createWorkflow,
  transform,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import type { ReserveInput } from "../../modules/flash-sale"
import { reserveItemStep } from "./steps/reserve-item"
import { emitReservationEvents } from "./utils/emit-reservation-events"
import { heldReservation } from "./utils/held-reservation"

export const reserveFlashSaleItemWorkflowId = "flash-sale-reserve-item"

/** How long a reservation holds its units unless the caller says otherwise. */
export const DEFAULT_RESERVATION_TTL_SECONDS = 10 * 60

export type ReserveFlashSaleItemInput = {
  sale_id: string
  item_id: string
  quantity: number
  customer_id: string
  /** Seconds the units are held; `DEFAULT_RESERVATION_TTL_SECONDS` if unset. */
  ttl_seconds?: number
}

/** The module's `reserve` input for a workflow's, into `cart_id` if given. */
export function reserveArgs(
  input: ReserveFlashSaleItemInput & { cart_id?: string }
): ReserveInput {
  return {
    saleId: input.sale_id,
    itemId: input.item_id,
    customerId: input.customer_id,
    quantity: input.quantity,
    ttlSeconds: input.ttl_seconds ?? DEFAULT_RESERVATION_TTL_SECONDS,
    cartId: input.cart_id ?? null,
  }
}

/**
 * Reserves units of a flash-sale item for a customer, in no cart yet: the
 * step of a rush that must be fast. The customer then puts the reservation
 * into a cart (`addFlashSaleReservationToCartWorkflow`) before it expires. A
 * reservation that took the item's last unit announces the sell-out.
 */
export const reserveFlashSaleItemWorkflow = createWorkflow(
  reserveFlashSaleItemWorkflowId,
  (input: ReserveFlashSaleItemInput) => {
    const reservation = reserveItemStep(transform(input, reserveArgs))
    emitReservationEvents(reservation)

    return new WorkflowResponse(transform(reservation, heldReservation))
  }
)
