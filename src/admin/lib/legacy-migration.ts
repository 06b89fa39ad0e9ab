import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import type {
  AdminCollectionProgress,
  AdminMigrationRun,
} from "../../modules/legacy-migration/run/admin-view"
import type { AdminQuarantineRecord } from "../../modules/legacy-migration/run/read-admin-runs"
import { sdk } from "./sdk"

export type {
  AdminCollectionProgress,
  AdminMigrationRun,
  AdminQuarantineRecord,
}

/** The body of `POST /admin/legacy-migration/runs`. */
export type StartLegacyMigration = {
  source: { dump: string } | { mongo: string }
  dry_run: boolean
  stage: 1 | 2
}

const ROUTE = "/admin/legacy-migration/runs"

/** A running migration is polled this often. */
export const POLL_MS = 1500

const keys = {
  all: ["legacy-migration"],
  runs: ["legacy-migration", "runs"],
  run: (id: string) => ["legacy-migration", "run", id],
  quarantine: (id: string, collection: string, offset: number) => [
    "legacy-migration",
    "quarantine",
    id,
    collection,
    offset,
  ],
}

/** The latest runs, newest first; refreshed while one is running. */
export function useLegacyRuns() {
  return useQuery({
    queryKey: keys.runs,
    queryFn: () =>
      sdk.client.fetch<{ runs: AdminMigrationRun[]; count: number }>(ROUTE, {
        query: { limit: 10 },
      }),
    refetchInterval: (query) =>
      query.state.data?.runs.some((run) => run.status === "running")
        ? POLL_MS
        : false,
  })
}

/** One run, polled until it is no longer running. */
export function useLegacyRun(id: string | null) {
  return useQuery({
    queryKey: keys.run(id ?? ""),
    queryFn: () =>
      sdk.client.fetch<{ run: AdminMigrationRun }>(`${ROUTE}/${id}`),
    enabled: Boolean(id),
    refetchInterval: (query) =>
      query.state.data?.run.status === "running" ? POLL_MS : false,
  })
}

/** Starts a dry run or a real run. */
export function useStartLegacyMigration() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (body: StartLegacyMigration) =>
      sdk.client.fetch<{ run: AdminMigrationRun }>(ROUTE, {
        method: "POST",
        body,
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.all }),
  })
}

/** The quarantine after a run, a page at a time. */
export function useLegacyQuarantine(
  id: string,
  collection: string,
  offset: number,
  limit: number
) {
  return useQuery({
    queryKey: keys.quarantine(id, collection, offset),
    queryFn: () =>
      sdk.client.fetch<{ records: AdminQuarantineRecord[]; count: number }>(
        `${ROUTE}/${id}/quarantine`,
        { query: { limit, offset, ...(collection ? { collection } : {}) } }
      ),
  })
}
