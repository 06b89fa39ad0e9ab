import type {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import {
  REALTIME_MODULE,
  customerChannel,
  lastEventIdOf,
  sendEventStream,
  type RealtimeModuleService,
} from "../../../../../../modules/realtime"
import { queriedLastEventId } from "../../../../../utils/last-event-id-query"
import type { StoreNotificationStreamType } from "../validators"

/**
 * The signed-in customer's notifications as server-sent events. Only the
 * customer's own channel can be read.
 */
export const GET = async (
  req: AuthenticatedMedusaRequest<unknown, StoreNotificationStreamType>,
  res: MedusaResponse
) => {
  const own = customerChannel(req.auth_context.actor_id)
  const { channel = own } = req.validatedQuery
  if (channel !== own) {
    throw new MedusaError(
      MedusaError.Types.FORBIDDEN,
      "A customer can only follow their own notifications"
    )
  }
  const lastEventId = lastEventIdOf(
    req.headers["last-event-id"],
    queriedLastEventId(req.validatedQuery)
  )
  const realtime = req.scope.resolve<RealtimeModuleService>(REALTIME_MODULE)
  await sendEventStream(req, res, realtime, own, lastEventId)
}
