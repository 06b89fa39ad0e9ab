#!/usr/bin/env node
/**
 * `npm run prisma:deploy`: applies prisma/migrations to LEGACY_MYSQL_URL and
 * records them as `prisma migrate deploy` would (Prisma's engine cannot be
 * downloaded here, and with a stub engine `migrate deploy` silently does nothing).
 */
const path = require("path")
const { loadEnv } = require("@medusajs/framework/utils")
require("./register-ts")
const {
  deployMigrations,
} = require("../../src/modules/legacy-migration/deploy/deploy")

const PROJECT_ROOT = path.join(__dirname, "..", "..")
loadEnv(process.env.NODE_ENV || "development", PROJECT_ROOT)

async function main() {
  const migrationsDir = path.join(PROJECT_ROOT, "prisma", "migrations")
  const result = await deployMigrations({
    url: process.env.LEGACY_MYSQL_URL,
    migrationsDir,
    log: (line) => console.log(line),
  })
  console.log(
    `${result.found} migration(s) found in prisma/migrations, ${result.alreadyApplied.length} already applied`
  )
  for (const name of result.unknownInDatabase) {
    console.warn(
      `Warning: ${name} is applied in the database but missing from prisma/migrations`
    )
  }
  console.log(
    result.applied.length
      ? `Applied: ${result.applied.join(", ")}`
      : "No pending migrations to apply."
  )
}

main().catch((error) => {
  console.error(
    `[klelite] Cannot deploy migrations: ${error.message.split("\n")[0]}`
  )
  process.exit(1)
})
