import { Badge, Text } from "@medusajs/ui"
import { Link } from "react-router-dom"
import type { AdminNotification } from "../../lib/notifications-feed"

type BadgeColor = "green" | "grey" | "orange" | "blue" | "red"

const KINDS: Record<string, { label: string; color: BadgeColor }> = {
  "order.placed": { label: "New order", color: "green" },
  "order.canceled": { label: "Canceled", color: "grey" },
  "payment.captured": { label: "Payment", color: "blue" },
  "inventory.low_stock": { label: "Low stock", color: "orange" },
  "flash_sale.started": { label: "Flash sale", color: "blue" },
  "flash_sale.sold_out": { label: "Sold out", color: "red" },
}

/** Where a notification leads in the admin, if anywhere. */
function linkOf({ event, data }: AdminNotification): string | null {
  const id = (key: string) =>
    typeof data[key] === "string" ? (data[key] as string) : null
  if (event.startsWith("order.") || event === "payment.captured") {
    return id("order_id") && `/orders/${id("order_id")}`
  }
  if (event === "inventory.low_stock") {
    return id("product_id") && `/products/${id("product_id")}`
  }
  return event.startsWith("flash_sale.") ? "/flash-sales" : null
}

/** The time an event id was published: its first part is milliseconds. */
const timeOf = (id: string) =>
  new Date(Number(id.split("-")[0])).toLocaleTimeString([], {
    hour: "2-digit",
    minute: "2-digit",
  })

/** One notification: its kind, title, time and a link to what it is about. */
export const NotificationRow = ({
  item,
  unread,
}: {
  item: AdminNotification
  unread: boolean
}) => {
  const kind = KINDS[item.event] ?? { label: item.event, color: "grey" }
  const link = linkOf(item)
  const title = (
    <Text
      size="small"
      weight={unread ? "plus" : "regular"}
      className="truncate"
    >
      {item.title}
    </Text>
  )
  return (
    <div className="flex items-center gap-x-3 px-6 py-2">
      <span
        aria-label={unread ? "unread" : "read"}
        className={`size-2 shrink-0 rounded-full ${unread ? "bg-ui-fg-interactive" : "bg-transparent"}`}
      />
      <Badge size="2xsmall" color={kind.color} className="shrink-0">
        {kind.label}
      </Badge>
      <div className="min-w-0 flex-1">
        {link ? (
          <Link to={link} className="hover:underline">
            {title}
          </Link>
        ) : (
          title
        )}
      </div>
      <Text size="xsmall" className="text-ui-fg-muted shrink-0">
        {timeOf(item.id)}
      </Text>
    </div>
  )
}
