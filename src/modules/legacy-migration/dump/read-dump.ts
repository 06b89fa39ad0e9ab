import { open } from "fs/promises"
import { BSON, type DeserializeOptions, type Document } from "bson"

/** Bytes read from disk at a time. */
export const DUMP_CHUNK_SIZE = 1024 * 1024

// MongoDB refuses documents over 16 MiB; a larger length prefix means the
// file is not BSON or we lost track of document boundaries.
const MAX_DOCUMENT_SIZE = 16 * 1024 * 1024 + 16 * 1024

export type ReadDumpOptions = {
  chunkSize?: number
  deserialize?: DeserializeOptions
}

/**
 * Streams the documents of a mongodump `<collection>.bson` file in order,
 * holding one chunk (plus a partial document) in memory, never the file.
 */
export async function* readDumpCollection(
  path: string,
  { chunkSize = DUMP_CHUNK_SIZE, deserialize = {} }: ReadDumpOptions = {}
): AsyncGenerator<Document, void, undefined> {
  const file = await open(path, "r")
  try {
    let pending = Buffer.alloc(0)
    let consumed = 0
    for (;;) {
      const chunk = Buffer.allocUnsafe(chunkSize)
      const { bytesRead } = await file.read(chunk, 0, chunkSize, null)
      if (bytesRead === 0) {
        break
      }
      const fresh = chunk.subarray(0, bytesRead)
      pending = pending.length ? Buffer.concat([pending, fresh]) : fresh

      let offset = 0
      while (pending.length - offset >= 4) {
        const size = pending.readInt32LE(offset)
        if (size < 5 || size > MAX_DOCUMENT_SIZE) {
          throw new Error(
            `${path} is not a BSON dump: document length ${size} at byte ${consumed + offset}`
          )
        }
        if (pending.length - offset < size) {
          break
        }
        yield BSON.deserialize(
          pending.subarray(offset, offset + size),
          deserialize
        )
        offset += size
      }
      consumed += offset
      pending = pending.subarray(offset)
    }
    if (pending.length) {
      throw new Error(
        `${path} is truncated: ${pending.length} bytes after the last whole document (byte ${consumed})`
      )
    }
  } finally {
    await file.close()
  }
}
