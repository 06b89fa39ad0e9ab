import type { PointsEarnedData, RenderedEmail } from "../types"
import { escapeHtml, layout } from "./layout"

/** Tells the customer how many points an order earned and their balance. */
export function pointsEarned(data: PointsEarnedData): RenderedEmail {
  const subject = `You earned ${data.points} Klelite points`
  const source = data.order_display_id
    ? ` with order #${data.order_display_id}`
    : ""
  const sentence = `You earned ${data.points} points${source}. Your balance is now ${data.balance} points.`
  return {
    subject,
    text: sentence,
    html: layout(subject, `<p>${escapeHtml(sentence)}</p>`),
  }
}
