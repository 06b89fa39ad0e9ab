import { ChildProcess, spawn } from "child_process"
import net from "net"
import path from "path"

const ROOT = path.resolve(__dirname, "../..")

export type StartedStore = {
  child: ChildProcess
  output: () => string
  exited: Promise<number | null>
}

/** Asks the OS for a port nobody listens on. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer()
    server.once("error", reject)
    server.listen(0, "127.0.0.1", () => {
      const address = server.address()
      const port = typeof address === "object" && address ? address.port : 0
      server.close(() => resolve(port))
    })
  })
}

/** The environment `npm start` sees on a fresh machine, plus `overrides`. */
export function freshEnv(overrides: Record<string, string>) {
  const env: Record<string, string> = {}
  for (const [key, value] of Object.entries(process.env)) {
    if (
      value !== undefined &&
      !key.startsWith("DB_") &&
      !key.startsWith("JEST")
    ) {
      env[key] = value
    }
  }
  delete env.DATABASE_URL
  delete env.REDIS_URL
  delete env.NODE_ENV
  return { ...env, MEDUSA_DISABLE_TELEMETRY: "true", ...overrides }
}

/** Runs `node scripts/start.js` the way `npm start` does. */
export function startStore(env: Record<string, string>): StartedStore {
  return runScript("scripts/start.js", env)
}

/** Runs one of the project's Node scripts with `env`, capturing its output. */
export function runScript(
  script: string,
  env: Record<string, string>
): StartedStore {
  const child = spawn(process.execPath, [path.join(ROOT, script)], {
    env,
    cwd: ROOT,
    stdio: ["ignore", "pipe", "pipe"],
  })
  let output = ""
  child.stdout?.on("data", (chunk) => (output += chunk.toString()))
  child.stderr?.on("data", (chunk) => (output += chunk.toString()))
  const exited = new Promise<number | null>((resolve) =>
    child.on("exit", (code) => resolve(code))
  )
  return { child, output: () => output, exited }
}

/** Polls `url` until it answers 200 or the store process exits. */
export async function waitForHttp(
  url: string,
  store: StartedStore,
  timeoutMs: number
): Promise<void> {
  const deadline = Date.now() + timeoutMs
  let exited = false
  store.exited.then(() => (exited = true))
  while (Date.now() < deadline && !exited) {
    try {
      const response = await fetch(url)
      if (response.ok) {
        return
      }
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500))
  }
  throw new Error(`${url} never answered 200. Output:\n${store.output()}`)
}
