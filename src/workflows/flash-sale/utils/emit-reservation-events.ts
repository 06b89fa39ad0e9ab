import {
  transform,
  when,
  type WorkflowData,
} from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { FlashSaleEvents } from "../events"
import { itemVariantStep } from "../steps/item-variant"

/** What a workflow that took units knows when it announces them. */
export type TakenUnits = {
  sale_id: string
  item_id: string
  took_last_unit: boolean
  /** Read from the item when the caller does not know it. */
  variant_id?: string | null
}

/**
 * Composes, inside a workflow, the events of units just taken: the units
 * changed, and the sell-out when these were the item's last ones. The
 * variant is only read for a sell-out, so a rush pays nothing for it.
 */
export function emitReservationEvents(taken: WorkflowData<TakenUnits>) {
  const unitsChanged = transform({ taken }, function changedItem({ taken }) {
    return { id: taken.sale_id, item_ids: [taken.item_id] }
  })
  emitEventStep({
    eventName: FlashSaleEvents.UNITS_CHANGED,
    data: unitsChanged,
  }).config({ name: "emit-units-changed" })

  when(
    "announce-sell-out",
    { taken },
    ({ taken }) => taken.took_last_unit
  ).then(() => {
    const variantId = itemVariantStep({
      item_id: taken.item_id,
      variant_id: taken.variant_id,
    })
    const soldOut = transform(
      { taken, variantId },
      function soldOutEvent({ taken, variantId }) {
        return {
          id: taken.sale_id,
          item_id: taken.item_id,
          variant_id: variantId,
        }
      }
    )
    emitEventStep({
      eventName: FlashSaleEvents.SOLD_OUT,
      data: soldOut,
    }).config({ name: "emit-sold-out" })
  })
}
