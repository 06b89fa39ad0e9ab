/**
 * Notification Module provider that sends emails through an SMTP server
 * with nodemailer. It sends the rendered `content` (subject, html, text) of
 * a notification; retries and deduplication are the email queue's job.
 */
import type {
  Logger,
  ProviderSendNotificationDTO,
  ProviderSendNotificationResultsDTO,
} from "@medusajs/framework/types"
import {
  AbstractNotificationProviderService,
  MedusaError,
} from "@medusajs/framework/utils"
import nodemailer, { type Transporter } from "nodemailer"
import type { SmtpHealth, SmtpNotificationOptions } from "./types"
import { resolveSmtpOptions, type ResolvedSmtpOptions } from "./utils/options"

type InjectedDependencies = {
  logger?: Pick<Logger, "info" | "warn" | "error">
}

/** Sends the store's emails through the SMTP server of `SMTP_URL`. */
export class SmtpNotificationService extends AbstractNotificationProviderService {
  static identifier = "notification-smtp"

  protected readonly options_: ResolvedSmtpOptions
  protected readonly transporter_: Transporter

  /** Called by Medusa when the module loads: a bad URL stops the start. */
  static validateOptions(options: Record<string, unknown>): void {
    resolveSmtpOptions(options)
  }

  constructor(
    protected readonly container_: InjectedDependencies,
    options: SmtpNotificationOptions
  ) {
    super()
    this.options_ = resolveSmtpOptions(options)
    const { url, timeoutMs } = this.options_
    this.transporter_ = nodemailer.createTransport({
      url,
      connectionTimeout: timeoutMs,
      greetingTimeout: timeoutMs,
      socketTimeout: timeoutMs,
    })
  }

  async send(
    notification: ProviderSendNotificationDTO
  ): Promise<ProviderSendNotificationResultsDTO> {
    const { to, content, template } = notification
    if (!to) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        "An email needs a recipient (`to`)"
      )
    }
    if (!content?.subject || !(content.html || content.text)) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `Email "${template}" to ${to} has no rendered subject and body: pass \`content\``
      )
    }
    try {
      const info = await this.transporter_.sendMail({
        from: notification.from?.trim() || this.options_.from,
        to,
        subject: content.subject,
        html: content.html,
        text: content.text,
      })
      return { id: info.messageId }
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error)
      throw new MedusaError(
        MedusaError.Types.UNEXPECTED_STATE,
        `SMTP server ${this.options_.server} refused the email to ${to}: ${reason}`
      )
    }
  }

  /** Connects and authenticates without sending anything; never throws. */
  async verify(): Promise<SmtpHealth> {
    const server = this.options_.server
    try {
      await this.transporter_.verify()
      return { ok: true, server }
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error)
      return { ok: false, server, error: reason }
    }
  }
}

export default SmtpNotificationService
