import type { CustomerDTO } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { createCustomerAccountWorkflow } from "@medusajs/medusa/core-flows"
import { registerEmailPassIdentity } from "./email-pass"
import type { SeedContainer } from "./types"

/** Demo customer credentials from the environment, with local defaults. */
export function demoCustomerCredentials(env: NodeJS.ProcessEnv = process.env) {
  return {
    email: env.MEDUSA_DEMO_CUSTOMER_EMAIL || "demo@klelite.local",
    password: env.MEDUSA_DEMO_CUSTOMER_PASSWORD || "klelite-demo",
  }
}

const PARIS_ADDRESS = {
  address_name: "Home",
  first_name: "Camille",
  last_name: "Durand",
  address_1: "12 rue du Bac",
  city: "Paris",
  postal_code: "75007",
  country_code: "fr",
  phone: "+33 1 40 00 00 00",
  is_default_shipping: true,
  is_default_billing: true,
}

/**
 * Creates a customer account with an email/password login and a default
 * Paris address, unless a registered customer with that email exists.
 */
export async function ensureDemoCustomer(
  container: SeedContainer,
  credentials = demoCustomerCredentials()
): Promise<CustomerDTO> {
  const customerService = container.resolve(Modules.CUSTOMER)
  const [existing] = await customerService.listCustomers({
    email: credentials.email,
    has_account: true,
  })
  if (existing) {
    return existing
  }

  const authIdentityId = await registerEmailPassIdentity(
    container,
    credentials.email,
    credentials.password
  )
  const { result } = await createCustomerAccountWorkflow(container).run({
    input: {
      authIdentityId,
      customerData: {
        email: credentials.email,
        first_name: PARIS_ADDRESS.first_name,
        last_name: PARIS_ADDRESS.last_name,
        phone: PARIS_ADDRESS.phone,
        addresses: [PARIS_ADDRESS],
      },
    },
  })
  return result
}
