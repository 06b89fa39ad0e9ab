import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import {
  withMigration,
  type MigrationRequest,
} from "../../../modules/legacy-migration/run/context"
import { publishMigrationProgress } from "../../../modules/legacy-migration/run/admin-board"
import { migrateCollections } from "../../../modules/legacy-migration/run/migrate"
import type { RunState } from "../../../modules/legacy-migration/run/runs"

export const migrateCollectionsStepId = "legacy-migration-migrate-collections"

/**
 * Migrates every collection of the run from its checkpoints. Nothing is
 * undone on a later failure: each batch was committed with its checkpoint,
 * and the start step's compensation leaves the run to be resumed.
 */
export const migrateCollectionsStep = createStep(
  migrateCollectionsStepId,
  async (
    { request, run }: { request: MigrationRequest; run: RunState },
    { transactionId }
  ) => {
    const stats = await withMigration(
      request,
      (options) => migrateCollections(options, run),
      (event) => publishMigrationProgress(transactionId, run, event)
    )
    return new StepResponse({ run, stats })
  }
)
