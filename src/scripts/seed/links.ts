import type { LinkDefinition } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { SeedContainer } from "./types"

/** Creates a module link unless the same pair is already linked. */
export async function ensureLink(
  container: SeedContainer,
  definition: LinkDefinition
): Promise<boolean> {
  const link = container.resolve(ContainerRegistrationKeys.LINK)
  const existing = await link.list(definition)
  if (existing.length) {
    return false
  }
  await link.create(definition)
  return true
}
