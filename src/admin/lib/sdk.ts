import Medusa from "@medusajs/js-sdk"

/**
 * JS SDK client for the admin extensions, signed in with the admin session.
 * The dashboard is served by the backend, so requests go to the same origin.
 */
export const sdk = new Medusa({
  baseUrl: "/",
  auth: { type: "session" },
})
