import { Client } from "pg"

const ADMIN_URL = `postgres://${process.env.DB_USERNAME ?? "postgres"}@${process.env.DB_HOST ?? "localhost"}:5432/postgres`

/**
 * A PostgreSQL database of the calling describe block's own: created fresh
 * before its tests and dropped after them. `execute` takes `?` placeholders,
 * as the provider writes its statements.
 */
export function useScratchDatabase(name: string) {
  let client: Client | undefined

  const adminQuery = async (sql: string) => {
    const admin = new Client({ connectionString: ADMIN_URL })
    await admin.connect()
    try {
      await admin.query(sql)
    } finally {
      await admin.end()
    }
  }

  beforeAll(async () => {
    await adminQuery(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)
    await adminQuery(`CREATE DATABASE "${name}"`)
    client = new Client({
      connectionString: ADMIN_URL.replace(/\/postgres$/, `/${name}`),
    })
    await client.connect()
  })

  afterAll(async () => {
    await client?.end()
    await adminQuery(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)
  })

  const connected = (): Client => {
    if (!client) {
      throw new Error(`The database ${name} is not open yet`)
    }
    return client
  }

  return {
    query: (sql: string, params: unknown[] = []) =>
      connected().query(sql, params),
    execute: async (sql: string, params: unknown[] = []) => {
      let n = 0
      const text = sql.replace(/\?/g, () => `$${++n}`)
      return (await connected().query(text, params)).rows
    },
  }
}
