import { parseArgs } from "util"
import type { MigrateLegacyToMedusaInput } from "./types"

/** Marks the error stage 2 throws when Medusa disagrees with MySQL. */
export const STAGE_2_MISMATCH = "Medusa disagrees with MySQL"

/** Exit code of stage 2 when another stage-2 run (admin or CLI) holds the lock. */
export const STAGE_2_BUSY_EXIT = 4

/**
 * The flags `medusa exec ./src/scripts/legacy-stage-2.ts -- <flags>` takes,
 * as the workflow's input: --mysql (else LEGACY_MYSQL_URL), --batch-size
 * (else LEGACY_STAGE_2_BATCH_SIZE), --currency, --sales-channel,
 * --stock-location, --no-search.
 */
export function parseStage2Args(
  argv: string[],
  env: NodeJS.ProcessEnv = process.env
): MigrateLegacyToMedusaInput {
  const { values } = parseArgs({
    args: argv.filter((arg) => arg !== "--"),
    options: {
      mysql: { type: "string" },
      "batch-size": { type: "string" },
      currency: { type: "string" },
      "sales-channel": { type: "string" },
      "stock-location": { type: "string" },
      "no-search": { type: "boolean", default: false },
    },
  })
  const batch = values["batch-size"] ?? env.LEGACY_STAGE_2_BATCH_SIZE
  if (batch !== undefined && !/^[1-9]\d{0,5}$/.test(batch)) {
    throw new Error(
      `--batch-size must be a whole number above 0, got "${batch}"`
    )
  }
  return {
    mysql_url: values.mysql ?? env.LEGACY_MYSQL_URL,
    batch_size: batch === undefined ? undefined : Number(batch),
    currency_code: values.currency,
    sales_channel_id: values["sales-channel"],
    stock_location_id: values["stock-location"],
    rebuild_search: !values["no-search"],
  }
}
