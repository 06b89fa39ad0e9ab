const ENTITIES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
}

/** Escapes text for HTML. */
export function escapeHtml(value: unknown): string {
  return String(value ?? "").replace(/[&<>"']/g, (char) => ENTITIES[char])
}

/** The shared HTML frame of every email; `body` must already be escaped. */
export function layout(title: string, body: string): string {
  return `<!doctype html>
<html><body style="font-family:Georgia,serif;color:#2b2118;max-width:560px;margin:auto">
<h1 style="font-size:22px">${escapeHtml(title)}</h1>
${body}
<p style="color:#8a7b6b;font-size:12px">Klelite Pâtisserie</p>
</body></html>`
}

/** Formats an amount in major units, as Medusa stores it. */
export function money(amount: number, currencyCode: string): string {
  return new Intl.NumberFormat("en-GB", {
    style: "currency",
    currency: currencyCode.toUpperCase(),
  }).format(amount)
}

export const greeting = (name?: string | null) =>
  name ? `Dear ${name},` : "Hello,"
