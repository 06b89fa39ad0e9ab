import type {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { listAdminQuarantine } from "../../../../../../modules/legacy-migration/run/read-admin-runs"
import type { AdminListLegacyQuarantineType } from "./validators"

/** The documents the migration refused, with the reason and the document itself. */
export const GET = async (
  req: AuthenticatedMedusaRequest<unknown, AdminListLegacyQuarantineType>,
  res: MedusaResponse
) => {
  const { collection, limit, offset } = req.validatedQuery
  const { records, count } = await listAdminQuarantine(req.params.id, {
    collection,
    limit,
    offset,
  })
  res.json({ records, count, limit, offset })
}
