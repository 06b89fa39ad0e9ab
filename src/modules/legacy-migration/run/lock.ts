import { MedusaError } from "@medusajs/framework/utils"
import { createHash } from "crypto"
import type { Pool } from "mariadb"

/** The advisory lock of migrations into `database` (names are server-wide). */
export function migrationLockName(database: string): string {
  const hash = createHash("sha1").update(database).digest("hex").slice(0, 20)
  return `klelite_legacy_migration_${hash}`
}

/**
 * Runs `work` holding the migration lock of `database`, so two migrations
 * never write the same target. The lock goes with its connection, so a
 * killed migration frees it at once.
 */
export async function withMigrationLock<T>(
  pool: Pool,
  database: string,
  work: () => Promise<T>
): Promise<T> {
  const name = migrationLockName(database)
  const connection = await pool.getConnection()
  try {
    const [{ acquired }] = await connection.query(
      `SELECT GET_LOCK(?, 0) AS acquired`,
      [name]
    )
    if (Number(acquired) !== 1) {
      throw new MedusaError(
        MedusaError.Types.CONFLICT,
        `Another legacy migration is writing to ${database}; wait for it to finish`
      )
    }
    try {
      return await work()
    } finally {
      await connection.query(`SELECT RELEASE_LOCK(?)`, [name])
    }
  } finally {
    await connection.release()
  }
}
