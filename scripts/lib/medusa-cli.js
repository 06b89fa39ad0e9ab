const { spawn } = require("child_process")
const path = require("path")

const MEDUSA_CLI = require.resolve("@medusajs/cli/cli.js")

/** Runs one `medusa` command to completion; rejects with its last output lines. */
function runMedusa(args, { cwd, env, quiet = true }) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [MEDUSA_CLI, ...args], {
      cwd,
      env,
      stdio: quiet ? ["ignore", "pipe", "pipe"] : "inherit",
    })
    let output = ""
    const keep = (chunk) => {
      output = (output + chunk.toString()).slice(-8000)
    }
    child.stdout?.on("data", keep)
    child.stderr?.on("data", keep)
    child.on("error", reject)
    child.on("exit", (code) => {
      if (code === 0) {
        return resolve(output)
      }
      const tail = output.trim().split("\n").slice(-15).join("\n")
      reject(
        new Error(`"medusa ${args.join(" ")}" failed (exit ${code}):\n${tail}`)
      )
    })
  })
}

/** Starts the long-running server and returns its child process. */
function spawnMedusaServer(args, { cwd, env }) {
  return spawn(process.execPath, [MEDUSA_CLI, ...args], {
    cwd,
    env,
    stdio: "inherit",
  })
}

module.exports = {
  runMedusa,
  spawnMedusaServer,
  PROJECT_ROOT: path.resolve(__dirname, "..", ".."),
}
