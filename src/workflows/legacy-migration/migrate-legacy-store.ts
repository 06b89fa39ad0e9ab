import {
  createWorkflow,
  transform,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import type { MigrationRequest } from "../../modules/legacy-migration/run/context"
import { migrateCollectionsStep } from "./steps/migrate-collections"
import { startMigrationRunStep } from "./steps/start-migration-run"
import { verifyMigrationStep } from "./steps/verify-migration"

export const migrateLegacyStoreWorkflowId = "migrate-legacy-store"

/**
 * Stage 1 of the legacy migration: copies the MongoDB store (a mongodump
 * folder or a live server) into the MySQL target, resuming an interrupted
 * run, and returns the report comparing source and target sums.
 */
export const migrateLegacyStoreWorkflow = createWorkflow(
  migrateLegacyStoreWorkflowId,
  (input: MigrationRequest) => {
    const run = startMigrationRunStep(input)
    const migrated = migrateCollectionsStep(
      transform({ input, run }, function migrationOfRun({ input, run }) {
        return { request: input, run }
      })
    )
    const report = verifyMigrationStep(
      transform(
        { input, migrated },
        function verificationOfRun({ input, migrated }) {
          return { request: input, run: migrated.run, stats: migrated.stats }
        }
      )
    )
    return new WorkflowResponse(report)
  }
)
