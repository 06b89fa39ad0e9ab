import {
  createWorkflow,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import type { MigrationRequest } from "../../modules/legacy-migration/run/context"
import { migrateLegacyStoreStep } from "./steps/migrate-legacy-store"

export const migrateLegacyStoreWorkflowId = "migrate-legacy-store"

/**
 * Stage 1 of the legacy migration: copies the MongoDB store (a mongodump
 * folder or a live server) into the MySQL target, resuming an interrupted
 * run, and returns the report comparing source and target sums. The run
 * holds the migration lock from its start to its report.
 */
export const migrateLegacyStoreWorkflow = createWorkflow(
  migrateLegacyStoreWorkflowId,
  (input: MigrationRequest) => {
    const report = migrateLegacyStoreStep(input)
    return new WorkflowResponse(report)
  }
)
