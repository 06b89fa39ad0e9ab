import { MedusaError } from "@medusajs/framework/utils"
import type { SmtpNotificationOptions } from "../types"

export type ResolvedSmtpOptions = {
  url: string
  from: string
  timeoutMs: number
  /** `host:port` for logs and health, never the credentials. */
  server: string
}

const DEFAULT_FROM = "Klelite Pâtisserie <no-reply@klelite.local>"

/**
 * Checks the options at boot so a typo in `SMTP_URL` fails the start with a
 * message naming the problem, not the first email hours later.
 */
export function resolveSmtpOptions(
  options: Partial<SmtpNotificationOptions> = {}
): ResolvedSmtpOptions {
  const { url, from = DEFAULT_FROM, timeoutMs = 10_000 } = options
  if (!url) {
    throw invalid(`"url" is required, such as smtp://user:pass@host:587`)
  }
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    throw invalid(`"url" is not a URL: use smtp://user:pass@host:587`)
  }
  if (parsed.protocol !== "smtp:" && parsed.protocol !== "smtps:") {
    throw invalid(
      `"url" must start with smtp:// or smtps://, got ${parsed.protocol}//`
    )
  }
  if (!parsed.hostname) {
    throw invalid(`"url" has no host: use smtp://user:pass@host:587`)
  }
  if (!from.trim()) {
    throw invalid(`"from" must not be empty`)
  }
  if (!Number.isSafeInteger(timeoutMs) || timeoutMs < 1) {
    throw invalid(`"timeoutMs" must be a whole number above 0`)
  }
  const port = parsed.port || (parsed.protocol === "smtps:" ? "465" : "587")
  return { url, from, timeoutMs, server: `${parsed.hostname}:${port}` }
}

function invalid(message: string): MedusaError {
  return new MedusaError(
    MedusaError.Types.INVALID_ARGUMENT,
    `SMTP notification provider: ${message}`
  )
}
