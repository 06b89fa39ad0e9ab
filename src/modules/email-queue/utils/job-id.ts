import type { EmailJobInput } from "../types"

/**
 * `${event}|${recipient}|${template}`: the same email for the same
 * occurrence always gets the same id. BullMQ refuses ":" in custom ids, so
 * "|" separates the parts and any ":" inside them becomes ".".
 */
export function emailJobId({ event, to, template }: EmailJobInput): string {
  return [event, to.toLowerCase(), template]
    .map((part) => part.replace(/[:|]/g, "."))
    .join("|")
}
