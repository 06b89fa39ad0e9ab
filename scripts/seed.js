#!/usr/bin/env node
/** `npm run seed`: checks DATABASE_URL first, then runs the idempotent seed. */
const { loadEnv } = require("@medusajs/framework/utils")
const { checkDatabaseReachable } = require("./lib/embedded-db")
const { runMedusa, PROJECT_ROOT } = require("./lib/medusa-cli")

loadEnv(process.env.NODE_ENV || "development", PROJECT_ROOT)

async function main() {
  const url = process.env.DATABASE_URL
  if (!url) {
    throw new Error(
      "DATABASE_URL is not set. `npm start` seeds the embedded database by itself; set DATABASE_URL to seed another one."
    )
  }
  await checkDatabaseReachable(url)
  await runMedusa(["exec", "./src/scripts/seed.ts"], {
    cwd: PROJECT_ROOT,
    env: process.env,
    quiet: false,
  })
}

main().catch((error) => {
  console.error(`[klelite] Cannot seed: ${error.message.split("\n")[0]}`)
  process.exit(1)
})
