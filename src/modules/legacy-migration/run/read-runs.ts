import { createConnection, type Connection } from "mariadb"
import { explainConnectError } from "../deploy/connect"
import { errorCode } from "../deploy/errors"
import { parseMysqlUrl, type MysqlTarget } from "../deploy/mysql-url"
import { migrationLockName } from "./lock"

/** A `migration_runs` row as the admin reads it. */
export type RunRow = {
  id: string
  status: "running" | "completed" | "failed"
  dry_run: number
  started_at: Date
  finished_at: Date | null
  /** JSON: a `RunSnapshot`, with `result` (the report) once completed. */
  report: string | object | null
}

/** A `quarantine_records` row. */
export type QuarantineRow = {
  id: number
  run_id: string
  collection: string
  legacy_id: string | null
  reason: string
  detail: string | null
  raw_document: string
  created_at: Date
}

export type Page = { limit: number; offset: number }

// A target never migrated into has no database or no tables yet: it has no runs.
const NOTHING_YET = new Set(["ER_BAD_DB_ERROR", "ER_NO_SUCH_TABLE"])

function connect(target: MysqlTarget, database?: string) {
  return createConnection({
    host: target.host,
    port: target.port,
    user: target.user,
    password: target.password,
    database,
    connectTimeout: 5000,
    timezone: "Z",
    bigIntAsNumber: true,
  })
}

/**
 * Runs `read` on a short-lived connection to the migration target of `url`
 * (LEGACY_MYSQL_URL). Returns `empty` when the target was never migrated into.
 */
export async function readTarget<T>(
  url: string | undefined,
  empty: T,
  read: (connection: Connection, database: string) => Promise<T>
): Promise<T> {
  const target = parseMysqlUrl(url)
  let connection: Connection
  try {
    connection = await connect(target, target.database)
  } catch (error) {
    if (NOTHING_YET.has(errorCode(error) ?? "")) {
      return empty
    }
    throw explainConnectError(error, target)
  }
  try {
    return await read(connection, target.database)
  } catch (error) {
    if (NOTHING_YET.has(errorCode(error) ?? "")) {
      return empty
    }
    throw error
  } finally {
    await connection.end().catch(() => undefined)
  }
}

/** Runs, newest first: the `offset + limit` first ones and how many in all. */
export async function listRunRows(
  connection: Connection,
  { limit, offset }: Page
): Promise<{ rows: RunRow[]; count: number }> {
  const rows: RunRow[] = await connection.query(
    `SELECT id, status, dry_run, started_at, finished_at, report
     FROM migration_runs ORDER BY started_at DESC, id LIMIT ?`,
    [offset + limit]
  )
  const [{ count }] = await connection.query(
    `SELECT COUNT(*) AS count FROM migration_runs`
  )
  return { rows, count: Number(count) }
}

/** A `migration_checkpoints` row: how far a run got in a collection, and when. */
export type CheckpointRow = {
  run_id: string
  collection: string
  processed_count: number
  updated_at: Date
}

/** The checkpoints the given runs wrote last (one per collection at most). */
export async function listCheckpointRows(
  connection: Connection,
  runIds: string[]
): Promise<CheckpointRow[]> {
  if (!runIds.length) {
    return []
  }
  return await connection.query(
    `SELECT run_id, collection, processed_count, updated_at
     FROM migration_checkpoints WHERE run_id IN (?)`,
    [runIds]
  )
}

/** One run, or null. */
export async function findRunRow(
  connection: Connection,
  id: string
): Promise<RunRow | null> {
  const [row]: RunRow[] = await connection.query(
    `SELECT id, status, dry_run, started_at, finished_at, report
     FROM migration_runs WHERE id = ?`,
    [id]
  )
  return row ?? null
}

/**
 * Whether a migration holds the lock of the target of `url` (is writing to
 * it right now); the database need not exist yet.
 */
export async function isTargetLocked(url: string | undefined) {
  const target = parseMysqlUrl(url)
  const connection = await connect(target).catch((error) => {
    throw explainConnectError(error, target)
  })
  try {
    return await isMigrationWriting(connection, target.database)
  } finally {
    await connection.end().catch(() => undefined)
  }
}

/** Whether a migration holds the target's lock (is writing right now). */
export async function isMigrationWriting(
  connection: Connection,
  database: string
): Promise<boolean> {
  const [{ holder }] = await connection.query(
    `SELECT IS_USED_LOCK(?) AS holder`,
    [migrationLockName(database)]
  )
  return holder !== null
}

/**
 * The documents the target refuses today, oldest first, optionally of one
 * collection. A record keeps the run that first refused it.
 */
export async function listQuarantineRows(
  connection: Connection,
  { collection, limit, offset }: Page & { collection?: string }
): Promise<{ rows: QuarantineRow[]; count: number }> {
  const where = collection ? `WHERE collection = ?` : ``
  const params = collection ? [collection] : []
  const rows: QuarantineRow[] = await connection.query(
    `SELECT id, run_id, collection, legacy_id, reason, detail, raw_document, created_at
     FROM quarantine_records ${where} ORDER BY id LIMIT ? OFFSET ?`,
    [...params, limit, offset]
  )
  const [{ count }] = await connection.query(
    `SELECT COUNT(*) AS count FROM quarantine_records ${where}`,
    params
  )
  return { rows, count: Number(count) }
}
