import { MedusaError } from "@medusajs/framework/utils"
import type { EmailQueueModuleOptions } from "../types"

export type ResolvedEmailQueueOptions = Required<
  Omit<EmailQueueModuleOptions, "redisUrl">
> & { redisUrl: string | null }

const DAY = 24 * 60 * 60

/** Checks the options at boot so a typo fails the start, not the first email. */
export function resolveOptions(
  options: EmailQueueModuleOptions = {}
): ResolvedEmailQueueOptions {
  const {
    redisUrl,
    queueName = "klelite-emails",
    attempts = 5,
    backoffMs = 10_000,
    keepCompletedSeconds = 7 * DAY,
    concurrency = 5,
  } = options

  if (redisUrl && !/^rediss?:\/\/\S+$/.test(redisUrl)) {
    throw invalid(`"redisUrl" must be a redis:// or rediss:// URL`)
  }
  if (!/^[^\s:]+$/.test(queueName)) {
    throw invalid(`"queueName" must be non-empty, without spaces or ":"`)
  }
  for (const [name, value] of Object.entries({
    attempts,
    backoffMs,
    keepCompletedSeconds,
    concurrency,
  })) {
    if (!Number.isSafeInteger(value) || value < 1) {
      throw invalid(`"${name}" must be a whole number above 0`)
    }
  }
  return {
    redisUrl: redisUrl || null,
    queueName,
    attempts,
    backoffMs,
    keepCompletedSeconds,
    concurrency,
  }
}

function invalid(message: string): MedusaError {
  return new MedusaError(
    MedusaError.Types.INVALID_ARGUMENT,
    `Email queue module: ${message}`
  )
}
