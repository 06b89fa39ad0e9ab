import { deployMigrations } from "../deploy/deploy"
import { parseMysqlUrl } from "../deploy/mysql-url"
import {
  checkTargetServer,
  openSource,
  openTargetPool,
  type SourceSpec,
} from "./connections"
import { withMigrationLock } from "./lock"
import type { MigrateLegacyOptions } from "./migrate"

/** A migration as a workflow or a script asks for it (plain data). */
export type MigrationRequest = {
  source: SourceSpec
  /** Defaults to LEGACY_MYSQL_URL. */
  mysql_url?: string
  dry_run?: boolean
  restart?: boolean
  batch_size?: number
}

/**
 * Opens the source and the target of `request` (deploying pending schema
 * migrations first, except in a dry run), runs `work` holding the migration
 * lock, and closes both.
 */
export async function withMigration<T>(
  request: MigrationRequest,
  work: (options: MigrateLegacyOptions) => Promise<T>,
  onProgress?: MigrateLegacyOptions["onProgress"]
): Promise<T> {
  const url = request.mysql_url ?? process.env.LEGACY_MYSQL_URL
  const { database } = parseMysqlUrl(url)
  const source = await openSource(request.source)
  try {
    if (request.dry_run) {
      await checkTargetServer(url)
      return await work({
        source,
        pool: null,
        database,
        dryRun: true,
        batchSize: request.batch_size,
        onProgress,
      })
    }
    await deployMigrations({ url })
    const { pool } = await openTargetPool(url)
    try {
      const options: MigrateLegacyOptions = {
        source,
        pool,
        database,
        restart: request.restart,
        batchSize: request.batch_size,
        onProgress,
      }
      return await withMigrationLock(pool, database, () => work(options))
    } finally {
      await pool.end()
    }
  } finally {
    await source.close()
  }
}
