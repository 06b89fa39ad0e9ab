import { Container } from "@medusajs/ui"
import type { ReactNode } from "react"
import { useAdminNotifications } from "../../lib/notifications"
import { FeedHeader } from "./feed-header"
import { NotificationList } from "./notification-list"

type NotificationsFeedProps = {
  level: "h1" | "h2"
  /** How many of the newest notifications to show; all when left out. */
  limit?: number
  /** Actions shown in the header beside "Mark all read". */
  children?: ReactNode
}

/** The admin's live notifications under a header with the unread count. */
export const NotificationsFeed = ({
  level,
  limit,
  children,
}: NotificationsFeedProps) => {
  const { items, unread, status, markAllRead } = useAdminNotifications()
  return (
    <Container className="divide-y p-0">
      <FeedHeader
        level={level}
        unread={unread}
        status={status}
        onMarkAllRead={markAllRead}
      >
        {children}
      </FeedHeader>
      <NotificationList
        items={limit === undefined ? items : items.slice(0, limit)}
        unread={unread}
      />
    </Container>
  )
}
