import type { MedusaContainer } from "@medusajs/framework/types"
import type { AxiosInstance } from "axios"
import seedKleliteStore from "../../src/scripts/seed"
import { login, type StoreHeaders } from "./checkout"

/** Seeds the bakery and returns the headers every storefront call needs. */
export async function seedStore(container: MedusaContainer) {
  const seeded = await seedKleliteStore({ container, args: [] })
  const storeHeaders: StoreHeaders = {
    "x-publishable-api-key": seeded.publishableKey,
  }
  return { seeded, storeHeaders }
}

/** Bearer headers of the seeded admin user. */
export function loginAdmin(api: AxiosInstance): Promise<StoreHeaders> {
  return login(api, "user", "admin@klelite.local", "klelite-admin")
}

/** Storefront headers of the seeded demo customer, and the customer's id. */
export async function loginDemoCustomer(
  api: AxiosInstance,
  storeHeaders: StoreHeaders
) {
  const headers = {
    ...storeHeaders,
    ...(await login(api, "customer", "demo@klelite.local", "klelite-demo")),
  }
  const { data } = await api.get("/store/customers/me", { headers })
  return { headers, id: data.customer.id as string }
}
