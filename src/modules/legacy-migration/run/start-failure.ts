import { MedusaError } from "@medusajs/framework/utils"
import { errorMessage } from "../deploy/errors"

const MEDUSA_ERROR_TYPES = new Set<string>(Object.values(MedusaError.Types))

/**
 * Why an admin run could not start, as a MedusaError of the type it was
 * thrown with (a lock held elsewhere stays a CONFLICT), or UNEXPECTED_STATE
 * for anything else. Read by shape: a workflow hands its errors back
 * serialised.
 */
export function startFailure(error: unknown): MedusaError {
  const type = (error as { type?: unknown } | null)?.type
  return new MedusaError(
    typeof type === "string" && MEDUSA_ERROR_TYPES.has(type)
      ? type
      : MedusaError.Types.UNEXPECTED_STATE,
    errorMessage(error).split("\n")[0]
  )
}
