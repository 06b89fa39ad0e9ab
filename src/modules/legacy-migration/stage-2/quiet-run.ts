import type { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import type { ReturnWorkflow } from "@medusajs/framework/workflows-sdk"
import { randomUUID } from "crypto"

/**
 * Runs one of Medusa's workflows without releasing the events it emits
 * (`product.created`, `customer.created`...): they are grouped, then
 * dropped. A migration creates thousands of records in one go, and
 * subscribers reacting to each (search indexing one document at a time, a
 * welcome bonus for a customer who has had an account for years) would be
 * wrong or slow; stage 2 rebuilds the search indexes once at the end instead.
 */
export async function runQuietly<TInput, TOutput>(
  container: MedusaContainer,
  workflow: ReturnWorkflow<TInput, TOutput, unknown[]>,
  input: TInput
): Promise<TOutput> {
  const eventGroupId = `legacy-stage-2-${randomUUID()}`
  const eventBus = container.resolve(Modules.EVENT_BUS)
  try {
    const { result } = await workflow(container).run({
      input,
      context: { eventGroupId, preventReleaseEvents: true },
    })
    return result
  } finally {
    await eventBus.clearGroupedEvents(eventGroupId)
  }
}
