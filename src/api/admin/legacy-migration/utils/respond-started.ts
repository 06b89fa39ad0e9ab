import type { MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"

const CONFLICT = MedusaError.Types.CONFLICT

/**
 * Answers 202 with what `start` returns, or 409 with the message of the
 * CONFLICT it throws (another run holds the migration).
 */
export async function respondStarted(
  res: MedusaResponse,
  start: () => Promise<Record<string, unknown>>
): Promise<void> {
  try {
    res.status(202).json(await start())
  } catch (error) {
    // Medusa's error handler words every 409 as an idempotency clash.
    if (MedusaError.isMedusaError(error) && error.type === CONFLICT) {
      res.status(409).json({ type: CONFLICT, message: error.message })
      return
    }
    throw error
  }
}
