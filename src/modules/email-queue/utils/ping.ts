import type Redis from "ioredis"

/** How long a health check waits for Redis to answer. */
export const PING_TIMEOUT_MS = 2_000

/**
 * Pings Redis, failing at once when the client is not connected and after
 * `timeoutMs` when Redis does not answer: the queue's clients retry their
 * commands forever, so a plain ping would wait for Redis to come back.
 */
export async function pingWithin(
  client: Redis,
  timeoutMs = PING_TIMEOUT_MS
): Promise<void> {
  if (client.status !== "ready") {
    throw new Error(`Redis is not connected (${client.status})`)
  }
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`Redis did not answer within ${timeoutMs} ms`)),
      timeoutMs
    )
  })
  try {
    await Promise.race([client.ping(), timeout])
  } finally {
    clearTimeout(timer)
  }
}
