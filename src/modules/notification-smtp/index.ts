import { ModuleProvider, Modules } from "@medusajs/framework/utils"
import { SmtpNotificationService } from "./service"

/**
 * The SMTP provider of the Notification Module, for `medusa-config.ts`:
 * `{ resolve: "./src/modules/notification-smtp", id: "smtp",
 *    options: { channels: ["email"], url: process.env.SMTP_URL } }`.
 */
export default ModuleProvider(Modules.NOTIFICATION, {
  services: [SmtpNotificationService],
})

export { SmtpNotificationService }
export * from "./types"
export { resolveSmtpOptions } from "./utils/options"
