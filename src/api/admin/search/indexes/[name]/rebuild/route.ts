import type {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { reindexSearchIndexesWorkflow } from "@medusajs/medusa/core-flows"

/**
 * Rebuilds a search index without downtime: Medusa's swap strategy fills a
 * new version in the background while the current one keeps answering, then
 * switches reads over and drops the old one.
 */
export const POST = async (
  req: AuthenticatedMedusaRequest,
  res: MedusaResponse
) => {
  const { transaction } = await reindexSearchIndexesWorkflow(req.scope).run({
    input: { index: req.params.name, strategy: "swap" },
  })
  res.status(202).json({
    job_id: transaction.transactionId,
    index: req.params.name,
    strategy: "swap",
  })
}
