import type {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import {
  REALTIME_MODULE,
  lastEventIdOf,
  sendEventStream,
  type RealtimeModuleService,
} from "../../../../modules/realtime"
import { queriedLastEventId } from "../../../utils/last-event-id-query"
import type { AdminNotificationStreamType } from "../validators"

/** Store-wide notifications (new orders, low stock) as server-sent events. */
export const GET = async (
  req: AuthenticatedMedusaRequest<unknown, AdminNotificationStreamType>,
  res: MedusaResponse
) => {
  const { channel } = req.validatedQuery
  const lastEventId = lastEventIdOf(
    req.headers["last-event-id"],
    queriedLastEventId(req.validatedQuery)
  )
  const realtime = req.scope.resolve<RealtimeModuleService>(REALTIME_MODULE)
  await sendEventStream(req, res, realtime, channel, lastEventId)
}
