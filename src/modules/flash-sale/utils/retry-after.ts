/**
 * Whole seconds to wait, at least 1 and at most the window: attempts counted
 * by instances with slightly later clocks can look younger than "now".
 */
export function retryAfterSeconds(waitMs: number, windowMs: number): number {
  return Math.min(Math.max(Math.ceil(waitMs / 1000), 1), windowMs / 1000)
}
