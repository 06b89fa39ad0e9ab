/**
 * Email queue module: renders our email templates and sends them through
 * Medusa's Notification Module, from a BullMQ queue when Redis is set.
 *
 * Each job's id is `${event}|${recipient}|${template}`, so adding the same
 * email for the same occurrence twice queues it once. BullMQ only knows ids
 * it still keeps: sent jobs are kept `keepCompletedSeconds` (7 days by
 * default), and the same id is passed to the Notification Module as its
 * idempotency key, which remembers sent notifications for good. A job is
 * tried `attempts` times with exponential backoff; failed jobs are kept
 * for an admin to inspect and retry.
 *
 * Without Redis emails are sent inline, once, and the module logs that the
 * queue is off.
 */
import type { ConfigModule, Logger } from "@medusajs/framework/types"
import { MedusaError, Modules } from "@medusajs/framework/utils"
import { Queue, Worker, type Job } from "bullmq"
import Redis from "ioredis"
import type {
  EmailJobDTO,
  EmailJobInput,
  EmailQueueHealth,
  EmailQueueModuleOptions,
  EnqueuedEmail,
  ListableEmailJobStatus,
} from "./types"
import { toEmailJobDTO } from "./utils/job-dto"
import { emailJobId } from "./utils/job-id"
import { pingWithin } from "./utils/ping"
import { resolveOptions, type ResolvedEmailQueueOptions } from "./utils/options"
import { sendEmailOnce, type EmailSender } from "./utils/send-email"

export type { EmailSender }

type InjectedDependencies = {
  logger?: Pick<Logger, "info" | "warn" | "error">
  configModule?: ConfigModule
  [Modules.NOTIFICATION]?: EmailSender
}

/** Ids of emails sent inline, remembered to drop repeats. */
const INLINE_MEMORY = 10_000

/** Queues, sends and retries the store's emails. */
export default class EmailQueueModuleService {
  protected readonly options_: ResolvedEmailQueueOptions
  protected readonly queue_: Queue<EmailJobInput> | null = null
  protected worker_: Worker<EmailJobInput> | null = null
  protected readonly connections_: Redis[] = []
  protected readonly sentInline_ = new Set<string>()

  __hooks = {
    onApplicationStart: async (): Promise<void> => {
      this.startWorker()
    },
    onApplicationShutdown: async (): Promise<void> => {
      await this.close()
    },
  }

  constructor(
    protected readonly container_: InjectedDependencies,
    options: EmailQueueModuleOptions = {}
  ) {
    this.options_ = resolveOptions(options)
    if (this.options_.redisUrl) {
      const { queueName, attempts, backoffMs, keepCompletedSeconds } =
        this.options_
      this.queue_ = new Queue<EmailJobInput>(queueName, {
        connection: this.connect(),
        defaultJobOptions: {
          attempts,
          backoff: { type: "exponential", delay: backoffMs },
          removeOnComplete: { age: keepCompletedSeconds },
          removeOnFail: false,
        },
      })
    } else {
      container_.logger?.info(
        "Email queue disabled (no REDIS_URL): emails are sent inline, without retries"
      )
    }
  }

  /**
   * Queues emails, or sends them inline without Redis. An email already
   * queued or sent for the same event, recipient and template is skipped.
   */
  async enqueue(jobs: EmailJobInput[]): Promise<EnqueuedEmail[]> {
    const results: EnqueuedEmail[] = []
    for (const job of jobs) {
      const id = emailJobId(job)
      results.push({ id, created: await this.add(id, job) })
    }
    return results
  }

  /** Queued emails in one state, newest first. Empty without Redis. */
  async listJobs(
    status: ListableEmailJobStatus,
    { limit = 20, offset = 0 }: { limit?: number; offset?: number } = {}
  ): Promise<{ jobs: EmailJobDTO[]; count: number }> {
    if (!this.queue_) {
      return { jobs: [], count: 0 }
    }
    const [jobs, counts] = await Promise.all([
      this.queue_.getJobs([status], offset, offset + limit - 1),
      this.queue_.getJobCounts(status),
    ])
    return {
      jobs: jobs.filter(Boolean).map((job) => toEmailJobDTO(job, status)),
      count: counts[status] ?? 0,
    }
  }

