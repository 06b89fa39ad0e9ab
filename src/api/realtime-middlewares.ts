import {
  authenticate,
  validateAndTransformBody,
  validateAndTransformQuery,
  type MiddlewareRoute,
} from "@medusajs/framework/http"
import {
  AdminListEmailJobs,
  AdminNotificationStream,
  AdminRetryEmailJob,
} from "./admin/notifications/validators"
import { StoreNotificationStream } from "./store/customers/me/notifications/validators"
import { StoreFlashSaleStream } from "./store/flash-sales/[id]/stream/validators"
import { StoreRequestBackInStock } from "./store/variants/[id]/back-in-stock/validators"

const customerOnly = authenticate("customer", ["session", "bearer"])

/** Store routes of real-time notifications and back-in-stock requests. */
export const realtimeStoreMiddlewares: MiddlewareRoute[] = [
  {
    matcher: "/store/customers/me/notifications/stream",
    methods: ["GET"],
    middlewares: [
      customerOnly,
      validateAndTransformQuery(StoreNotificationStream, {}),
    ],
  },
  {
    matcher: "/store/variants/:id/back-in-stock",
    methods: ["POST"],
    middlewares: [
      customerOnly,
      validateAndTransformBody(StoreRequestBackInStock),
    ],
  },
  {
    matcher: "/store/flash-sales/:id/stream",
    methods: ["GET"],
    middlewares: [validateAndTransformQuery(StoreFlashSaleStream, {})],
  },
]

/**
 * Admin routes of real-time notifications and the email queue. Medusa
 * authenticates every `/admin` route as a user itself.
 */
export const realtimeAdminMiddlewares: MiddlewareRoute[] = [
  {
    matcher: "/admin/notifications/stream",
    methods: ["GET"],
    middlewares: [validateAndTransformQuery(AdminNotificationStream, {})],
  },
  {
    matcher: "/admin/notifications/email-jobs",
    methods: ["GET"],
    middlewares: [validateAndTransformQuery(AdminListEmailJobs, {})],
  },
  {
    matcher: "/admin/notifications/email-jobs/:id/retry",
    methods: ["POST"],
    middlewares: [validateAndTransformBody(AdminRetryEmailJob)],
  },
]
