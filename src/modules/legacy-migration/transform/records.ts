// What each legacy collection migrates to. Money is a DECIMAL string, parents
// are named by legacy id (the loader resolves them to row ids).

export type AddressRecord = {
  position: number
  label: string | null
  fullName: string | null
  line1: string
  line2: string | null
  city: string
  postalCode: string | null
  countryCode: string
  phone: string | null
  isDefault: boolean
}

export type CustomerRecord = {
  legacyId: string
  email: string
  passwordHash: string
  firstName: string
  lastName: string | null
  phone: string | null
  loyaltyPoints: number
  createdAt: Date
  updatedAt: Date
  deletedAt: Date | null
  addresses: AddressRecord[]
  /** Legacy ids of wished products that exist; the others are dropped. */
  wishlist: string[]
  droppedAddresses: number
  droppedWishlistItems: number
}

export type VariantRecord = {
  position: number
  sku: string
  name: string
  price: string
  compareAtPrice: string | null
  stock: number
  weightGrams: number | null
}

export type ProductRecord = {
  legacyId: string
  name: string
  slug: string
  description: string | null
  category: { slug: string; name: string } | null
  price: string
  isActive: boolean
  createdAt: Date
  updatedAt: Date
  deletedAt: Date | null
  variants: VariantRecord[]
}

export type OrderItemRecord = {
  position: number
  /** Null when the product is gone: the line keeps its name and price. */
  productLegacyId: string | null
  sku: string | null
  productName: string
  unitPrice: string
  quantity: number
  lineTotal: string
}

export type OrderStatusEventRecord = {
  position: number
  status: OrderStatus
  note: string | null
  occurredAt: Date
}

export const ORDER_STATUSES = [
  "pending",
  "confirmed",
  "processing",
  "shipped",
  "delivered",
  "cancelled",
  "refunded",
] as const
export type OrderStatus = (typeof ORDER_STATUSES)[number]

export const PAYMENT_STATUSES = [
  "pending",
  "paid",
  "failed",
  "refunded",
] as const
export type PaymentStatus = (typeof PAYMENT_STATUSES)[number]

export type OrderRecord = {
  legacyId: string
  orderNumber: string
  customerLegacyId: string
  status: OrderStatus
  currencyCode: string
  subtotal: string
  shippingTotal: string
  discountTotal: string
  total: string
  paymentMethod: string | null
  paymentStatus: PaymentStatus
  paymentRef: string | null
  paidAt: Date | null
  shippingAddress: Record<string, unknown> | null
  placedAt: Date
  createdAt: Date
  updatedAt: Date
  deletedAt: Date | null
  items: OrderItemRecord[]
  statusEvents: OrderStatusEventRecord[]
}

export type ReviewRecord = {
  legacyId: string
  productLegacyId: string
  customerLegacyId: string
  rating: number
  title: string | null
  comment: string | null
  isVerifiedPurchase: boolean
  createdAt: Date
  deletedAt: Date | null
}

export const LOYALTY_TYPES = ["earn", "redeem", "adjust", "expire"] as const
export type LoyaltyType = (typeof LOYALTY_TYPES)[number]

export type LoyaltyTransactionRecord = {
  legacyId: string
  customerLegacyId: string
  /** Null when the order is unknown: the points stay, the link goes. */
  orderLegacyId: string | null
  type: LoyaltyType
  points: number
  balanceAfter: number | null
  description: string | null
  createdAt: Date
}

export type FlashSaleItemRecord = {
  productLegacyId: string
  salePrice: string
  stockLimit: number
  soldCount: number
  perCustomerLimit: number | null
}

export type FlashSaleRecord = {
  legacyId: string
  name: string
  startsAt: Date
  endsAt: Date
  isActive: boolean
  createdAt: Date
  deletedAt: Date | null
  items: FlashSaleItemRecord[]
  droppedItems: number
}
