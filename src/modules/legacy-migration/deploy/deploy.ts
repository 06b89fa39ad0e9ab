import { MedusaError } from "@medusajs/framework/utils"
import { randomUUID } from "crypto"
import { join } from "path"
import type { Connection } from "mariadb"
import { connectCreatingDatabase } from "./connect"
import { errorMessage } from "./errors"
import { listMigrations, type MigrationFile } from "./migrations"
import { parseMysqlUrl } from "./mysql-url"
import {
  CREATE_MIGRATIONS_TABLE,
  GET_LOCK,
  INSERT_STARTED,
  MARK_FAILED,
  MARK_FINISHED,
  MIGRATE_LOCK_NAME,
  MIGRATIONS_TABLE_EXISTS,
  RELEASE_LOCK,
  SELECT_MIGRATION_ROWS,
} from "./sql"

/** `prisma/migrations` of this project. */
export const DEFAULT_MIGRATIONS_DIR = join(
  __dirname,
  "..",
  "..",
  "..",
  "..",
  "prisma",
  "migrations"
)

export type DeployOptions = {
  /** `mysql://user:password@host:port/database`. */
  url: string | undefined
  migrationsDir?: string
  lockTimeoutSeconds?: number
  log?: (line: string) => void
}

export type DeployResult = {
  databaseCreated: boolean
  found: number
  applied: string[]
  alreadyApplied: string[]
  /** Applied in the database but absent from the folder. */
  unknownInDatabase: string[]
}

type MigrationRow = {
  id: string
  checksum: string
  migration_name: string
  finished_at: Date | null
  rolled_back_at: Date | null
}

async function appliedRows(connection: Connection): Promise<MigrationRow[]> {
  const [{ found }] = await connection.query(MIGRATIONS_TABLE_EXISTS)
  if (!Number(found)) {
    await connection.query(CREATE_MIGRATIONS_TABLE)
    return []
  }
  const rows: MigrationRow[] = await connection.query(SELECT_MIGRATION_ROWS)
  return rows.filter((row) => !row.rolled_back_at)
}

function pending(migrations: MigrationFile[], rows: MigrationRow[]) {
  const failed = rows.find((row) => !row.finished_at)
  if (failed) {
    throw new Error(
      `Migration ${failed.migration_name} failed earlier and is not marked rolled back; fix the database, then run \`prisma migrate resolve\` before deploying again`
    )
  }
  const byName = new Map(rows.map((row) => [row.migration_name, row]))
  for (const migration of migrations) {
    const row = byName.get(migration.name)
    if (row && row.checksum !== migration.checksum) {
      throw new Error(
        `Migration ${migration.name} was edited after it was applied (checksum ${row.checksum.slice(0, 12)}… in the database, ${migration.checksum.slice(0, 12)}… on disk); restore it and add a new migration instead`
      )
    }
  }
  return migrations.filter((migration) => !byName.has(migration.name))
}

async function apply(connection: Connection, migration: MigrationFile) {
  const id = randomUUID()
  await connection.query(INSERT_STARTED, [
    id,
    migration.checksum,
    migration.name,
  ])
  try {
    await connection.query(migration.sql)
  } catch (error) {
    const message = errorMessage(error)
    await connection.query(MARK_FAILED, [message, id])
    throw new Error(
      `Migration ${migration.name} failed: ${message.split("\n")[0]}`
    )
  }
  await connection.query(MARK_FINISHED, [id])
}

/**
 * Applies the pending migrations of `prisma/migrations` in order and records
 * each in `_prisma_migrations` as `prisma migrate deploy` does, for machines
 * where Prisma's schema engine is unavailable. Running it again is a no-op.
 */
export async function deployMigrations({
  url,
  migrationsDir = DEFAULT_MIGRATIONS_DIR,
  lockTimeoutSeconds = 10,
  log = () => undefined,
}: DeployOptions): Promise<DeployResult> {
  const target = parseMysqlUrl(url)
  const migrations = await listMigrations(migrationsDir)
  const { connection, created } = await connectCreatingDatabase(target, {
    multipleStatements: true,
  })
  if (created) {
    log(
      `MySQL database ${target.database} created at ${target.host}:${target.port}`
    )
  }
  try {
    const [{ acquired }] = await connection.query(GET_LOCK, [
      MIGRATE_LOCK_NAME,
      lockTimeoutSeconds,
    ])
    if (Number(acquired) !== 1) {
      throw new MedusaError(
        MedusaError.Types.CONFLICT,
        `Another migration holds the "${MIGRATE_LOCK_NAME}" lock on ${target.database}; try again when it is done`
      )
    }
    try {
      const rows = await appliedRows(connection)
      const todo = pending(migrations, rows)
      const names = new Set(migrations.map((m) => m.name))
      for (const migration of todo) {
        log(`Applying migration \`${migration.name}\``)
        await apply(connection, migration)
      }
      return {
        databaseCreated: created,
        found: migrations.length,
        applied: todo.map((m) => m.name),
        alreadyApplied: rows
          .filter((r) => names.has(r.migration_name))
          .map((r) => r.migration_name),
        unknownInDatabase: rows
          .filter((r) => !names.has(r.migration_name))
          .map((r) => r.migration_name),
      }
    } finally {
      await connection.query(RELEASE_LOCK, [MIGRATE_LOCK_NAME])
    }
  } finally {
    await connection.end()
  }
}
