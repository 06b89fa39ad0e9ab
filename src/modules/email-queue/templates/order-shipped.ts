import type { OrderShippedData, RenderedEmail } from "../types"
import { escapeHtml, greeting, layout } from "./layout"

/** Tells the customer their order is on its way, with tracking numbers. */
export function orderShipped(data: OrderShippedData): RenderedEmail {
  const subject = `Your Klelite order #${data.display_id} has shipped`
  const tracking = data.tracking_numbers.length
    ? `Tracking: ${data.tracking_numbers.join(", ")}`
    : "It is on its way to you."
  return {
    subject,
    text: [greeting(data.customer_name), "", subject + ".", tracking].join(
      "\n"
    ),
    html: layout(
      subject,
      `<p>${escapeHtml(greeting(data.customer_name))}</p>
<p>${escapeHtml(subject)}.</p>
<p>${escapeHtml(tracking)}</p>`
    ),
  }
}
