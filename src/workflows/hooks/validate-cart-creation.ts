import { createCartWorkflow } from "@medusajs/medusa/core-flows"
import { MedusaError } from "@medusajs/framework/utils"
import { carriesFlashSale } from "../flash-sale/utils/line-items"

/**
 * A new cart holds no placed reservation, so none of its first items can be
 * a flash line: flash-sale keys sent with them would name a reservation the
 * item's regular price does not come from.
 */
createCartWorkflow.hooks.validate(async ({ cart }) => {
  if ((cart.items ?? []).some(carriesFlashSale)) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      "Flash-sale details cannot be added to a cart item; add the item without them, or reserve it through its flash sale"
    )
  }
})
