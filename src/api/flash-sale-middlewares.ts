import {
  authenticate,
  validateAndTransformBody,
  validateAndTransformQuery,
  type MiddlewareRoute,
} from "@medusajs/framework/http"
import {
  AdminCreateFlashSale,
  AdminGetFlashSale,
  AdminListFlashSales,
  AdminUpdateFlashSale,
} from "./admin/flash-sales/validators"
import { limitReservationAttempts } from "./store/flash-sales/rate-limit"
import {
  StoreAddFlashSaleReservationToCart,
  StoreGetFlashSale,
  StoreListFlashSaleReservations,
  StoreListFlashSales,
  StoreReserveFlashSaleItem,
} from "./store/flash-sales/validators"

const customerOnly = authenticate("customer", ["session", "bearer"])

/** Store routes of flash sales: browsing, reserving, releasing. */
export const flashSaleStoreMiddlewares: MiddlewareRoute[] = [
  {
    matcher: "/store/flash-sales",
    methods: ["GET"],
    middlewares: [validateAndTransformQuery(StoreListFlashSales, {})],
  },
  {
    matcher: "/store/flash-sales/:id",
    methods: ["GET"],
    middlewares: [validateAndTransformQuery(StoreGetFlashSale, {})],
  },
  {
    matcher: "/store/flash-sales/:id/reservations",
    methods: ["POST"],
    middlewares: [
      customerOnly,
      limitReservationAttempts,
      validateAndTransformBody(StoreReserveFlashSaleItem),
    ],
  },
  {
    matcher: "/store/carts/:id/flash-sale-reservations",
    methods: ["POST"],
    middlewares: [
      customerOnly,
      validateAndTransformBody(StoreAddFlashSaleReservationToCart),
    ],
  },
  {
    matcher: "/store/flash-sales/reservations/:id",
    methods: ["DELETE"],
    middlewares: [customerOnly],
  },
  {
    matcher: "/store/customers/me/flash-sale-reservations",
    methods: ["GET"],
    middlewares: [
      customerOnly,
      validateAndTransformQuery(StoreListFlashSaleReservations, {}),
    ],
  },
]

/**
 * Admin routes of flash sales. Medusa authenticates every `/admin` route as
 * a user itself.
 */
export const flashSaleAdminMiddlewares: MiddlewareRoute[] = [
  {
    matcher: "/admin/flash-sales",
    methods: ["GET"],
    middlewares: [validateAndTransformQuery(AdminListFlashSales, {})],
  },
  {
    matcher: "/admin/flash-sales",
    methods: ["POST"],
    middlewares: [validateAndTransformBody(AdminCreateFlashSale)],
  },
  {
    matcher: "/admin/flash-sales/:id",
    methods: ["GET"],
    middlewares: [validateAndTransformQuery(AdminGetFlashSale, {})],
  },
  {
    matcher: "/admin/flash-sales/:id",
    methods: ["POST"],
    middlewares: [validateAndTransformBody(AdminUpdateFlashSale)],
  },
]
