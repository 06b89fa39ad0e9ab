import { ServerResponse } from "http"

const CRLF = Buffer.from("\r\n")

/**
 * Chunk frames of buffers being fanned out, built once per buffer: a
 * broadcast writes the same event buffer to every connection.
 */
const framed = new WeakMap<Buffer, Buffer>()

/** `chunk` as one HTTP/1.1 chunked-encoding frame. */
export function chunkFrame(chunk: Buffer): Buffer {
  let frame = framed.get(chunk)
  if (frame === undefined) {
    frame = Buffer.concat([
      Buffer.from(`${chunk.length.toString(16)}\r\n`, "latin1"),
      chunk,
      CRLF,
    ])
    framed.set(chunk, frame)
  }
  return frame
}

/**
 * A writer for a long-lived chunked response that writes each buffer to the
 * socket as one ready-made frame. `res.write` frames every chunk again per
 * connection (four corked socket writes and a deferred uncork), which is
 * most of a broadcast's cost at thousands of connections.
 *
 * Falls back to `res.write` whenever writing past it could reorder or
 * corrupt the stream: headers not sent yet, not chunked (HTTP/1.0), bytes
 * still queued in the response itself, or `write` replaced by a middleware
 * (compression, for instance).
 */
export function chunkedSocketWriter(
  res: ServerResponse
): (chunk: string | Buffer) => void {
  return (chunk) => {
    const socket = res.socket
    if (
      typeof chunk === "string" ||
      !chunk.length ||
      !socket ||
      !res.headersSent ||
      !res.chunkedEncoding ||
      res.write !== ServerResponse.prototype.write ||
      // The response's own queue is empty: what it holds is the socket's.
      res.writableLength !== socket.writableLength
    ) {
      res.write(chunk)
      return
    }
    socket.write(chunkFrame(chunk))
  }
}
