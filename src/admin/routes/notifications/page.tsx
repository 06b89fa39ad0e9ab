import { defineRouteConfig } from "@medusajs/admin-sdk"
import { BellAlert } from "@medusajs/icons"
import { Button, Container } from "@medusajs/ui"
import { Link } from "react-router-dom"
import { FeedHeader } from "../../components/notifications/feed-header"
import { NotificationList } from "../../components/notifications/notification-list"
import { useAdminNotifications } from "../../lib/notifications"

/** Every live notification of this visit, newest first. */
const NotificationsPage = () => {
  const { items, unread, status, markAllRead } = useAdminNotifications()
  return (
    <Container className="divide-y p-0">
      <FeedHeader
        level="h1"
        unread={unread}
        status={status}
        onMarkAllRead={markAllRead}
      >
        <Button size="small" variant="secondary" asChild>
          <Link to="/notifications/email-jobs">Failed emails</Link>
        </Button>
      </FeedHeader>
      <NotificationList items={items} unread={unread} />
    </Container>
  )
}

export const config = defineRouteConfig({
  label: "Notifications",
  icon: BellAlert,
})

export default NotificationsPage
