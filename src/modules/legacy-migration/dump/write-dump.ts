import { open, writeFile, type FileHandle } from "fs/promises"
import { BSON, EJSON, type Document } from "bson"

const FLUSH_SIZE = 1024 * 1024

/** Appends BSON documents to a mongodump `<collection>.bson` file, 1 MiB at a time. */
export class DumpCollectionWriter {
  private buffers: Buffer[] = []
  private buffered = 0
  documents = 0
  bytes = 0

  private constructor(private readonly file: FileHandle) {}

  /** Creates (or truncates) the file at `path`. */
  static async create(path: string): Promise<DumpCollectionWriter> {
    return new DumpCollectionWriter(await open(path, "w"))
  }

  /** Queues one document; awaits the disk only when a full chunk is ready. */
  async write(document: Document): Promise<void> {
    const bytes = BSON.serialize(document)
    this.buffers.push(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length))
    this.buffered += bytes.length
    this.documents++
    if (this.buffered >= FLUSH_SIZE) {
      await this.flush()
    }
  }

  /** Writes what is left and closes the file. */
  async close(): Promise<void> {
    try {
      await this.flush()
    } finally {
      await this.file.close()
    }
  }

  private async flush(): Promise<void> {
    if (!this.buffered) {
      return
    }
    const chunk = Buffer.concat(this.buffers, this.buffered)
    this.buffers = []
    this.buffered = 0
    await this.file.write(chunk)
    this.bytes += chunk.length
  }
}

/** One index as mongodump lists it in `<collection>.metadata.json`. */
export type DumpIndex = {
  name: string
  key: Record<string, 1 | -1>
  unique?: boolean
  sparse?: boolean
}

/** Writes `<collection>.metadata.json` in mongodump's canonical Extended JSON. */
export async function writeCollectionMetadata(
  path: string,
  collectionName: string,
  uuid: string,
  indexes: DumpIndex[]
): Promise<void> {
  const metadata = {
    indexes: [{ name: "_id_", key: { _id: 1 } }, ...indexes].map(
      ({ name, key, ...flags }) => ({ v: 2, key, name, ...flags })
    ),
    uuid,
    collectionName,
    type: "collection",
  }
  await writeFile(path, EJSON.stringify(metadata, { relaxed: false }))
}
