import type { MedusaContainer } from "@medusajs/framework/types"
import { MedusaError } from "@medusajs/framework/utils"
import { errorMessage } from "../deploy/errors"
import { configuredTargetUrl } from "../run/read-admin-runs"
import { readStage2Totals, withLegacyMysql, type Stage2Totals } from "./mysql"
import { resolveStage2Targets } from "./targets"
import type { MigrateLegacyToMedusaInput } from "./types"

/**
 * Checks, before anything is created, what would stop stage 2 at once: the
 * stage-1 database (LEGACY_MYSQL_URL unless given) answers and has the
 * legacy tables, and the store has a currency, sales channel and stock
 * location for it. Returns what MySQL holds, for the progress.
 */
export async function checkStage2CanStart(
  container: MedusaContainer,
  input: MigrateLegacyToMedusaInput
): Promise<Stage2Totals> {
  const url = input.mysql_url ?? configuredTargetUrl()
  const totals = await withLegacyMysql(url, readStage2Totals).catch((error) => {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      errorMessage(error).split("\n")[0]
    )
  })
  await resolveStage2Targets(container, input)
  return totals
}
