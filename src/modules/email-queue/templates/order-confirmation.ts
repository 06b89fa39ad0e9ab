import type { OrderConfirmationData, RenderedEmail } from "../types"
import { escapeHtml, greeting, layout, money } from "./layout"

/** Thanks the customer and lists what they ordered. */
export function orderConfirmation(data: OrderConfirmationData): RenderedEmail {
  const subject = `Your Klelite order #${data.display_id} is confirmed`
  const total = money(data.total, data.currency_code)
  const lines = data.items.map((item) => `${item.quantity} × ${item.title}`)
  return {
    subject,
    text: [
      greeting(data.customer_name),
      "",
      `Thank you for your order #${data.display_id}.`,
      ...lines,
      `Total: ${total}`,
    ].join("\n"),
    html: layout(
      subject,
      `<p>${escapeHtml(greeting(data.customer_name))}</p>
<p>Thank you for your order #${escapeHtml(data.display_id)}.</p>
<ul>${lines.map((line) => `<li>${escapeHtml(line)}</li>`).join("")}</ul>
<p><strong>Total: ${escapeHtml(total)}</strong></p>`
    ),
  }
}
