import { defineRouteConfig } from "@medusajs/admin-sdk"
import { BellAlert } from "@medusajs/icons"
import { Button } from "@medusajs/ui"
import { Link } from "react-router-dom"
import { NotificationsFeed } from "../../components/notifications/notifications-feed"

/** Every live notification of this visit, newest first. */
const NotificationsPage = () => (
  <NotificationsFeed level="h1">
    <Button size="small" variant="secondary" asChild>
      <Link to="/notifications/email-jobs">Failed emails</Link>
    </Button>
  </NotificationsFeed>
)

export const config = defineRouteConfig({
  label: "Notifications",
  icon: BellAlert,
})

export default NotificationsPage
