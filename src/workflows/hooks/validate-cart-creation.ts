import { createCartWorkflow } from "@medusajs/medusa/core-flows"
import { flashDetailsRefused } from "../flash-sale/utils/check-line-addition"
import { carriesFlashSale } from "../flash-sale/utils/line-items"

/**
 * A new cart holds no placed reservation, so none of its first items can be
 * a flash line: flash-sale keys sent with them would name a reservation the
 * item's regular price does not come from.
 */
createCartWorkflow.hooks.validate(async ({ cart }) => {
  if ((cart.items ?? []).some(carriesFlashSale)) {
    throw flashDetailsRefused()
  }
})
