import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { publishMigrationProgress } from "../../../modules/legacy-migration/run/admin-board"
import {
  withMigration,
  type MigrationRequest,
} from "../../../modules/legacy-migration/run/context"
import { migrateHoldingLock } from "../../../modules/legacy-migration/run/migrate"

export const migrateLegacyStoreStepId = "legacy-migration-migrate-store"

/**
 * Starts or resumes a run, migrates every collection from its checkpoints
 * and verifies, under one hold of the migration lock: released in between,
 * another migration could take the run over. Nothing to compensate: each
 * batch was committed with its checkpoint, and a run that stops on an error
 * is marked failed, to be resumed.
 */
export const migrateLegacyStoreStep = createStep(
  migrateLegacyStoreStepId,
  async (request: MigrationRequest, { transactionId }) => {
    const report = await withMigration(
      request,
      migrateHoldingLock,
      (event, run) => publishMigrationProgress(transactionId, run, event)
    )
    return new StepResponse(report)
  }
)
