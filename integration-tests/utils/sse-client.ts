export type SseEvent = { id?: string; event?: string; data?: unknown }

/** An open event stream read with `fetch`, parsed as events arrive. */
export type SseClient = {
  status: number
  headers: globalThis.Headers
  raw: () => string
  events: SseEvent[]
  close: () => void
}

/**
 * Opens `url` as an event stream. A refused stream (not 200) is read whole
 * into `raw`; an accepted one keeps reading until `close`.
 */
export async function openSse(
  url: string,
  headers: Record<string, string>
): Promise<SseClient> {
  const controller = new AbortController()
  const response = await fetch(url, { headers, signal: controller.signal })
  let raw = ""
  const events: SseEvent[] = []
  const client: SseClient = {
    status: response.status,
    headers: response.headers,
    raw: () => raw,
    events,
    close: () => controller.abort(),
  }
  if (!response.body || response.status !== 200) {
    raw = await response.text()
    return client
  }
  const reader = response.body.getReader()
  const decoder = new TextDecoder()
  void (async () => {
    let buffer = ""
    try {
      for (;;) {
        const { done, value } = await reader.read()
        if (done) {
          return
        }
        const text = decoder.decode(value, { stream: true })
        raw += text
        buffer += text
        let end: number
        while ((end = buffer.indexOf("\n\n")) >= 0) {
          const block = buffer.slice(0, end)
          buffer = buffer.slice(end + 2)
          const event = parseBlock(block)
          if (event) {
            events.push(event)
          }
        }
      }
    } catch {
      // aborted
    }
  })()
  return client
}

/** One event of the stream; null for a comment (the heartbeat). */
function parseBlock(block: string): SseEvent | null {
  const event: SseEvent = {}
  for (const line of block.split("\n")) {
    const colon = line.indexOf(": ")
    const [field, value] = [line.slice(0, colon), line.slice(colon + 2)]
    if (field === "id") event.id = value
    if (field === "event") event.event = value
    if (field === "data") event.data = JSON.parse(value)
  }
  return event.event ? event : null
}
