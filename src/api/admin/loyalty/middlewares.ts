import {
  validateAndTransformBody,
  validateAndTransformQuery,
  type MiddlewareRoute,
} from "@medusajs/framework/http"
import {
  AdminAdjustLoyaltyPoints,
  AdminLoyaltyEntriesParams,
} from "../customers/[id]/loyalty/validators"
import { AdminUpdateLoyaltySettings } from "./validators"

/**
 * Validation for the admin loyalty routes. Medusa authenticates every
 * `/admin` route as a user (session, bearer or secret API key) itself.
 */
export const loyaltyAdminMiddlewares: MiddlewareRoute[] = [
  {
    methods: ["GET"],
    matcher: "/admin/customers/:id/loyalty/entries",
    middlewares: [
      validateAndTransformQuery(AdminLoyaltyEntriesParams, {
        isList: true,
        defaultLimit: 20,
      }),
    ],
  },
  {
    methods: ["POST"],
    matcher: "/admin/customers/:id/loyalty/adjustments",
    middlewares: [validateAndTransformBody(AdminAdjustLoyaltyPoints)],
  },
  {
    methods: ["POST"],
    matcher: "/admin/loyalty/settings",
    middlewares: [validateAndTransformBody(AdminUpdateLoyaltySettings)],
  },
]
