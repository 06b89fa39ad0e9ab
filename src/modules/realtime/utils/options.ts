import { MedusaError } from "@medusajs/framework/utils"
import type { RealtimeModuleOptions } from "../types"

export type ResolvedRealtimeOptions = {
  redisUrl: string | null
  prefix: string
  historySize: number
  historyTtlSeconds: number
  heartbeatMs: number
}

const DAY = 24 * 60 * 60

/** Checks the options at boot so a typo fails the start, not the first event. */
export function resolveOptions(
  options: RealtimeModuleOptions = {}
): ResolvedRealtimeOptions {
  const {
    redisUrl,
    prefix = "klelite:",
    historySize = 100,
    historyTtlSeconds = 7 * DAY,
    heartbeatMs = 15_000,
  } = options

  if (redisUrl && !/^rediss?:\/\/\S+$/.test(redisUrl)) {
    throw invalid(`"redisUrl" must be a redis:// or rediss:// URL`)
  }
  if (!/^\S*$/.test(prefix)) {
    throw invalid(`"prefix" must not contain spaces`)
  }
  if (!Number.isSafeInteger(historySize) || historySize < 1) {
    throw invalid(`"historySize" must be a whole number above 0`)
  }
  if (!Number.isSafeInteger(historyTtlSeconds) || historyTtlSeconds < 1) {
    throw invalid(`"historyTtlSeconds" must be a whole number above 0`)
  }
  if (!Number.isSafeInteger(heartbeatMs) || heartbeatMs < 100) {
    throw invalid(`"heartbeatMs" must be a whole number of at least 100`)
  }
  return {
    redisUrl: redisUrl || null,
    prefix,
    historySize,
    historyTtlSeconds,
    heartbeatMs,
  }
}

function invalid(message: string): MedusaError {
  return new MedusaError(
    MedusaError.Types.INVALID_ARGUMENT,
    `Realtime module: ${message}`
  )
}
