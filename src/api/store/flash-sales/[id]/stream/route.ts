import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import {
  FLASH_SALE_MODULE,
  type FlashSaleModuleService,
} from "../../../../../modules/flash-sale"
import {
  REALTIME_MODULE,
  flashSaleChannel,
  isChannel,
  lastEventIdOf,
  sendEventStream,
  type RealtimeModuleService,
} from "../../../../../modules/realtime"
import { queriedLastEventId } from "../../../../utils/last-event-id-query"
import type { StoreFlashSaleStreamType } from "./validators"

/** A published flash sale's public updates as server-sent events. */
export const GET = async (
  req: MedusaRequest<unknown, StoreFlashSaleStreamType>,
  res: MedusaResponse
) => {
  const channel = flashSaleChannel(req.params.id)
  const flashSales =
    req.scope.resolve<FlashSaleModuleService>(FLASH_SALE_MODULE)
  const [sale] = isChannel(channel)
    ? await flashSales.listFlashSales(
        { id: req.params.id },
        { select: ["id", "status"] }
      )
    : []
  if (!sale || sale.status === "draft") {
    throw new MedusaError(
      MedusaError.Types.NOT_FOUND,
      `Flash sale ${req.params.id} was not found`
    )
  }
  const lastEventId = lastEventIdOf(
    req.headers["last-event-id"],
    queriedLastEventId(req.validatedQuery)
  )
  const realtime = req.scope.resolve<RealtimeModuleService>(REALTIME_MODULE)
  await sendEventStream(req, res, realtime, channel, lastEventId)
}
