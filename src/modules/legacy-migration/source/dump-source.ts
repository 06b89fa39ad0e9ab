import { stat } from "fs/promises"
import { join, resolve } from "path"
import type { Document } from "bson"
import { countDumpDocuments, readDumpCollection } from "../dump/read-dump"
import { LEGACY_COLLECTIONS, type LegacyCollection } from "../types"
import { parseObjectId } from "../transform/values"
import type { LegacySource, ResumePoint } from "./types"

async function isFile(path: string): Promise<boolean> {
  return stat(path).then(
    (s) => s.isFile(),
    () => false
  )
}

/**
 * A mongodump folder: either the dump root holding `<database>/` or that
 * database folder itself. Documents come in file order (the `_id` order of
 * a store that inserted them in that order, as the fixture's). A resumed
 * read passes over the first `position` documents unparsed and checks that
 * the last of them has the checkpoint's `_id`, so a changed dump is caught.
 */
export class DumpSource implements LegacySource {
  private dir: string | null = null

  constructor(
    private readonly path: string,
    private readonly database = "klelite"
  ) {}

  get label(): string {
    return `dump:${resolve(this.path)}`
  }

  async open(): Promise<void> {
    const candidates = [join(this.path, this.database), this.path]
    for (const dir of candidates) {
      if (await isFile(join(dir, `${LEGACY_COLLECTIONS[0]}.bson`))) {
        const missing: string[] = []
        for (const collection of LEGACY_COLLECTIONS) {
          if (!(await isFile(join(dir, `${collection}.bson`)))) {
            missing.push(`${collection}.bson`)
          }
        }
        if (missing.length) {
          throw new Error(
            `${dir} is not a complete mongodump of ${this.database}: ${missing.join(", ")} missing`
          )
        }
        this.dir = dir
        return
      }
    }
    const exists = await stat(this.path).then(
      (s) => s.isDirectory(),
      () => false
    )
    throw new Error(
      exists
        ? `${this.path} is not a mongodump folder: no ${this.database}/${LEGACY_COLLECTIONS[0]}.bson or ${LEGACY_COLLECTIONS[0]}.bson in it`
        : `Dump folder ${this.path} does not exist`
    )
  }

  private file(collection: LegacyCollection): string {
    if (!this.dir) {
      throw new Error("DumpSource.open() must be called first")
    }
    return join(this.dir, `${collection}.bson`)
  }

  count(collection: LegacyCollection): Promise<number> {
    return countDumpDocuments(this.file(collection))
  }

  async *read(
    collection: LegacyCollection,
    from: ResumePoint
  ): AsyncGenerator<Document, void, undefined> {
    const path = this.file(collection)
    const documents = readDumpCollection(path, {
      skip: Math.max(0, from.position - 1),
    })
    if (from.position > 0) {
      const { value: last, done } = await documents.next()
      const id = done ? null : parseObjectId(last._id)
      if (done || (from.lastId && id?.ok && id.value !== from.lastId)) {
        await documents.return()
        throw new Error(
          `${path} changed since the interrupted run: document ${from.position} is not ${from.lastId}; start over with --restart`
        )
      }
    }
    yield* documents
  }

  async close(): Promise<void> {
    this.dir = null
  }
}
