import { createStep } from "@medusajs/framework/workflows-sdk"
import type { DebitPointsInput } from "../../../modules/loyalty"
import { rollBackEntry, writeOnce } from "../utils/rollback-entry"

export const debitPointsStepId = "loyalty-debit-points"

/**
 * Debits points from a customer's ledger, never below zero. Keyed writes
 * happen once; the compensation credits them back with a reversing entry.
 */
export const debitPointsStep = createStep(
  debitPointsStepId,
  async (input: DebitPointsInput, { container }) =>
    writeOnce(container, input.idempotencyKey, (loyalty) =>
      loyalty.debit(input)
    ),
  async (entryId, { container }) => rollBackEntry(container, entryId)
)
