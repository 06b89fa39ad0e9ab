import type { EmailJobInput, EmailTemplateName, RenderedEmail } from "../types"
import { backInStock } from "./back-in-stock"
import { orderConfirmation } from "./order-confirmation"
import { orderShipped } from "./order-shipped"
import { pointsEarned } from "./points-earned"
import { pointsExpiring } from "./points-expiring"

/** The template names the module can render. */
export const EMAIL_TEMPLATES: EmailTemplateName[] = [
  "order-confirmation",
  "order-shipped",
  "points-earned",
  "points-expiring",
  "back-in-stock",
]

/** Renders an email job's template with its data. */
export function renderEmail(job: EmailJobInput): RenderedEmail {
  switch (job.template) {
    case "order-confirmation":
      return orderConfirmation(job.data)
    case "order-shipped":
      return orderShipped(job.data)
    case "points-earned":
      return pointsEarned(job.data)
    case "points-expiring":
      return pointsExpiring(job.data)
    case "back-in-stock":
      return backInStock(job.data)
  }
}
