import { Module } from "@medusajs/framework/utils"
import EmailQueueModuleService from "./service"

/** Container key of the email-queue module. */
export const EMAIL_QUEUE_MODULE = "emailQueue"

/**
 * The email-queue module definition, for `medusa-config.ts`. It sends through
 * the Notification Module, so list `Modules.NOTIFICATION` in its dependencies.
 */
export default Module(EMAIL_QUEUE_MODULE, {
  service: EmailQueueModuleService,
})

export { EmailQueueModuleService }
export * from "./types"
export { EMAIL_TEMPLATES, renderEmail } from "./templates"
export { emailJobId } from "./utils/job-id"
