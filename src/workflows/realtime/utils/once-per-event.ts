/**
 * Options of a notification workflow that must run once per event (the
 * subscriber passes an id derived from the event as transactionId). The
 * workflow engine drops a finished execution at once unless it has a
 * retention time, and a redelivered event would then publish again; a day
 * covers every redelivery of the event buses.
 */
export const ONCE_PER_EVENT = {
  idempotent: true,
  store: true,
  retentionTime: 24 * 60 * 60,
} as const
