import { createConnection, createPool, type Pool } from "mariadb"
import { explainConnectError } from "../deploy/connect"
import { parseMysqlUrl, type MysqlTarget } from "../deploy/mysql-url"
import { DumpSource } from "../source/dump-source"
import { MongoSource } from "../source/mongo-source"
import type { LegacySource } from "../source/types"

/** Where legacy documents come from. */
export type SourceSpec =
  | { kind: "dump"; path: string; database?: string }
  | {
      kind: "mongo"
      uri: string
      database?: string
      batchSize?: number
      /** How long to wait for a reachable server, in ms. */
      timeoutMs?: number
    }

/** A reader for `spec`, opened: fails with one clear line when unusable. */
export async function openSource(spec: SourceSpec): Promise<LegacySource> {
  const source =
    spec.kind === "dump"
      ? new DumpSource(spec.path, spec.database)
      : new MongoSource(spec.uri, {
          database: spec.database,
          batchSize: spec.batchSize,
          timeoutMs: spec.timeoutMs,
        })
  await source.open()
  return source
}

async function checkConnection(target: MysqlTarget, database?: string) {
  try {
    const connection = await createConnection({
      host: target.host,
      port: target.port,
      user: target.user,
      password: target.password,
      database,
      connectTimeout: 5000,
    })
    await connection.end()
  } catch (error) {
    throw explainConnectError(error, target)
  }
}

/**
 * A pool on the target database, checked first with a plain connection (a
 * pool would retry until its timeout). Dates travel as UTC, as Prisma reads
 * and writes them.
 */
export async function openTargetPool(
  url: string | undefined,
  connectionLimit = 3
): Promise<{ pool: Pool; target: MysqlTarget }> {
  const target = parseMysqlUrl(url)
  await checkConnection(target, target.database)
  const pool = createPool({
    host: target.host,
    port: target.port,
    user: target.user,
    password: target.password,
    database: target.database,
    connectionLimit,
    connectTimeout: 5000,
    acquireTimeout: 10000,
    timezone: "Z",
    bigIntAsNumber: true,
    insertIdAsNumber: true,
  })
  return { pool, target }
}

/** Checks the MySQL server of `url` answers (a dry run needs nothing more). */
export async function checkTargetServer(
  url: string | undefined
): Promise<MysqlTarget> {
  const target = parseMysqlUrl(url)
  await checkConnection(target)
  return target
}
