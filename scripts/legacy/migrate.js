#!/usr/bin/env node
/**
 * `npm run migrate:legacy -- --dump <dir> | --mongo <uri> [--mysql <url>] ...`:
 * migrates the legacy MongoDB store into MySQL (stage 1).
 */
const path = require("path")
const { loadEnv } = require("@medusajs/framework/utils")
require("./register-ts")
const { runMigrateCli } = require("../../src/modules/legacy-migration/cli/main")

loadEnv(process.env.NODE_ENV || "development", path.join(__dirname, "..", ".."))

runMigrateCli(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error) => {
    console.error(`[klelite] Legacy migration failed: ${error.message}`)
    process.exit(1)
  }
)
