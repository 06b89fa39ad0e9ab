import type {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { stage2RunView } from "../../../../../../modules/legacy-migration/stage-2/admin-view"
import { findStage2Run } from "../../../../../../modules/legacy-migration/stage-2/stored-runs"

/** A stage-2 run: per-entity progress, then its report; 404 when unknown. */
export const GET = async (
  req: AuthenticatedMedusaRequest,
  res: MedusaResponse
) => {
  const run = await findStage2Run(req.scope, req.params.id)
  if (!run) {
    throw new MedusaError(
      MedusaError.Types.NOT_FOUND,
      `Legacy stage-2 run ${req.params.id} was not found`
    )
  }
  res.json({ run: stage2RunView(run) })
}
