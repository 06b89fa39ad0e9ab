import { createHash } from "crypto"
import { readdir, readFile } from "fs/promises"
import { join } from "path"

/** One folder of `prisma/migrations`. */
export type MigrationFile = {
  name: string
  sql: string
  /** sha256 of migration.sql in hex, as Prisma records it. */
  checksum: string
}

/** Hex sha256 of a migration script. */
export function migrationChecksum(script: string | Buffer): string {
  return createHash("sha256").update(script).digest("hex")
}

/**
 * The migrations of `dir` in the order Prisma applies them (folder name
 * order), after checking `migration_lock.toml` is for MySQL.
 */
export async function listMigrations(dir: string): Promise<MigrationFile[]> {
  const lock = await readFile(join(dir, "migration_lock.toml"), "utf8").catch(
    () => null
  )
  const provider = lock?.match(/^\s*provider\s*=\s*"([^"]+)"/m)?.[1]
  if (provider && provider !== "mysql") {
    throw new Error(
      `${dir} holds migrations for "${provider}", not mysql (migration_lock.toml)`
    )
  }

  const entries = await readdir(dir, { withFileTypes: true })
  const names = entries
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort()
  const migrations: MigrationFile[] = []
  for (const name of names) {
    const script = await readFile(join(dir, name, "migration.sql")).catch(
      () => null
    )
    if (!script) {
      throw new Error(`Migration folder ${name} has no migration.sql`)
    }
    migrations.push({
      name,
      sql: script.toString("utf8"),
      checksum: migrationChecksum(script),
    })
  }
  return migrations
}
