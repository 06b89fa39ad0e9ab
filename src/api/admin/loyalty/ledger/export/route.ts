import type {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { csvRecord } from "./csv"
import { LEDGER_CSV_HEADER, ledgerPages } from "./ledger-pages"

/** Writes a chunk, waiting for the socket to drain (or close) when it is full. */
async function send(res: MedusaResponse, chunk: string): Promise<void> {
  if (res.write(chunk)) {
    return
  }
  await new Promise<void>((resolve) => {
    const done = () => {
      res.off("drain", done)
      res.off("close", done)
      resolve()
    }
    res.on("drain", done)
    res.on("close", done)
  })
}

/** Streams the whole points ledger as a CSV download, page by page. */
export const GET = async (
  req: AuthenticatedMedusaRequest,
  res: MedusaResponse
) => {
  const pages = ledgerPages(req.scope)
  // Read the first page before answering, so a failure is still a JSON error.
  let page = await pages.next()

  let closed = false
  res.on("close", () => {
    closed = true
  })
  res.status(200)
  res.setHeader("Content-Type", "text/csv; charset=utf-8")
  res.setHeader(
    "Content-Disposition",
    'attachment; filename="loyalty-ledger.csv"'
  )
  res.setHeader("Cache-Control", "no-store")

  try {
    await send(res, csvRecord(LEDGER_CSV_HEADER))
    while (!page.done && !closed) {
      await send(res, page.value.map(csvRecord).join(""))
      page = await pages.next()
    }
    res.end()
  } catch (error) {
    // The status line is gone; cutting the stream tells the client it failed.
    req.scope
      .resolve(ContainerRegistrationKeys.LOGGER)
      .error(`Loyalty ledger export failed: ${error}`)
    res.destroy()
  } finally {
    await pages.return(undefined)
  }
}
