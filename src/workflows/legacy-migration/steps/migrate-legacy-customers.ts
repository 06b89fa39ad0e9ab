import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { publishStage2Progress } from "../../../modules/legacy-migration/stage-2/board"
import type { Stage2Tally } from "../../../modules/legacy-migration/stage-2/counts"
import { migrateCustomers } from "../../../modules/legacy-migration/stage-2/customers"
import { migrateLoyaltyBalances } from "../../../modules/legacy-migration/stage-2/loyalty"
import { withLegacyMysql } from "../../../modules/legacy-migration/stage-2/mysql"
import {
  saveStage2Counts,
  withFailureRecorded,
} from "../../../modules/legacy-migration/stage-2/run-record"
import type { MigrateLegacyToMedusaInput } from "../../../modules/legacy-migration/stage-2/types"
import { DEFAULT_STAGE_2_BATCH } from "./migrate-legacy-catalog"

export const migrateLegacyCustomersStepId = "legacy-migration-stage-2-customers"

/**
 * Customers with their addresses and legacy logins, then their loyalty
 * balances as opening ledger entries. Forward-only like the catalogue step:
 * a re-run finds what exists by email and legacy id, and credits are keyed.
 */
export const migrateLegacyCustomersStep = createStep(
  migrateLegacyCustomersStepId,
  async (input: MigrateLegacyToMedusaInput, { container, transactionId }) => {
    const batch = input.batch_size ?? DEFAULT_STAGE_2_BATCH
    const migrate = () =>
      withLegacyMysql(input.mysql_url, async (pool) => {
        const progress = async (tally: Stage2Tally) => {
          publishStage2Progress(transactionId, tally.counts)
          await saveStage2Counts(pool, transactionId, tally.counts)
        }
        const customers = await migrateCustomers(
          container,
          pool,
          batch,
          progress
        )
        const loyalty = await migrateLoyaltyBalances(
          container,
          pool,
          batch,
          progress
        )
        return { ...customers.counts, ...loyalty.counts }
      })
    const counts = await withFailureRecorded(
      input.mysql_url,
      transactionId,
      migrate
    )
    return new StepResponse(counts)
  }
)
