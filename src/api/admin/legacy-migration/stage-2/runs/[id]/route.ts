import type {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { stage2RunView } from "../../../../../../modules/legacy-migration/stage-2/admin-view"
import { findStage2BoardRun } from "../../../../../../modules/legacy-migration/stage-2/board"

/** A stage-2 run: per-entity progress, then its report; 404 when unknown. */
export const GET = async (
  req: AuthenticatedMedusaRequest,
  res: MedusaResponse
) => {
  const run = findStage2BoardRun(req.params.id)
  if (!run) {
    throw new MedusaError(
      MedusaError.Types.NOT_FOUND,
      `Legacy stage-2 run ${req.params.id} was not found`
    )
  }
  res.json({ run: stage2RunView(run) })
}
