import { Module } from "@medusajs/framework/utils"
import RealtimeModuleService from "./service"

/** Container key of the realtime module. */
export const REALTIME_MODULE = "realtime"

/** The realtime notifications module definition, for `medusa-config.ts`. */
export default Module(REALTIME_MODULE, {
  service: RealtimeModuleService,
})

export { RealtimeModuleService }
export * from "./types"
export * from "./utils/channels"
export { isEventId, parseEventId, compareEventIds } from "./utils/event-id"
export { sendEventStream } from "./http/event-stream"
export { chunkFrame } from "./http/chunked-socket-writer"
export { lastEventIdOf } from "./http/last-event-id"
