import {
  createWorkflow,
  transform,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { publishNotificationsStep } from "../realtime/steps/publish-notifications"
import type { SoldOutEventData } from "./events"
import { loadPublicSaleStep } from "./steps/load-public-sale"
import { soldOutAnnouncements } from "./utils/announcements"

export const publishSoldOutWorkflowId = "flash-sale-publish-sold-out"

/** Streams an item's sell-out to its sale's shoppers and to the admins. */
export const publishSoldOutWorkflow = createWorkflow(
  publishSoldOutWorkflowId,
  (input: SoldOutEventData) => {
    const itemIds = transform({ input }, function soldOutItem({ input }) {
      return [input.item_id]
    })
    const sale = loadPublicSaleStep({ id: input.id, item_ids: itemIds })
    const notifications = transform(
      { input, sale },
      function soldOutNotifications({ input, sale }) {
        return soldOutAnnouncements(input, sale)
      }
    )
    return new WorkflowResponse(publishNotificationsStep(notifications))
  }
)
