const { spawn, execFileSync } = require("child_process")
const fs = require("fs")
const path = require("path")
const { runMedusa } = require("../../scripts/lib/medusa-cli")

const ROOT = path.resolve(__dirname, "../..")
const BUILD_DIR = path.join(ROOT, ".medusa", "server")

/** Builds the production server (API and admin) into .medusa/server. */
async function buildServer(env) {
  await runMedusa(["build"], { cwd: ROOT, env })
  const modules = path.join(BUILD_DIR, "node_modules")
  if (!fs.existsSync(modules)) {
    // The build has its own package.json but no dependencies installed.
    fs.symlinkSync(path.join(ROOT, "node_modules"), modules, "dir")
  }
}

/** Creates a throw-away database on the PostgreSQL server of `adminUrl`. */
function createDatabase(adminUrl, name) {
  execFileSync("psql", [adminUrl, "-qc", `CREATE DATABASE "${name}"`])
  return adminUrl.replace(/\/[^/]*$/, `/${name}`)
}

function dropDatabase(adminUrl, name) {
  execFileSync("psql", [
    adminUrl,
    "-qc",
    `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`,
  ])
}

/** Starts `medusa start` from the build and resolves once /health answers. */
async function startServer(env, port) {
  const child = spawn(
    process.execPath,
    [require.resolve("@medusajs/cli/cli.js"), "start", "--port", String(port)],
    {
      cwd: BUILD_DIR,
      env: { ...env, NODE_ENV: "production" },
      stdio: ["ignore", "pipe", "pipe"],
    }
  )
  let output = ""
  child.stdout.on("data", (chunk) => (output = (output + chunk).slice(-5000)))
  child.stderr.on("data", (chunk) => (output = (output + chunk).slice(-5000)))
  const deadline = Date.now() + 120000
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new Error(`The server exited while starting:\n${output}`)
    }
    try {
      if ((await fetch(`http://localhost:${port}/health`)).ok) {
        return child
      }
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500))
  }
  child.kill("SIGKILL")
  throw new Error(`The server did not answer /health within 120 s:\n${output}`)
}

module.exports = {
  buildServer,
  createDatabase,
  dropDatabase,
  startServer,
  ROOT,
}
