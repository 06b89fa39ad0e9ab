import express from "express"
import type { AddressInfo } from "net"
import type { Server } from "http"
import { asValue } from "@medusajs/framework/awilix"
import type { MedusaRequest } from "@medusajs/framework/http"
import {
  ContainerRegistrationKeys,
  createMedusaContainer,
} from "@medusajs/framework/utils"
import { afterSuccessfulJson } from "../after-successful-json"

const BODY = { product: { id: "prod_1", title: "Paris-Brest" }, count: 1 }

let server: Server
let baseUrl: string
const acted: { path: string; body: unknown; payload: unknown }[] = []
const warnings: string[] = []

beforeAll(async () => {
  const scope = createMedusaContainer()
  scope.register(
    ContainerRegistrationKeys.LOGGER,
    asValue({ warn: (line: string) => warnings.push(line) })
  )
  const app = express()
  app.use(express.json())
  app.use((req, _res, next) => {
    ;(req as MedusaRequest).scope = scope
    next()
  })
  app.use(
    afterSuccessfulJson((req, payload) => {
      if (req.path === "/throws") {
        throw new Error("index unreachable")
      }
      acted.push({ path: req.path, body: req.body, payload })
    })
  )
  app.post("/created", (_req, res) => {
    res.status(201).json(BODY)
  })
  app.post("/ok", (_req, res) => {
    res.json(BODY)
  })
  app.post("/throws", (_req, res) => {
    res.json(BODY)
  })
  app.post("/invalid", (_req, res) => {
    res.status(400).json({ type: "invalid_data", message: "Bad body" })
  })
  app.post("/failed", (_req, res) => {
    res.status(500).json({ type: "unknown_error", message: "Boom" })
  })
  server = app.listen(0, "127.0.0.1")
  await new Promise((resolve) => server.once("listening", resolve))
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})

afterAll(async () => {
  server.closeAllConnections()
  await new Promise((resolve) => server.close(resolve))
})

beforeEach(() => {
  acted.length = 0
  warnings.length = 0
})

async function post(path: string) {
  const response = await fetch(`${baseUrl}${path}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ add: ["prod_1"] }),
  })
  return { status: response.status, body: await response.json() }
}

describe("afterSuccessfulJson", () => {
  it.each([
    ["/ok", 200],
    ["/created", 201],
  ])(
    "acts with the request and the body after %s answers %i",
    async (path, status) => {
      expect(await post(path)).toEqual({ status, body: BODY })
      expect(acted).toEqual([
        { path, body: { add: ["prod_1"] }, payload: BODY },
      ])
    }
  )

  it.each([
    ["/invalid", 400, "Bad body"],
    ["/failed", 500, "Boom"],
  ])("does not act after %s answers %i", async (path, status, message) => {
    expect(await post(path)).toEqual({
      status,
      body: expect.objectContaining({ message }),
    })
    expect(acted).toEqual([])
  })

  it("keeps the answer when acting fails, and logs why", async () => {
    expect(await post("/throws")).toEqual({ status: 200, body: BODY })
    expect(warnings).toEqual(["After POST /throws: index unreachable"])
  })
})
