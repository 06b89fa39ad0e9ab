import type {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import {
  LOYALTY_MODULE,
  type LoyaltyModuleService,
} from "../../../../modules/loyalty"
import { updateLoyaltySettingsWorkflow } from "../../../../workflows/loyalty/update-settings"
import type { AdminUpdateLoyaltySettingsType } from "../validators"

/** The programme settings. */
export const GET = async (
  req: AuthenticatedMedusaRequest,
  res: MedusaResponse
) => {
  const loyalty = req.scope.resolve<LoyaltyModuleService>(LOYALTY_MODULE)
  const settings = await loyalty.getSettings()
  res.status(200).json({ settings })
}

/** Changes the given settings, leaving the others as they are. */
export const POST = async (
  req: AuthenticatedMedusaRequest<AdminUpdateLoyaltySettingsType>,
  res: MedusaResponse
) => {
  const { result: settings } = await updateLoyaltySettingsWorkflow(
    req.scope
  ).run({ input: req.validatedBody })
  res.status(200).json({ settings })
}
