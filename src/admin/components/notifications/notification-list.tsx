import { Text } from "@medusajs/ui"
import {
  compareIds,
  type AdminNotification,
} from "../../lib/notifications-feed"
import { NotificationRow } from "./notification-row"

/** Notifications newest first; those after `lastRead` marked unread. */
export const NotificationList = ({
  items,
  unread,
}: {
  items: AdminNotification[]
  unread: number
}) => {
  if (!items.length) {
    return (
      <Text size="small" className="text-ui-fg-subtle px-6 py-4">
        Nothing yet: new orders, payments, low stock and flash sales appear here
        as they happen.
      </Text>
    )
  }
  const firstRead = items[unread]?.id
  return (
    <div className="flex flex-col py-2">
      {items.map((item) => (
        <NotificationRow
          key={item.id}
          item={item}
          unread={!firstRead || compareIds(item.id, firstRead) > 0}
        />
      ))}
    </div>
  )
}
