import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { flashSaleService } from "../utils/module"

export const itemVariantStepId = "flash-sale-item-variant"

/** The variant a sale item sells: `variant_id` when known, else read. */
export const itemVariantStep = createStep(
  itemVariantStepId,
  async (
    input: { item_id: string; variant_id?: string | null },
    { container }
  ) => {
    if (input.variant_id) {
      return new StepResponse(input.variant_id)
    }
    const [item] = await flashSaleService(container).listFlashSaleItems(
      { id: input.item_id },
      { select: ["id", "variant_id"] }
    )
    return new StepResponse(item?.variant_id ?? null)
  }
)
