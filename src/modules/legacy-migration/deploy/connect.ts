import { createConnection, type Connection } from "mariadb"
import { errorCode, errorMessage } from "./errors"
import type { MysqlTarget } from "./mysql-url"

const UNREACHABLE = new Set([
  "ECONNREFUSED",
  "ENOTFOUND",
  "EAI_AGAIN",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "ER_CONNECTION_TIMEOUT",
  "ER_GET_CONNECTION_TIMEOUT",
])

// Identifiers cannot be bound as parameters; only plain names are quoted.
const SAFE_DATABASE_NAME = /^[A-Za-z0-9_$-]{1,64}$/

/** A driver error turned into one line saying what to check. */
export function explainConnectError(
  error: unknown,
  target: MysqlTarget
): Error {
  const code = errorCode(error)
  const where = `${target.host}:${target.port}`
  if (code && UNREACHABLE.has(code)) {
    return new Error(
      `Cannot reach MySQL/MariaDB at ${where} (${code}); is the server running?`
    )
  }
  if (code?.startsWith("ER_ACCESS_DENIED")) {
    return new Error(
      `MySQL/MariaDB at ${where} refused user "${target.user}": check the user and password in LEGACY_MYSQL_URL`
    )
  }
  return new Error(errorMessage(error))
}

/**
 * Opens a connection to `target`, creating its database first when it does
 * not exist (as `prisma migrate deploy` does). Reports whether it created it.
 */
export async function connectCreatingDatabase(
  target: MysqlTarget,
  options: { multipleStatements?: boolean } = {}
): Promise<{ connection: Connection; created: boolean }> {
  const base = {
    host: target.host,
    port: target.port,
    user: target.user,
    password: target.password,
    connectTimeout: 5000,
    ...options,
  }
  try {
    const connection = await createConnection({
      ...base,
      database: target.database,
    })
    return { connection, created: false }
  } catch (error) {
    if (errorCode(error) !== "ER_BAD_DB_ERROR") {
      throw explainConnectError(error, target)
    }
  }
  if (!SAFE_DATABASE_NAME.test(target.database)) {
    throw new Error(
      `Database "${target.database}" does not exist and its name is not one this tool creates`
    )
  }
  const connection = await createConnection(base).catch((error) => {
    throw explainConnectError(error, target)
  })
  await connection.query(
    `CREATE DATABASE IF NOT EXISTS \`${target.database}\` DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`
  )
  await connection.query(`USE \`${target.database}\``)
  return { connection, created: true }
}
