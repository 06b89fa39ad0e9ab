import { defineWidgetConfig } from "@medusajs/admin-sdk"
import { Button } from "@medusajs/ui"
import { Link } from "react-router-dom"
import { NotificationsFeed } from "../components/notifications/notifications-feed"

/** Notifications the panel shows; the page has the rest. */
const SHOWN = 5

/**
 * Live store notifications above the order, product and inventory lists,
 * where merchants spend their day (the admin has no header slot for a bell).
 */
const NotificationsPanelWidget = () => (
  <NotificationsFeed level="h2" limit={SHOWN}>
    <Button size="small" variant="transparent" asChild>
      <Link to="/notifications">See all</Link>
    </Button>
  </NotificationsFeed>
)

export const config = defineWidgetConfig({
  zone: [
    "order.list.before",
    "product.list.before",
    "inventory_item.list.before",
  ],
})

export default NotificationsPanelWidget
