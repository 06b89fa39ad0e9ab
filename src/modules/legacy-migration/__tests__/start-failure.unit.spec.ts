import { MedusaError } from "@medusajs/framework/utils"
import { startFailure } from "../run/start-failure"

describe("startFailure", () => {
  it("keeps the type of a MedusaError, thrown or serialised", () => {
    const conflict = new MedusaError(
      MedusaError.Types.CONFLICT,
      "Another legacy migration is writing to klelite; wait for it to finish"
    )
    expect(startFailure(conflict)).toMatchObject({
      type: MedusaError.Types.CONFLICT,
      message: conflict.message,
    })
    expect(
      startFailure({ type: "not_allowed", message: "Pick the source\nstack" })
    ).toMatchObject({
      type: MedusaError.Types.NOT_ALLOWED,
      message: "Pick the source",
    })
  })

  it("calls anything else an unexpected state, not bad input", () => {
    expect(
      startFailure(new Error("Migration 1 failed: disk full"))
    ).toMatchObject({
      type: MedusaError.Types.UNEXPECTED_STATE,
      message: "Migration 1 failed: disk full",
    })
    expect(startFailure({ type: "teapot", message: "x" }).type).toBe(
      MedusaError.Types.UNEXPECTED_STATE
    )
  })
})
