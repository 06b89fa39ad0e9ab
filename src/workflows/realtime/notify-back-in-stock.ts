import {
  createWorkflow,
  transform,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { useQueryGraphStep } from "@medusajs/medusa/core-flows"
import type { EmailJobInput } from "../../modules/email-queue"
import { customerChannel } from "../../modules/realtime"
import { enqueueEmailsStep } from "../email/steps/enqueue-emails"
import { claimBackInStockStep } from "./steps/claim-back-in-stock"
import {
  publishNotificationsStep,
  type NotificationInput,
} from "./steps/publish-notifications"
import { levelStock, STOCK_LEVEL_FIELDS, type StockLevel } from "./utils/stock"

export const notifyBackInStockWorkflowId = "realtime-notify-back-in-stock"

/**
 * When a level has sellable units, notifies every customer waiting for one
 * of its variants, once each, live and by email.
 */
export const notifyBackInStockWorkflow = createWorkflow(
  notifyBackInStockWorkflowId,
  (input: { inventory_level_id: string }) => {
    const { data: levels } = useQueryGraphStep({
      entity: "inventory_level",
      fields: STOCK_LEVEL_FIELDS,
      filters: { id: input.inventory_level_id },
    })
    const stock = transform({ levels }, function restocked({ levels }) {
      const level: StockLevel | undefined = levels[0]
      return levelStock(level)
    })
    const variantIds = transform({ stock }, function inStock({ stock }) {
      return stock.available > 0
        ? stock.variants.map(({ variant_id }) => variant_id)
        : []
    })
    const claimed = claimBackInStockStep(variantIds)

    const notifications = transform(
      { claimed, stock },
      function backInStockNotifications({
        claimed,
        stock,
      }): NotificationInput[] {
        return claimed.flatMap((request) => {
          const variant = stock.variants.find(
            ({ variant_id }) => variant_id === request.variant_id
          )
          return variant
            ? [
                {
                  channel: customerChannel(request.customer_id),
                  event: "product.back_in_stock",
                  data: {
                    title: `${variant.product_title} is back in stock`,
                    request_id: request.id,
                    ...variant,
                  },
                },
              ]
            : []
        })
      }
    )
    const emails = transform(
      { claimed, stock },
      function backInStockEmails({ claimed, stock }): EmailJobInput[] {
        return claimed.flatMap((request) => {
          const variant = stock.variants.find(
            ({ variant_id }) => variant_id === request.variant_id
          )
          return variant
            ? [
                {
                  event: `back-in-stock:${request.id}`,
                  to: request.email,
                  template: "back-in-stock" as const,
                  data: {
                    product_title: variant.product_title,
                    variant_title: variant.variant_title,
                    product_handle: variant.product_handle,
                  },
                },
              ]
            : []
        })
      }
    )
    const published = publishNotificationsStep(notifications)
    const queued = enqueueEmailsStep(emails)
    return new WorkflowResponse({ published, queued, claimed })
  }
)
