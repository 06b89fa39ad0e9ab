import {
  authenticate,
  type MiddlewareRoute,
  validateAndTransformBody,
  validateAndTransformQuery,
} from "@medusajs/framework/http"
import {
  StoreApplyLoyaltyPoints,
  StoreGetLoyalty,
  StoreListLoyaltyEntries,
} from "./loyalty-validators"

const customerOnly = authenticate("customer", ["session", "bearer"])

/** Store routes of the loyalty programme. */
export const loyaltyStoreMiddlewares: MiddlewareRoute[] = [
  {
    matcher: "/store/customers/me/loyalty",
    methods: ["GET"],
    middlewares: [customerOnly, validateAndTransformQuery(StoreGetLoyalty, {})],
  },
  {
    matcher: "/store/customers/me/loyalty/entries",
    methods: ["GET"],
    middlewares: [
      customerOnly,
      validateAndTransformQuery(StoreListLoyaltyEntries, {}),
    ],
  },
  {
    matcher: "/store/carts/:id/loyalty-points",
    methods: ["POST"],
    middlewares: [
      customerOnly,
      validateAndTransformBody(StoreApplyLoyaltyPoints),
    ],
  },
  {
    matcher: "/store/carts/:id/loyalty-points",
    methods: ["DELETE"],
    middlewares: [customerOnly],
  },
]
