import { Modules } from "@medusajs/framework/utils"
import type { SeedContainer } from "./types"

/** The email/password auth provider shipped with Medusa. */
export const EMAIL_PASS_PROVIDER = "emailpass"

/**
 * Registers an email/password identity and returns its id. Medusa hands back
 * an existing identity when it has no actor yet and the password matches.
 */
export async function registerEmailPassIdentity(
  container: SeedContainer,
  email: string,
  password: string
): Promise<string> {
  const authService = container.resolve(Modules.AUTH)
  const { success, authIdentity, error } = await authService.register(
    EMAIL_PASS_PROVIDER,
    { body: { email, password } }
  )
  if (!success || !authIdentity) {
    throw new Error(
      `Could not register ${email} with ${EMAIL_PASS_PROVIDER}: ${error ?? "unknown error"}`
    )
  }
  return authIdentity.id
}
