import { createStep } from "@medusajs/framework/workflows-sdk"
import type { CreditPointsInput } from "../../../modules/loyalty"
import { rollBackEntry, writeOnce } from "../utils/rollback-entry"

export const creditPointsStepId = "loyalty-credit-points"

/**
 * Credits points to a customer's ledger. Keyed writes happen once; the
 * compensation appends a reversing entry (the ledger is append-only).
 */
export const creditPointsStep = createStep(
  creditPointsStepId,
  async (input: CreditPointsInput, { container }) =>
    writeOnce(container, input.idempotencyKey, (loyalty) =>
      loyalty.credit(input)
    ),
  async (entryId, { container }) => rollBackEntry(container, entryId)
)
