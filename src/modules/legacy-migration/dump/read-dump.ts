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
  /** Documents to pass over first, by their length prefix alone (not parsed). */
  skip?: number
}

/** The whole documents of each chunk of a dump file, as raw bytes, in file order. */
async function* rawDocuments(
  path: string,
  chunkSize: number
): AsyncGenerator<Buffer[], void, undefined> {
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

      const documents: Buffer[] = []
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
        documents.push(pending.subarray(offset, offset + size))
        offset += size
      }
      yield documents
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

/**
 * Streams the documents of a mongodump `<collection>.bson` file in order,
 * holding one chunk (plus a partial document) in memory, never the file.
 */
export async function* readDumpCollection(
  path: string,
  {
    chunkSize = DUMP_CHUNK_SIZE,
    deserialize = {},
    skip = 0,
  }: ReadDumpOptions = {}
): AsyncGenerator<Document, void, undefined> {
  let toSkip = skip
  let index = 0
  for await (const documents of rawDocuments(path, chunkSize)) {
    const from = Math.min(toSkip, documents.length)
    toSkip -= from
    index += from
    for (let i = from; i < documents.length; i++, index++) {
      let document: Document
      try {
        document = BSON.deserialize(documents[i], deserialize)
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error)
        throw new Error(
          `${path}: document ${index + 1} is not valid BSON (${reason})`
        )
      }
      yield document
    }
  }
}

/** How many documents a dump file holds, from length prefixes (nothing parsed). */
export async function countDumpDocuments(
  path: string,
  chunkSize = DUMP_CHUNK_SIZE
): Promise<number> {
  let count = 0
  for await (const documents of rawDocuments(path, chunkSize)) {
    count += documents.length
  }
  return count
}
