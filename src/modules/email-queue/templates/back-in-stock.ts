import type { BackInStockData, RenderedEmail } from "../types"
import { escapeHtml, layout } from "./layout"

/** Tells a customer who asked that a variant can be ordered again. */
export function backInStock(data: BackInStockData): RenderedEmail {
  const name = data.variant_title
    ? `${data.product_title} (${data.variant_title})`
    : data.product_title
  const subject = `${name} is back in stock`
  const sentence = `${name} is available again. Order soon: it sells fast.`
  return {
    subject,
    text: sentence,
    html: layout(subject, `<p>${escapeHtml(sentence)}</p>`),
  }
}
