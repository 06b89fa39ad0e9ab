import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import type {
  AdminStage2Entity,
  AdminStage2Run,
} from "../../../modules/legacy-migration/stage-2/admin-view"
import { sdk } from "../../lib/sdk"

export type { AdminStage2Entity, AdminStage2Run }

const ROUTE = "/admin/legacy-migration/stage-2/runs"

/** A running stage 2 is polled this often. */
const POLL_MS = 1500

const KEY = ["legacy-migration", "stage-2"]

/**
 * The latest stage-2 runs (from any server or the CLI), newest first, and
 * whether a run recorded elsewhere holds the lock; polled while one runs.
 */
export function useStage2Runs() {
  return useQuery({
    queryKey: KEY,
    queryFn: () =>
      sdk.client.fetch<{
        runs: AdminStage2Run[]
        count: number
        running_elsewhere: boolean
      }>(ROUTE, { query: { limit: 5 } }),
    refetchInterval: (query) =>
      query.state.data?.running_elsewhere ||
      query.state.data?.runs.some((run) => run.status === "running")
        ? POLL_MS
        : false,
  })
}

/** Starts stage 2 into Medusa (a real run: stage 2 has no dry run). */
export function useStartStage2() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: () =>
      sdk.client.fetch<{ run: AdminStage2Run }>(ROUTE, {
        method: "POST",
        body: {},
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: KEY }),
  })
}
