import { MedusaError } from "@medusajs/framework/utils"
import type { FlashSaleModuleOptions } from "../types"

/** Prefix of the module's Redis keys unless `keyPrefix` says otherwise. */
export const DEFAULT_KEY_PREFIX = "klelite:flash-sale"

/** The module's options with defaults applied and units normalised. */
export type ResolvedFlashSaleOptions = {
  redisUrl: string | null
  keyPrefix: string
  attemptsPerWindow: number
  attemptWindowMs: number
}

/**
 * Checks the module options at boot so a typo fails the start with a clear
 * message instead of the first reservation of a sale.
 */
export function resolveOptions(
  options: FlashSaleModuleOptions = {}
): ResolvedFlashSaleOptions {
  const {
    redisUrl,
    keyPrefix = DEFAULT_KEY_PREFIX,
    attemptsPerWindow = 5,
    attemptWindowSeconds = 60,
  } = options

  if (redisUrl != null && !/^rediss?:\/\/\S+$/.test(redisUrl)) {
    throw invalidOption(
      `"redisUrl" must be a redis:// or rediss:// URL, got "${redisUrl}"`
    )
  }
  // Braces would open a second hash tag and split a sale over cluster slots.
  if (!/^[^\s{}]+$/.test(keyPrefix)) {
    throw invalidOption(
      `"keyPrefix" must be non-empty, without spaces or braces, got "${keyPrefix}"`
    )
  }
  if (!Number.isSafeInteger(attemptsPerWindow) || attemptsPerWindow < 1) {
    throw invalidOption(`"attemptsPerWindow" must be a whole number above 0`)
  }
  if (!Number.isSafeInteger(attemptWindowSeconds) || attemptWindowSeconds < 1) {
    throw invalidOption(`"attemptWindowSeconds" must be a whole number above 0`)
  }

  return {
    redisUrl: redisUrl || null,
    keyPrefix,
    attemptsPerWindow,
    attemptWindowMs: attemptWindowSeconds * 1000,
  }
}

function invalidOption(message: string): MedusaError {
  return new MedusaError(
    MedusaError.Types.INVALID_ARGUMENT,
    `Flash-sale module: ${message}`
  )
}
