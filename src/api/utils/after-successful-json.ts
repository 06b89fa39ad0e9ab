import type {
  MedusaNextFunction,
  MedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"

/** Middleware running `act(req, body)` once a route has sent a 2xx JSON answer. */
export function afterSuccessfulJson(
  act: (req: MedusaRequest, payload: unknown) => void
) {
  return (
    req: MedusaRequest,
    res: MedusaResponse,
    next: MedusaNextFunction
  ) => {
    const send = res.json.bind(res)
    res.json = (payload) => {
      const sent = send(payload)
      if (res.statusCode >= 200 && res.statusCode < 300) {
        try {
          act(req, payload)
        } catch (error) {
          // The answer is already sent: a failing side effect must not change it.
          req.scope
            .resolve(ContainerRegistrationKeys.LOGGER)
            .warn(
              `After ${req.method} ${req.path}: ${(error as Error).message}`
            )
        }
      }
      return sent
    }
    next()
  }
}
