import { ADMIN_CHANNEL, flashSaleChannel } from "../../../modules/realtime"
import type { NotificationInput } from "../../realtime/steps/publish-notifications"
import type { PublicSale } from "../steps/load-public-sale"
import { FlashSaleEvents } from "../events"

/** Event name of a units-left update on a sale's public channel. */
export const UNITS_LEFT_EVENT = "flash_sale.units_left"

/** Each item's units left, as shoppers see them. */
function unitsLeft(sale: PublicSale) {
  return sale.items.map(({ id, variant_id, units_left }) => ({
    id,
    variant_id,
    units_left,
  }))
}

/**
 * A sale starting or ending: the countdown and units left on its public
 * channel, and a start on the admin channel.
 */
export function statusAnnouncements(
  event: typeof FlashSaleEvents.STARTED | typeof FlashSaleEvents.ENDED,
  sale: PublicSale | null
): NotificationInput[] {
  if (!sale) {
    return []
  }
  const announcements: NotificationInput[] = [
    { channel: flashSaleChannel(sale.id), event, data: sale },
  ]
  if (event === FlashSaleEvents.STARTED) {
    announcements.push({
      channel: ADMIN_CHANNEL,
      event,
      data: { title: `Flash sale started: ${sale.title}`, id: sale.id },
    })
  }
  return announcements
}

/** An item sold out: on the sale's public channel and the admin channel. */
export function soldOutAnnouncements(
  sold: { id: string; item_id: string; variant_id: string },
  sale: PublicSale | null
): NotificationInput[] {
  if (!sale) {
    return []
  }
  const data = {
    ...sold,
    server_time: sale.server_time,
    units_left: sale.items[0]?.units_left ?? 0,
  }
  return [
    {
      channel: flashSaleChannel(sale.id),
      event: FlashSaleEvents.SOLD_OUT,
      data,
    },
    {
      channel: ADMIN_CHANNEL,
      event: FlashSaleEvents.SOLD_OUT,
      data: { ...data, title: `Sold out: ${sale.title}` },
    },
  ]
}

/** Units left of some items, on the sale's public channel. */
export function unitsLeftAnnouncements(
  sale: PublicSale | null
): NotificationInput[] {
  if (!sale || !sale.items.length) {
    return []
  }
  return [
    {
      channel: flashSaleChannel(sale.id),
      event: UNITS_LEFT_EVENT,
      data: {
        id: sale.id,
        server_time: sale.server_time,
        items: unitsLeft(sale),
      },
    },
  ]
}
