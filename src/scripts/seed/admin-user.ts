import type { UserDTO } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { createUserAccountWorkflow } from "@medusajs/medusa/core-flows"
import { registerEmailPassIdentity } from "./email-pass"
import type { SeedContainer } from "./types"

/** Admin credentials from the environment, with local defaults. */
export function adminCredentials(env: NodeJS.ProcessEnv = process.env) {
  return {
    email: env.MEDUSA_ADMIN_EMAIL || "admin@klelite.local",
    password: env.MEDUSA_ADMIN_PASSWORD || "klelite-admin",
  }
}

/** Creates the admin user with an email/password login unless it exists. */
export async function ensureAdminUser(
  container: SeedContainer,
  credentials = adminCredentials()
): Promise<UserDTO> {
  const userService = container.resolve(Modules.USER)
  const [existing] = await userService.listUsers({ email: credentials.email })
  if (existing) {
    return existing
  }

  const authIdentityId = await registerEmailPassIdentity(
    container,
    credentials.email,
    credentials.password
  )
  const { result } = await createUserAccountWorkflow(container).run({
    input: {
      authIdentityId,
      userData: {
        email: credentials.email,
        first_name: "Atelier",
        last_name: "Admin",
      },
    },
  })
  return result
}
