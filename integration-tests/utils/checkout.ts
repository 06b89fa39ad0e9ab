import type { AxiosInstance } from "axios"

export type StoreHeaders = Record<string, string>

export const PARIS_ADDRESS = {
  first_name: "Camille",
  last_name: "Durand",
  address_1: "12 rue du Bac",
  city: "Paris",
  postal_code: "75007",
  country_code: "fr",
  phone: "+33100000000",
}

/** Logs in with email/password and returns the bearer headers for `actor`. */
export async function login(
  api: AxiosInstance,
  actor: "customer" | "user",
  email: string,
  password: string
): Promise<StoreHeaders> {
  const { data } = await api.post(`/auth/${actor}/emailpass`, {
    email,
    password,
  })
  return { authorization: `Bearer ${data.token}` }
}

/**
 * Drives the store API through a whole checkout: cart, item, address,
 * courier delivery, a system-provider payment session, completion.
 */
export async function checkout(
  api: AxiosInstance,
  headers: StoreHeaders,
  options: { email?: string; quantity?: number } = {}
) {
  const { cartId, variant } = await prepareCart(api, headers, options)
  const completed = await completeCart(api, headers, cartId)
  return { completed, variant, cartId }
}

/** A cart with items, addresses and courier delivery, ready to pay. */
export async function prepareCart(
  api: AxiosInstance,
  headers: StoreHeaders,
  { email, quantity = 2 }: { email?: string; quantity?: number } = {}
) {
  const { data: regions } = await api.get("/store/regions", { headers })
  const europe = regions.regions.find(
    (region: { currency_code: string }) => region.currency_code === "eur"
  )

  const { data: products } = await api.get(
    "/store/products?handle=paris-brest&fields=*variants",
    { headers }
  )
  const variant = products.products[0].variants[0]

  const { data: created } = await api.post(
    "/store/carts",
    { region_id: europe.id },
    { headers }
  )
  const cartId = created.cart.id

  await api.post(
    `/store/carts/${cartId}/line-items`,
    { variant_id: variant.id, quantity },
    { headers }
  )
  await api.post(
    `/store/carts/${cartId}`,
    {
      ...(email ? { email } : {}),
      shipping_address: PARIS_ADDRESS,
      billing_address: PARIS_ADDRESS,
    },
    { headers }
  )

  const { data: options } = await api.get(
    `/store/shipping-options?cart_id=${cartId}`,
    { headers }
  )
  const courier = options.shipping_options.find(
    (option: { name: string }) => option.name === "Courier delivery"
  )
  await api.post(
    `/store/carts/${cartId}/shipping-methods`,
    { option_id: courier.id },
    { headers }
  )

  return { cartId, variant }
}

/** Opens a system-provider payment session and completes the cart. */
export async function completeCart(
  api: AxiosInstance,
  headers: StoreHeaders,
  cartId: string
) {
  const { data: collection } = await api.post(
    "/store/payment-collections",
    { cart_id: cartId },
    { headers }
  )
  await api.post(
    `/store/payment-collections/${collection.payment_collection.id}/payment-sessions`,
    { provider_id: "pp_system_default" },
    { headers }
  )

  const { data: completed } = await api.post(
    `/store/carts/${cartId}/complete`,
    {},
    { headers }
  )
  return completed
}
