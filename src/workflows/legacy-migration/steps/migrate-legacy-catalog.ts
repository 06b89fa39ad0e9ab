import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { publishStage2Progress } from "../../../modules/legacy-migration/stage-2/board"
import { migrateCategories } from "../../../modules/legacy-migration/stage-2/categories"
import { withLegacyMysql } from "../../../modules/legacy-migration/stage-2/mysql"
import { migrateProducts } from "../../../modules/legacy-migration/stage-2/products"
import {
  saveStage2Counts,
  withFailureRecorded,
} from "../../../modules/legacy-migration/stage-2/run-record"
import type {
  MigrateLegacyToMedusaInput,
  Stage2Counts,
  Stage2Targets,
} from "../../../modules/legacy-migration/stage-2/types"

export const migrateLegacyCatalogStepId = "legacy-migration-stage-2-catalog"

export const DEFAULT_STAGE_2_BATCH = 100

/**
 * Categories, then products with their variants, prices and stock, created
 * through Medusa's workflows in batches; the run's counters are saved after
 * each page. No compensation: every record is found by its legacy key
 * before it is created, so a failed or killed run is finished by running
 * stage 2 again, not by deleting what it created.
 */
export const migrateLegacyCatalogStep = createStep(
  migrateLegacyCatalogStepId,
  async (
    {
      input,
      targets,
    }: { input: MigrateLegacyToMedusaInput; targets: Stage2Targets },
    { container, transactionId }
  ) => {
    const migrate = () =>
      withLegacyMysql(input.mysql_url, async (pool) => {
        const progress = async (counts: Stage2Counts) => {
          publishStage2Progress(transactionId, counts)
          await saveStage2Counts(pool, transactionId, counts)
        }
        const categories = await migrateCategories(container, pool)
        await progress(categories.counts)
        const products = await migrateProducts(
          container,
          pool,
          targets,
          input.batch_size ?? DEFAULT_STAGE_2_BATCH,
          (tally) => progress(tally.counts)
        )
        return { ...categories.counts, ...products.counts }
      })
    const counts = await withFailureRecorded(
      input.mysql_url,
      transactionId,
      migrate
    )
    return new StepResponse(counts)
  }
)
