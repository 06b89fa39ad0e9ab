// Errors from the driver may come from another realm (Jest's VM context), so
// they are inspected by shape rather than with `instanceof Error`.

/** The driver's or Node's error code (`ECONNREFUSED`, `ER_BAD_DB_ERROR`...). */
export function errorCode(error: unknown): string | undefined {
  if (typeof error === "object" && error !== null && "code" in error) {
    return typeof error.code === "string" ? error.code : undefined
  }
  return undefined
}

/** The message of anything thrown. */
export function errorMessage(error: unknown): string {
  if (typeof error === "object" && error !== null && "message" in error) {
    return String(error.message)
  }
  return String(error)
}
