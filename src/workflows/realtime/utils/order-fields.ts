/** Order fields the order notifications and emails are built from. */
export const ORDER_NOTIFICATION_FIELDS = [
  "id",
  "display_id",
  "email",
  "customer_id",
  "currency_code",
  "total",
  "items.product_title",
  "items.title",
  "items.quantity",
  "customer.first_name",
  "customer.has_account",
]

/** Query's numbers may come as strings or BigNumber-like values. */
export type Numeric = number | string | { toString(): string }

/** An order as the notification workflows read it. */
export type NotifiedOrder = {
  id: string
  display_id?: Numeric | null
  email?: string | null
  customer_id?: string | null
  currency_code?: string | null
  total?: Numeric | null
  items?:
    | ({
        product_title?: string | null
        title?: string | null
        quantity?: Numeric | null
      } | null)[]
    | null
  customer?: { first_name?: string | null; has_account?: boolean | null } | null
}

/** The customer's channel id, for registered customers only. */
export function accountHolderId(order: NotifiedOrder): string | null {
  return order.customer_id && order.customer?.has_account
    ? order.customer_id
    : null
}

/** Notifications carry plain numbers. */
export const amount = (value?: Numeric | null): number =>
  typeof value === "number" ? value : Number(value?.toString() ?? 0)
