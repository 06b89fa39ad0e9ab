const net = require("net")

/** Rejects with a clear message when something already listens on `port`. */
function ensurePortFree(port, what) {
  return new Promise((resolve, reject) => {
    const probe = net.createServer()
    probe.once("error", (error) => {
      reject(
        new Error(
          error.code === "EADDRINUSE"
            ? `Port ${port} (${what}) is already in use. Stop whatever runs there or choose another port (${what === "Medusa server" ? "PORT" : "EMBEDDED_PG_PORT"}=...).`
            : `Port ${port} (${what}) cannot be used: ${error.message}`
        )
      )
    })
    probe.once("listening", () => probe.close(() => resolve()))
    probe.listen(port, "0.0.0.0")
  })
}

module.exports = { ensurePortFree }
