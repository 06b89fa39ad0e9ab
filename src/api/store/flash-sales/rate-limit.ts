import type {
  AuthenticatedMedusaRequest,
  MedusaNextFunction,
  MedusaResponse,
} from "@medusajs/framework/http"
import {
  FLASH_SALE_MODULE,
  type FlashSaleModuleService,
} from "../../../modules/flash-sale"

/**
 * Counts the customer's reservation attempt before anything else runs and
 * answers 429 with `Retry-After` once they are over the limit, so a script
 * hammering a sale costs one limiter hit per request.
 */
export async function limitReservationAttempts(
  req: AuthenticatedMedusaRequest,
  res: MedusaResponse,
  next: MedusaNextFunction
) {
  try {
    const verdict = await req.scope
      .resolve<FlashSaleModuleService>(FLASH_SALE_MODULE)
      .limitReservationAttempts(req.auth_context.actor_id)
    res.setHeader("X-RateLimit-Remaining", String(verdict.remaining))
    if (verdict.allowed) {
      return next()
    }
    res.setHeader("Retry-After", String(verdict.retryAfterSeconds))
    res.status(429).json({
      type: "too_many_requests",
      message: `Too many reservation attempts; try again in ${verdict.retryAfterSeconds} second(s)`,
    })
  } catch (error) {
    next(error)
  }
}
