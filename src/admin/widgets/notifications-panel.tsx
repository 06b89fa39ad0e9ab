import { defineWidgetConfig } from "@medusajs/admin-sdk"
import { Button, Container } from "@medusajs/ui"
import { Link } from "react-router-dom"
import { FeedHeader } from "../components/notifications/feed-header"
import { NotificationList } from "../components/notifications/notification-list"
import { useAdminNotifications } from "../lib/notifications"

/** Notifications the panel shows; the page has the rest. */
const SHOWN = 5

/**
 * Live store notifications above the order, product and inventory lists,
 * where merchants spend their day (the admin has no header slot for a bell).
 */
const NotificationsPanelWidget = () => {
  const { items, unread, status, markAllRead } = useAdminNotifications()
  return (
    <Container className="divide-y p-0">
      <FeedHeader
        level="h2"
        unread={unread}
        status={status}
        onMarkAllRead={markAllRead}
      >
        <Button size="small" variant="transparent" asChild>
          <Link to="/notifications">See all</Link>
        </Button>
      </FeedHeader>
      <NotificationList items={items.slice(0, SHOWN)} unread={unread} />
    </Container>
  )
}

export const config = defineWidgetConfig({
  zone: [
    "order.list.before",
    "product.list.before",
    "inventory_item.list.before",
  ],
})

export default NotificationsPanelWidget
