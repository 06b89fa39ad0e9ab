import {
  createWorkflow,
  transform,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { publishNotificationsStep } from "../realtime/steps/publish-notifications"
import type { UnitsChangedEventData } from "./events"
import { loadPublicSaleStep } from "./steps/load-public-sale"
import { unitsLeftAnnouncements } from "./utils/announcements"

export const publishUnitsLeftWorkflowId = "flash-sale-publish-units-left"

/** Streams the units left of the items that changed to the sale's shoppers. */
export const publishUnitsLeftWorkflow = createWorkflow(
  publishUnitsLeftWorkflowId,
  (input: UnitsChangedEventData) => {
    const sale = loadPublicSaleStep(input)
    const notifications = transform(
      { sale },
      function unitsLeftNotifications({ sale }) {
        return unitsLeftAnnouncements(sale)
      }
    )
    return new WorkflowResponse(publishNotificationsStep(notifications))
  }
)
