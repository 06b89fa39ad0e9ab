import {
  createWorkflow,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import type { SearchQueryEntry } from "../../modules/search-analytics"
import { recordSearchQueriesStep } from "./steps/record-search-queries"

export const recordSearchQueriesWorkflowId = "search-record-queries"

/** Input of `recordSearchQueriesWorkflow`. */
export type RecordSearchQueriesWorkflowInput = { queries: SearchQueryEntry[] }

/** Adds storefront searches to the anonymous query statistics. */
export const recordSearchQueriesWorkflow = createWorkflow(
  recordSearchQueriesWorkflowId,
  (input: RecordSearchQueriesWorkflowInput) => {
    const recorded = recordSearchQueriesStep(input.queries)
    return new WorkflowResponse(recorded)
  }
)
