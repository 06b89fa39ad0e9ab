import type { PointsExpiringData, RenderedEmail } from "../types"
import { escapeHtml, layout } from "./layout"

/** Warns the customer that unused points are about to expire. */
export function pointsExpiring(data: PointsExpiringData): RenderedEmail {
  const date = new Date(data.expires_at).toLocaleDateString("en-GB", {
    dateStyle: "long",
    timeZone: "UTC",
  })
  const subject = `${data.points} Klelite points expire on ${date}`
  const sentence = `Your ${data.points} points expire on ${date}. Any order before then keeps them.`
  return {
    subject,
    text: sentence,
    html: layout(subject, `<p>${escapeHtml(sentence)}</p>`),
  }
}
