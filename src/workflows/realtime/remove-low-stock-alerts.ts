import {
  createWorkflow,
  transform,
  when,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { useQueryGraphStep } from "@medusajs/medusa/core-flows"
import { removeLowStockAlertsStep } from "./steps/remove-low-stock-alerts"

export const removeLowStockAlertsWorkflowId = "realtime-remove-low-stock-alerts"

export type RemoveLowStockAlertsWorkflowInput = {
  inventory_level_ids?: string[]
  /** Deleting an item deletes its levels without an event for each. */
  inventory_item_ids?: string[]
  variant_ids?: string[]
}

/**
 * Removes the low-stock markers of deleted inventory levels, inventory items
 * or variants, which no stock update will ever clear.
 */
export const removeLowStockAlertsWorkflow = createWorkflow(
  removeLowStockAlertsWorkflowId,
  (input: RemoveLowStockAlertsWorkflowInput) => {
    const itemLevels = when(
      "deleted-inventory-items",
      { input },
      ({ input }) => !!input.inventory_item_ids?.length
    ).then(() => {
      const { data } = useQueryGraphStep({
        entity: "inventory_level",
        fields: ["id"],
        filters: { inventory_item_id: input.inventory_item_ids },
        withDeleted: true,
      })
      return data
    })
    const removal = transform(
      { input, itemLevels },
      function deletedStockMarkers({ input, itemLevels }) {
        return {
          inventory_level_ids: [
            ...(input.inventory_level_ids ?? []),
            ...(itemLevels ?? []).map(({ id }: { id: string }) => id),
          ],
          variant_ids: input.variant_ids ?? [],
        }
      }
    )
    const removed = removeLowStockAlertsStep(removal)
    return new WorkflowResponse({ removed })
  }
)
