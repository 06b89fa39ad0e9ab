import type { IncomingMessage, ServerResponse } from "http"
import type RealtimeModuleService from "../service"
import { chunkedSocketWriter } from "./chunked-socket-writer"

/** How long a browser waits before reconnecting, sent as the `retry:` hint. */
export const RETRY_MS = 3000

/** A client this far behind is disconnected; it reconnects and replays. */
const MAX_BUFFERED_BYTES = 1024 * 1024

export const EVENT_STREAM_HEADERS = {
  "Content-Type": "text/event-stream",
  // no-transform: compression (Medusa's, a proxy's) would hold events back
  // until a buffer fills.
  "Cache-Control": "no-cache, no-transform",
  Connection: "keep-alive",
  // Tells nginx not to buffer the stream.
  "X-Accel-Buffering": "no",
}

/**
 * Answers a request with the channel's event stream: missed events after
 * `lastEventId`, then live ones and a heartbeat. When the client goes away
 * the listener and the heartbeat timer are released; when the module ends
 * the stream, the response ends and the client reconnects to replay.
 */
export async function sendEventStream(
  req: IncomingMessage,
  res: ServerResponse,
  realtime: RealtimeModuleService,
  channel: string,
  lastEventId?: string
): Promise<void> {
  let close: (() => void) | undefined
  let gone = false
  const finish = () => {
    if (!gone) {
      gone = true
      close?.()
      res.end()
    }
  }
  // The response's "close" fires when the connection goes; the request's
  // fires as soon as its body is read.
  res.on("close", finish)
  res.on("error", finish)
  // The client may have left during authentication or a lookup, before
  // these listeners were attached.
  if (res.destroyed || req.socket.destroyed) {
    finish()
    return
  }

  req.socket.setTimeout(0)
  res.writeHead(200, EVENT_STREAM_HEADERS)
  res.write(`retry: ${RETRY_MS}\n\n`)

  const send = chunkedSocketWriter(res)
  const write = (chunk: string | Buffer) => {
    if (gone) {
      return
    }
    send(chunk)
    if (res.writableLength > MAX_BUFFERED_BYTES) {
      finish()
      // Ending queues behind what the client does not read: only dropping
      // the connection frees its buffers.
      res.destroy()
    }
  }

  try {
    close = await realtime.openStream(channel, {
      lastEventId,
      write,
      end: finish,
    })
  } catch (error) {
    const message = error instanceof Error ? error.message : "Stream failed"
    write(`event: error\ndata: ${JSON.stringify({ message })}\n\n`)
    finish()
    return
  }
  // The client left while the stream was opening.
  if (gone) {
    close()
  }
}
