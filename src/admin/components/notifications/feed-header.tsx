import { BellAlert } from "@medusajs/icons"
import { Badge, Button, Heading, StatusBadge } from "@medusajs/ui"
import type { ReactNode } from "react"
import type { FeedStatus } from "../../lib/notifications-feed"

const STATUS = {
  connecting: { color: "grey", label: "Connecting" },
  live: { color: "green", label: "Live" },
  reconnecting: { color: "orange", label: "Reconnecting" },
} as const

/** Bell, unread count, connection status and the mark-as-read action. */
export const FeedHeader = ({
  level,
  unread,
  status,
  onMarkAllRead,
  children,
}: {
  level: "h1" | "h2"
  unread: number
  status: FeedStatus
  onMarkAllRead: () => void
  children?: ReactNode
}) => (
  <div className="flex items-center justify-between px-6 py-4">
    <div className="flex items-center gap-x-2">
      <BellAlert />
      <Heading level={level}>Notifications</Heading>
      {unread > 0 && (
        <Badge size="2xsmall" color="red" aria-label="unread notifications">
          {unread > 99 ? "99+" : unread}
        </Badge>
      )}
    </div>
    <div className="flex items-center gap-x-2">
      <StatusBadge color={STATUS[status].color}>
        {STATUS[status].label}
      </StatusBadge>
      <Button
        size="small"
        variant="secondary"
        disabled={!unread}
        onClick={onMarkAllRead}
      >
        Mark all read
      </Button>
      {children}
    </div>
  </div>
)
