import { MongoClient, ObjectId, type Db, type Document } from "mongodb"
import { errorMessage } from "../deploy/errors"
import type { LegacyCollection } from "../types"
import type { LegacySource, ResumePoint } from "./types"

export type MongoSourceOptions = {
  /** Documents fetched per query. */
  batchSize?: number
  /** How long to wait for a reachable server before giving up. */
  timeoutMs?: number
  /** Used when the URI names no database. */
  database?: string
}

/** The URI without user, password or options, safe to log. */
export function redactMongoUri(uri: string): string {
  return uri.replace(/\/\/[^@/]*@/, "//").replace(/\?.*$/, "")
}

function databaseOf(uri: string, fallback: string): string {
  const path = uri.replace(/^[a-z+]+:\/\/[^/]*/i, "").replace(/\?.*$/, "")
  return decodeURIComponent(path.replace(/^\//, "")) || fallback
}

/**
 * A live MongoDB, read with keyset paging: each page is a fresh query for
 * `_id > last` sorted by `_id`, so no server cursor outlives a page and a
 * resumed run starts after the checkpoint's `_id`. Documents whose `_id` is
 * not an ObjectId sort before ObjectIds and are only read from the start.
 */
export class MongoSource implements LegacySource {
  private client: MongoClient | null = null
  private db: Db | null = null
  private readonly batchSize: number
  private readonly timeoutMs: number
  private readonly database: string

  constructor(
    private readonly uri: string,
    {
      batchSize = 2000,
      timeoutMs = 5000,
      database = "klelite",
    }: MongoSourceOptions = {}
  ) {
    this.batchSize = batchSize
    this.timeoutMs = timeoutMs
    this.database = databaseOf(uri, database)
  }

  get label(): string {
    return `mongo:${redactMongoUri(this.uri)}`
  }

  async open(): Promise<void> {
    const where = redactMongoUri(this.uri)
    let client: MongoClient
    try {
      client = new MongoClient(this.uri, {
        serverSelectionTimeoutMS: this.timeoutMs,
        connectTimeoutMS: this.timeoutMs,
      })
    } catch (error) {
      throw new Error(`Invalid MongoDB URI ${where}: ${errorText(error)}`)
    }
    try {
      await client.connect()
      await client.db(this.database).command({ ping: 1 })
    } catch (error) {
      await client.close().catch(() => undefined)
      throw new Error(`Cannot reach MongoDB at ${where}: ${errorText(error)}`)
    }
    this.client = client
    this.db = client.db(this.database)
  }

  private collection(collection: LegacyCollection) {
    if (!this.db) {
      throw new Error("MongoSource.open() must be called first")
    }
    return this.db.collection(collection)
  }

  count(collection: LegacyCollection): Promise<number> {
    return this.collection(collection).estimatedDocumentCount()
  }

  async *read(
    collection: LegacyCollection,
    from: ResumePoint
  ): AsyncGenerator<Document, void, undefined> {
    const source = this.collection(collection)
    let last: unknown = from.lastId ? new ObjectId(from.lastId) : undefined
    for (;;) {
      const filter: Document = last === undefined ? {} : { _id: { $gt: last } }
      const page = await source
        .find(filter)
        .sort({ _id: 1 })
        .limit(this.batchSize)
        .batchSize(this.batchSize)
        .toArray()
      yield* page
      if (page.length < this.batchSize) {
        return
      }
      last = page[page.length - 1]._id
    }
  }

  async close(): Promise<void> {
    await this.client?.close()
    this.client = null
    this.db = null
  }
}

function errorText(error: unknown): string {
  return errorMessage(error).split("\n")[0]
}
