/** Options of the SMTP notification provider, set in `medusa-config.ts`. */
export type SmtpNotificationOptions = {
  /**
   * The server to send through: `smtp://user:pass@host:587` (STARTTLS when
   * offered) or `smtps://user:pass@host:465` (TLS from the start).
   */
  url: string
  /** Sender of every email without its own `from`. */
  from?: string
  /** Gives up on a server that does not answer for this long. Default 10 000. */
  timeoutMs?: number
}

/** What `verify()` found; never throws. */
export type SmtpHealth = {
  ok: boolean
  /** The server's host and port, without credentials. */
  server: string
  error?: string
}
