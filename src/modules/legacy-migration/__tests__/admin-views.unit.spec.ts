import { rowRunView } from "../run/admin-view"
import type { CheckpointRow, RunRow } from "../run/read-runs"
import { emptySnapshot } from "../run/snapshot"
import { stage2RunView } from "../stage-2/admin-view"
import type { Stage2BoardRun } from "../stage-2/board"
import type { Stage2Totals } from "../stage-2/mysql"
import { runOfRow, type Stage2RunRow } from "../stage-2/stored-runs"

const totals: Stage2Totals = {
  categories: 2,
  products: 10,
  variants: 20,
  prices: 20,
  stock: 500,
  customers: 8,
  addresses: 12,
  legacy_logins: 8,
  loyalty_balances: 900,
}

const counter = (source: number, created: number, medusa: number) => ({
  source,
  created,
  present: 0,
  skipped: {},
  medusa,
})

describe("stage-2 run view", () => {
  it("shows done, running and pending entities from the counters of the pages done", () => {
    const run: Stage2BoardRun = {
      id: "legacy-stage-2-1",
      status: "running",
      startedAt: new Date("2026-11-26T06:00:00Z"),
      finishedAt: null,
      error: null,
      totals,
      counts: {
        categories: counter(2, 2, 2),
        products: {
          ...counter(10, 9, 9),
          skipped: { deleted_in_legacy_store: 1 },
        },
        customers: counter(3, 3, 3),
      },
      report: null,
    }
    const view = stage2RunView(run)
    const of = (entity: string) =>
      view.entities.find((e) => e.entity === entity)
    expect(view).toMatchObject({ stage: 2, status: "running", report: null })
    expect(of("products")).toEqual({
      entity: "products",
      state: "done",
      total: 10,
      processed: 10,
      created: 9,
      present: 0,
      skipped: 1,
      medusa: 9,
      ok: true,
    })
    expect(of("customers")).toMatchObject({
      state: "running",
      processed: 3,
      total: 8,
      ok: null,
    })
    expect(of("loyalty_balances")).toMatchObject({
      state: "pending",
      processed: 0,
      total: 900,
    })
  })

  it("marks an entity whose Medusa count falls short as failed", () => {
    const run: Stage2BoardRun = {
      id: "legacy-stage-2-2",
      status: "failed",
      startedAt: new Date(),
      finishedAt: new Date(),
      error: "Medusa disagrees with MySQL",
      totals,
      counts: { categories: counter(2, 2, 1) },
      report: null,
    }
    const [categories] = stage2RunView(run).entities
    expect(categories).toMatchObject({ state: "done", ok: false })
  })
})

describe("stage-2 run read back from MySQL", () => {
  const row: Stage2RunRow = {
    id: "legacy-stage-2-3",
    status: "running",
    started_at: new Date("2026-11-26T06:00:00Z"),
    finished_at: null,
    totals: JSON.stringify(totals),
    counts: JSON.stringify({ categories: counter(2, 2, 2) }),
    report: null,
    error: null,
  }

  it("reads a running row as running while the stage-2 lock is held, else as interrupted", () => {
    const live = stage2RunView(runOfRow(row, true))
    expect(live).toMatchObject({
      id: "legacy-stage-2-3",
      status: "running",
      started_at: "2026-11-26T06:00:00.000Z",
      finished_at: null,
    })
    expect(live.entities[0]).toMatchObject({
      entity: "categories",
      state: "done",
    })
    expect(live.entities[1]).toMatchObject({ entity: "products", total: 10 })
    const cut = stage2RunView(runOfRow(row, false))
    expect(cut).toEqual({ ...live, status: "interrupted" })
  })

  it("keeps a finished row's status whether or not the lock is held", () => {
    for (const status of ["completed", "failed", "interrupted"] as const) {
      expect(runOfRow({ ...row, status }, false).status).toBe(status)
      expect(runOfRow({ ...row, status }, true).status).toBe(status)
    }
  })
})

describe("stage-1 run read back from MySQL", () => {
  it("derives total, state, rate and ETA from the saved attempt and the checkpoint time", () => {
    const snapshot = emptySnapshot("dump:/srv/dump")
    snapshot.progress.products.processed = 60
    snapshot.progress.products.migrated = 58
    snapshot.progress.orders.processed = 1500
    snapshot.progress.orders.migrated = 1490
    snapshot.attempts = {
      products: { total: 60, from: 0, startedAt: "2026-11-26T06:00:00.000Z" },
      orders: { total: 4000, from: 500, startedAt: "2026-11-26T06:00:01.000Z" },
    }
    const row: RunRow = {
      id: "run-1",
      status: "running",
      dry_run: 0,
      started_at: new Date("2026-11-26T06:00:00Z"),
      finished_at: null,
      report: JSON.stringify(snapshot),
    }
    const checkpoints: CheckpointRow[] = [
      {
        run_id: "run-1",
        collection: "orders",
        processed_count: 1500,
        updated_at: new Date("2026-11-26T06:00:03.000Z"),
      },
    ]
    const view = rowRunView(row, true, checkpoints)
    const of = (c: string) => view.collections.find((x) => x.collection === c)
    expect(view.status).toBe("running")
    expect(of("products")).toMatchObject({
      state: "done",
      total: 60,
      processed: 60,
      written: 58,
      eta_seconds: 0,
    })
    expect(of("orders")).toMatchObject({
      state: "running",
      total: 4000,
      processed: 1500,
      read: 1000,
      skipped: 500,
      rate: 500,
      eta_seconds: 5,
    })
    expect(of("reviews")).toMatchObject({ state: "pending", total: null })
    expect(rowRunView(row, false, checkpoints).status).toBe("interrupted")
  })
})
