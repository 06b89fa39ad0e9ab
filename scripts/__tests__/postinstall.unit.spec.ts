import { execFile } from "child_process"
import fs from "fs"
import os from "os"
import path from "path"
import { promisify } from "util"

const run = promisify(execFile)
const PROJECT_ROOT = path.resolve(__dirname, "..", "..")

jest.setTimeout(60 * 1000)

describe("npm postinstall", () => {
  let dir: string

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "klelite-postinstall-"))
    fs.copyFileSync(
      path.join(PROJECT_ROOT, "package.json"),
      path.join(dir, "package.json")
    )
    fs.symlinkSync(
      path.join(PROJECT_ROOT, "node_modules"),
      path.join(dir, "node_modules")
    )
  })

  afterEach(() => {
    fs.rmSync(dir, { recursive: true, force: true })
  })

  // `medusa build` copies package.json into .medusa/server with the Prisma
  // client already compiled and no prisma/ folder; installing there must work.
  it("succeeds without a Prisma schema, as in the built server", async () => {
    await expect(
      run("npm", ["run", "postinstall"], { cwd: dir })
    ).resolves.toBeDefined()
  })

  it("generates the Prisma client next to the schema", async () => {
    fs.cpSync(path.join(PROJECT_ROOT, "prisma"), path.join(dir, "prisma"), {
      recursive: true,
    })
    fs.copyFileSync(
      path.join(PROJECT_ROOT, "prisma.config.ts"),
      path.join(dir, "prisma.config.ts")
    )

    await run("npm", ["run", "postinstall"], { cwd: dir })

    expect(
      fs.existsSync(
        path.join(
          dir,
          "src/modules/legacy-migration/generated/prisma/client.ts"
        )
      )
    ).toBe(true)
  })
})
