import { MedusaError } from "@medusajs/framework/utils"

const CHANNEL = /^(admin|(customer|flash-sale|product):[A-Za-z0-9_-]{1,64})$/

/** The channel of one customer's notifications. */
export const customerChannel = (customerId: string) => `customer:${customerId}`
/** The channel every admin user listens to. */
export const ADMIN_CHANNEL = "admin"
/** The channel of a product's public updates (stock, price). */
export const productChannel = (productId: string) => `product:${productId}`
/** The channel of a flash sale's public updates. */
export const flashSaleChannel = (saleId: string) => `flash-sale:${saleId}`

/** True for `admin`, `customer:<id>`, `flash-sale:<id>` and `product:<id>`. */
export function isChannel(channel: string): boolean {
  return CHANNEL.test(channel)
}

/** Returns `channel` if it is one the module serves; throws otherwise. */
export function assertChannel(channel: string): string {
  if (!isChannel(channel)) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      `Unknown channel "${channel.slice(0, 80)}": use admin, customer:<id>, flash-sale:<id> or product:<id>`
    )
  }
  return channel
}
