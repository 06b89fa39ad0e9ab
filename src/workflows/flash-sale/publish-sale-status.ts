import {
  createWorkflow,
  transform,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { publishNotificationsStep } from "../realtime/steps/publish-notifications"
import { FlashSaleEvents } from "./events"
import { loadPublicSaleStep } from "./steps/load-public-sale"
import { statusAnnouncements } from "./utils/announcements"

export const publishSaleStatusWorkflowId = "flash-sale-publish-status"

export type PublishSaleStatusInput = {
  id: string
  event: typeof FlashSaleEvents.STARTED | typeof FlashSaleEvents.ENDED
}

/**
 * Streams a sale's start or end live: the countdown and units left on its
 * public channel, and the start to the admins.
 */
export const publishSaleStatusWorkflow = createWorkflow(
  publishSaleStatusWorkflowId,
  (input: PublishSaleStatusInput) => {
    const sale = loadPublicSaleStep({ id: input.id })
    const notifications = transform(
      { input, sale },
      function saleStatusNotifications({ input, sale }) {
        return statusAnnouncements(input.event, sale)
      }
    )
    return new WorkflowResponse(publishNotificationsStep(notifications))
  }
)
