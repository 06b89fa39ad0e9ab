import type { ApiKeyDTO } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import {
  createApiKeysWorkflow,
  linkSalesChannelsToApiKeyWorkflow,
} from "@medusajs/medusa/core-flows"
import type { SeedContainer } from "./types"

/** Title of the publishable key the storefront sends. */
export const PUBLISHABLE_KEY_TITLE = "Klelite Storefront"

async function isLinked(
  container: SeedContainer,
  apiKeyId: string,
  salesChannelId: string
): Promise<boolean> {
  const link = container.resolve(ContainerRegistrationKeys.LINK)
  const links = await link.list({
    [Modules.API_KEY]: { publishable_key_id: apiKeyId },
    [Modules.SALES_CHANNEL]: { sales_channel_id: salesChannelId },
  })
  return links.length > 0
}

/**
 * Finds or creates the storefront's publishable key and scopes it to the
 * sales channel; store routes reject keys without a sales channel.
 */
export async function ensurePublishableKey(
  container: SeedContainer,
  salesChannelId: string
): Promise<ApiKeyDTO> {
  const apiKeyService = container.resolve(Modules.API_KEY)
  const keys = await apiKeyService.listApiKeys({
    title: PUBLISHABLE_KEY_TITLE,
    type: "publishable",
  })
  let apiKey = keys.find((key) => !key.revoked_at)

  if (!apiKey) {
    const { result } = await createApiKeysWorkflow(container).run({
      input: {
        api_keys: [
          { title: PUBLISHABLE_KEY_TITLE, type: "publishable", created_by: "" },
        ],
      },
    })
    apiKey = result[0]
  }

  if (!(await isLinked(container, apiKey.id, salesChannelId))) {
    await linkSalesChannelsToApiKeyWorkflow(container).run({
      input: { id: apiKey.id, add: [salesChannelId] },
    })
  }

  return apiKey
}