  /** Puts a failed job back in the queue for a new round of attempts. */
  async retryJob(id: string): Promise<EmailJobDTO> {
    const job = await this.findJob(id)
    const state = await job.getState()
    if (state !== "failed") {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        `Email job ${id} is ${state}: only failed jobs can be retried`
      )
    }
    try {
      await job.retry("failed", {
        resetAttemptsMade: true,
        resetAttemptsStarted: true,
      })
    } catch (error) {
      // Another admin retried it between the check and the retry.
      const now = await job.getState()
      if (now !== "failed") {
        throw new MedusaError(
          MedusaError.Types.NOT_ALLOWED,
          `Email job ${id} is ${now}: only failed jobs can be retried`
        )
      }
      throw error
    }
    return toEmailJobDTO(job, "waiting")
  }

  /** Drops jobs not yet sent (a workflow rolling back). */
  async removeJobs(ids: string[]): Promise<void> {
    if (!this.queue_) {
      return
    }
    for (const id of ids) {
      const job = await this.queue_.getJob(id)
      const state = job ? await job.getState() : null
      if (job && (state === "waiting" || state === "delayed")) {
        await job.remove()
      }
    }
  }

  /** Whether the queue's Redis answers; never throws. */
  async health(): Promise<EmailQueueHealth> {
    if (!this.queue_) {
      return { ok: true, mode: "inline" }
    }
    try {
      await pingWithin(this.connections_[0])
      return { ok: true, mode: "queue" }
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error)
      return { ok: false, mode: "queue", error: message }
    }
  }

  /** Starts sending queued emails, unless this instance only serves HTTP. */
  startWorker(): void {
    const mode = this.container_.configModule?.projectConfig?.workerMode
    if (!this.queue_ || this.worker_ || mode === "server") {
      return
    }
    const { queueName, concurrency, attempts } = this.options_
    this.worker_ = new Worker<EmailJobInput>(
      queueName,
      async (job) => await this.send(String(job.id), job.data),
      { connection: this.connect(), concurrency }
    )
    this.worker_.on("failed", (job, error) => {
      const final = job && job.attemptsMade >= attempts
      this.container_.logger?.[final ? "error" : "warn"](
        `Email ${job?.id} attempt ${job?.attemptsMade} failed: ${error.message}`
      )
    })
    this.worker_.on("error", (error) =>
      this.container_.logger?.error(`Email worker: ${error.message}`)
    )
  }

  async close(): Promise<void> {
    await this.worker_?.close()
    await this.queue_?.close()
    // A client still reconnecting would queue QUIT until Redis is back.
    await Promise.allSettled(
      this.connections_.map((client) =>
        client.status === "ready" ? client.quit() : client.disconnect()
      )
    )
  }

  protected async add(id: string, job: EmailJobInput): Promise<boolean> {
    if (!this.queue_) {
      return await this.sendInline(id, job)
    }
    const existing = await this.queue_.getJob(id)
    if (existing) {
      return false
    }
    // BullMQ ignores a concurrent add of the same id: still one job.
    await this.queue_.add(job.template, job, { jobId: id })
    return true
  }

  protected async sendInline(id: string, job: EmailJobInput): Promise<boolean> {
    if (this.sentInline_.has(id)) {
      return false
    }
    this.sentInline_.add(id)
    if (this.sentInline_.size > INLINE_MEMORY) {
      this.sentInline_.delete(this.sentInline_.values().next().value ?? id)
    }
    try {
      await this.send(id, job)
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error)
      this.container_.logger?.error(`Email ${id} failed: ${message}`)
    }
    return true
  }

  /** Sends the email through the Notification Module, once per job id. */
  protected async send(id: string, job: EmailJobInput): Promise<void> {
    const notification = this.container_[Modules.NOTIFICATION]
    if (!notification) {
      throw new MedusaError(
        MedusaError.Types.UNEXPECTED_STATE,
        "The email queue needs the Notification Module: list it in the module's dependencies"
      )
    }
    await sendEmailOnce(notification, id, job)
  }

  protected async findJob(id: string): Promise<Job<EmailJobInput>> {
    const job = await this.queue_?.getJob(id)
    if (!job) {
      throw new MedusaError(
        MedusaError.Types.NOT_FOUND,
        `Email job ${id} was not found`
      )
    }
    return job
  }

  protected connect(): Redis {
    const client = new Redis(this.options_.redisUrl ?? "", {
      maxRetriesPerRequest: null,
    })
    client.on("error", (error: Error) =>
      this.container_.logger?.error(`Email queue Redis: ${error.message}`)
    )
    this.connections_.push(client)
    return client
  }
}
