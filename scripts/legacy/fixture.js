#!/usr/bin/env node
/** `npm run legacy:fixture -- --out <dir> ...`: writes a legacy mongodump fixture. */
require("./register-ts")
const {
  runFixtureCli,
} = require("../../src/modules/legacy-migration/fixture/cli")

runFixtureCli(process.argv.slice(2)).catch((error) => {
  console.error(`[klelite] Cannot write the fixture: ${error.message}`)
  process.exit(1)
})
