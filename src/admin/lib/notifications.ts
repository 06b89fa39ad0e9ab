import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { useSyncExternalStore } from "react"
import { notificationFeed, type FeedState } from "./notifications-feed"
import { sdk } from "./sdk"

/** The live admin notifications, with the unread count; opens the stream. */
export function useAdminNotifications(): FeedState & {
  markAllRead: () => void
} {
  const state = useSyncExternalStore(
    notificationFeed.subscribe,
    notificationFeed.getState
  )
  return { ...state, markAllRead: () => notificationFeed.markAllRead() }
}

/** An email the queue could not send, as the admin API lists it. */
export type EmailJob = {
  id: string
  event: string
  to: string
  template: string
  status: string
  attempts_made: number
  failed_reason: string | null
  created_at: string
  processed_at: string | null
  finished_at: string | null
}

type EmailJobList = {
  email_jobs: EmailJob[]
  count: number
  limit: number
  offset: number
}

const EMAIL_JOBS_KEY = ["notifications", "email-jobs"]

/** One page of failed email jobs, newest first. */
export function useFailedEmailJobs(offset: number, limit: number) {
  return useQuery({
    queryKey: [...EMAIL_JOBS_KEY, "failed", offset, limit],
    queryFn: () =>
      sdk.client.fetch<EmailJobList>("/admin/notifications/email-jobs", {
        query: { status: "failed", offset, limit },
      }),
  })
}

/** Queues a failed email for a new round of attempts. */
export function useRetryEmailJob() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (id: string) =>
      sdk.client.fetch<{ email_job: EmailJob }>(
        `/admin/notifications/email-jobs/${encodeURIComponent(id)}/retry`,
        { method: "POST", body: {} }
      ),
    onSuccess: () =>
      queryClient.invalidateQueries({ queryKey: EMAIL_JOBS_KEY }),
  })
}
