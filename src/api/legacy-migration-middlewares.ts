import {
  validateAndTransformBody,
  validateAndTransformQuery,
  type MiddlewareRoute,
} from "@medusajs/framework/http"
import { AdminListLegacyQuarantine } from "./admin/legacy-migration/runs/[id]/quarantine/validators"
import {
  AdminListLegacyStage2Runs,
  AdminStartLegacyStage2,
} from "./admin/legacy-migration/stage-2/runs/validators"
import {
  AdminListLegacyMigrationRuns,
  AdminStartLegacyMigration,
} from "./admin/legacy-migration/runs/validators"

/**
 * Admin legacy migration routes. Medusa authenticates every `/admin` route
 * as a user (session, bearer or secret API key) itself.
 */
export const legacyMigrationAdminMiddlewares: MiddlewareRoute[] = [
  {
    matcher: "/admin/legacy-migration/runs",
    methods: ["POST"],
    middlewares: [validateAndTransformBody(AdminStartLegacyMigration)],
  },
  {
    matcher: "/admin/legacy-migration/runs",
    methods: ["GET"],
    middlewares: [validateAndTransformQuery(AdminListLegacyMigrationRuns, {})],
  },
  {
    matcher: "/admin/legacy-migration/runs/:id/quarantine",
    methods: ["GET"],
    middlewares: [validateAndTransformQuery(AdminListLegacyQuarantine, {})],
  },
  {
    matcher: "/admin/legacy-migration/stage-2/runs",
    methods: ["POST"],
    middlewares: [validateAndTransformBody(AdminStartLegacyStage2)],
  },
  {
    matcher: "/admin/legacy-migration/stage-2/runs",
    methods: ["GET"],
    middlewares: [validateAndTransformQuery(AdminListLegacyStage2Runs, {})],
  },
]
