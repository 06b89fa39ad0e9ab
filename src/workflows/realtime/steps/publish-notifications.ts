import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import {
  REALTIME_MODULE,
  type RealtimeEvent,
  type RealtimeModuleService,
} from "../../../modules/realtime"

export const publishNotificationsStepId = "realtime-publish-notifications"

/** One notification for the listeners of a channel. */
export type NotificationInput = {
  channel: string
  event: string
  data: Record<string, unknown>
}

/** Published to take back a notification of a rolled-back workflow. */
export const NOTIFICATION_RETRACTED = "notification.retracted"

/**
 * Publishes notifications on their channels. An event cannot be unsent, so
 * the compensation publishes a retraction of each one that went out.
 */
export const publishNotificationsStep = createStep(
  publishNotificationsStepId,
  async (notifications: NotificationInput[], { container }) => {
    if (!notifications.length) {
      return new StepResponse([] as RealtimeEvent[], [])
    }
    const realtime = container.resolve<RealtimeModuleService>(REALTIME_MODULE)
    const published: RealtimeEvent[] = []
    for (const { channel, event, data } of notifications) {
      published.push(await realtime.publish(channel, event, data))
    }
    return new StepResponse(
      published,
      published.map(({ id, channel, event }) => ({ id, channel, event }))
    )
  },
  async (published, { container }) => {
    if (!published?.length) {
      return
    }
    const realtime = container.resolve<RealtimeModuleService>(REALTIME_MODULE)
    for (const { id, channel, event } of published) {
      await realtime.publish(channel, NOTIFICATION_RETRACTED, { id, event })
    }
  }
)
