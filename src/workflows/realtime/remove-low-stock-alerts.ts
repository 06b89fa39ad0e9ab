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

type Ided = { id: string }

/** A variant's link to an inventory item, with the item's levels. */
type VariantStock = {
  inventory?: { location_levels?: (Ided | null)[] | null } | null
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
    // The links of a deleted variant are deleted with it: only they still
    // name the levels a sync may be marking the variant at.
    const variantStock = when(
      "deleted-variants",
      { input },
      ({ input }) => !!input.variant_ids?.length
    ).then(() => {
      const { data } = useQueryGraphStep({
        entity: "product_variant_inventory_item",
        fields: ["inventory.location_levels.id"],
        filters: { variant_id: input.variant_ids },
        withDeleted: true,
      }).config({ name: "deleted-variant-levels" })
      return data
    })
    const removal = transform(
      { input, itemLevels, variantStock },
      function deletedStockMarkers({ input, itemLevels, variantStock }) {
        const variantLevels = (variantStock ?? []).flatMap(
          ({ inventory }: VariantStock) => inventory?.location_levels ?? []
        )
        return {
          inventory_level_ids: [
            ...(input.inventory_level_ids ?? []),
            ...(itemLevels ?? []).map(({ id }: Ided) => id),
          ],
          variant_ids: input.variant_ids ?? [],
          variant_level_ids: variantLevels.flatMap((level: Ided | null) =>
            level ? [level.id] : []
          ),
        }
      }
    )
    const removed = removeLowStockAlertsStep(removal)
    return new WorkflowResponse({ removed })
  }
)
