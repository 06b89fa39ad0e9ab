type Amount = number | string | { toString(): string } | null | undefined

/** A payment with its refunds, as the order graph returns it. */
export type PaymentWithRefunds = {
  amount: Amount
  refunds?: ({ amount: Amount } | null)[] | null
}

const toNumber = (value: Amount) =>
  value === null || value === undefined ? 0 : Number(value.toString())

/** Share (0..1) of what was paid for an order that has been refunded. */
export function refundedRatio(payments: (PaymentWithRefunds | null)[]): number {
  let paid = 0
  let refunded = 0
  for (const payment of payments) {
    if (!payment) {
      continue
    }
    paid += toNumber(payment.amount)
    for (const refund of payment.refunds ?? []) {
      refunded += toNumber(refund?.amount)
    }
  }
  return paid > 0 ? Math.min(1, refunded / paid) : 0
}
