import {
  createWorkflow,
  transform,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import type { MigrateLegacyToMedusaInput } from "../../modules/legacy-migration/stage-2/types"
import { clearStage2CachesStep } from "./steps/clear-stage-2-caches"
import { completeStage2RunStep } from "./steps/complete-stage-2-run"
import { migrateLegacyCatalogStep } from "./steps/migrate-legacy-catalog"
import { migrateLegacyCustomersStep } from "./steps/migrate-legacy-customers"
import { rebuildSearchIndexesStep } from "./steps/rebuild-search-indexes"
import { recordStage2RunStep } from "./steps/record-stage-2-run"
import { resolveStage2TargetsStep } from "./steps/resolve-stage-2-targets"
import { verifyStage2Step } from "./steps/verify-stage-2"

export type {
  MigrateLegacyToMedusaInput,
  MigrateLegacyToMedusaReport,
  Stage2EntityReport,
} from "../../modules/legacy-migration/stage-2/types"

export const migrateLegacyToMedusaWorkflowId = "migrate-legacy-to-medusa"

/**
 * Stage 2 of the legacy migration: creates the MySQL catalogue (categories,
 * products, variants, prices, stock) and customers (addresses, legacy
 * logins, loyalty balances) in Medusa through Medusa's own workflows,
 * clears the cached lists and rebuilds the search indexes once (their
 * per-record events are dropped), and returns the report comparing
 * Medusa with MySQL. Throws when they disagree. Safe to run again: what
 * exists is found by its legacy key and left alone. The run is recorded in
 * the stage-1 database (progress after each page, then its report or
 * failure), so every server shows it.
 */
export const migrateLegacyToMedusaWorkflow = createWorkflow(
  migrateLegacyToMedusaWorkflowId,
  (input: MigrateLegacyToMedusaInput) => {
    recordStage2RunStep(input)
    const { targets, started_at } = resolveStage2TargetsStep(input)
    const catalog = migrateLegacyCatalogStep({ input, targets })
    const customers = migrateLegacyCustomersStep(input)
    clearStage2CachesStep()
    const search = rebuildSearchIndexesStep(
      transform({ input }, function searchRebuildWanted({ input }) {
        return {
          rebuild: input.rebuild_search !== false,
          mysql_url: input.mysql_url,
        }
      })
    )
    const report = verifyStage2Step(
      transform(
        { input, catalog, customers, search, started_at },
        function stage2Outcome({
          input,
          catalog,
          customers,
          search,
          started_at,
        }) {
          return {
            counts: { ...catalog, ...customers },
            search,
            started_at,
            mysql_url: input.mysql_url,
          }
        }
      )
    )
    const completed = completeStage2RunStep(
      transform({ input, report }, function completedRun({ input, report }) {
        return { mysql_url: input.mysql_url, report }
      })
    )
    return new WorkflowResponse(completed)
  }
)
