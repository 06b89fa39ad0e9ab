import type {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { getAdminRun } from "../../../../../modules/legacy-migration/run/read-admin-runs"

/** A run: status, per-collection progress (rate, ETA) and, once done, its report. */
export const GET = async (
  req: AuthenticatedMedusaRequest,
  res: MedusaResponse
) => {
  res.json({ run: await getAdminRun(req.params.id) })
}
