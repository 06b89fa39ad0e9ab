/** What an email needs to say an order was placed. */
export type OrderConfirmationData = {
  display_id: number | string
  customer_name?: string | null
  currency_code: string
  total: number
  items: { title: string; quantity: number }[]
}

export type OrderShippedData = {
  display_id: number | string
  customer_name?: string | null
  tracking_numbers: string[]
}

export type PointsEarnedData = {
  points: number
  balance: number
  order_display_id?: number | string | null
}

export type PointsExpiringData = {
  points: number
  expires_at: string
}

export type BackInStockData = {
  product_title: string
  variant_title?: string | null
  product_handle?: string | null
}

/** Each template's name and the data it renders. */
export type EmailTemplates = {
  "order-confirmation": OrderConfirmationData
  "order-shipped": OrderShippedData
  "points-earned": PointsEarnedData
  "points-expiring": PointsExpiringData
  "back-in-stock": BackInStockData
}

export type EmailTemplateName = keyof EmailTemplates

/** A rendered email, as sent to the notification provider. */
export type RenderedEmail = { subject: string; html: string; text: string }

/**
 * One email to send. `event` names the occurrence that caused it (such as
 * `order.placed.order_123`): with `to` and `template` it makes the job id,
 * so the same occurrence never sends the same email twice.
 */
export type EmailJobInput = {
  [T in EmailTemplateName]: {
    event: string
    to: string
    template: T
    data: EmailTemplates[T]
  }
}[EmailTemplateName]

/** The job states an admin can list. */
export type ListableEmailJobStatus =
  "waiting" | "active" | "delayed" | "completed" | "failed"

export type EmailJobStatus =
  | "waiting"
  | "active"
  | "delayed"
  | "completed"
  | "failed"
  | "prioritized"
  | "waiting-children"
  | "unknown"

export type EmailJobDTO = {
  id: string
  event: string
  to: string
  template: EmailTemplateName
  status: EmailJobStatus
  attempts_made: number
  failed_reason: string | null
  created_at: string
  processed_at: string | null
  finished_at: string | null
}

/** What `enqueue` did with one email. */
export type EnqueuedEmail = {
  id: string
  /** False when a job with this id was already queued or sent. */
  created: boolean
}

/** Options of the email-queue module, set in `medusa-config.ts`. */
export type EmailQueueModuleOptions = {
  /** Queues emails in BullMQ; without it emails are sent inline. */
  redisUrl?: string
  /** BullMQ queue name (no ":"). */
  queueName?: string
  /** Sending attempts before a job is kept as failed. Default 5. */
  attempts?: number
  /** First retry delay; each next one doubles. Default 10 000 ms. */
  backoffMs?: number
  /** How long sent jobs (and so their ids) are kept. Default 7 days. */
  keepCompletedSeconds?: number
  /** Jobs one worker sends at once. Default 5. */
  concurrency?: number
}

export type EmailQueueHealth = {
  ok: boolean
  mode: "queue" | "inline"
  error?: string
}
