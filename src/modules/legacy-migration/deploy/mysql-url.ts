/** Where a MySQL / MariaDB database is and how to log in. */
export type MysqlTarget = {
  host: string
  port: number
  user: string
  password: string
  database: string
}

const EXAMPLE = "mysql://root@127.0.0.1:3306/klelite_legacy"

/** Reads `mysql://user:password@host:port/database`, failing with what to fix. */
export function parseMysqlUrl(url: string | undefined): MysqlTarget {
  if (!url) {
    throw new Error(
      `LEGACY_MYSQL_URL is not set: point it at the MySQL/MariaDB database, e.g. ${EXAMPLE}`
    )
  }
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    throw new Error(`LEGACY_MYSQL_URL is not a URL; expected e.g. ${EXAMPLE}`)
  }
  if (parsed.protocol !== "mysql:" && parsed.protocol !== "mariadb:") {
    throw new Error(
      `LEGACY_MYSQL_URL must start with mysql:// (got ${parsed.protocol}//)`
    )
  }
  const database = decodeURIComponent(parsed.pathname.replace(/^\//, ""))
  if (!database) {
    throw new Error(
      `LEGACY_MYSQL_URL names no database; expected e.g. ${EXAMPLE}`
    )
  }
  return {
    host: parsed.hostname || "localhost",
    port: parsed.port ? Number(parsed.port) : 3306,
    user: decodeURIComponent(parsed.username) || "root",
    password: decodeURIComponent(parsed.password),
    database,
  }
}
