#!/usr/bin/env node
/**
 * A Prisma generator that writes the schema's DMMF as JSON to its `output`.
 * `prisma generate` computes the DMMF without the schema engine, so this is how
 * tests read Prisma's own view of `prisma/schema.prisma` on machines where the
 * engine cannot be downloaded.
 */
const fs = require("fs")
const path = require("path")

function reply(id, result) {
  // Generators answer on stderr; stdout is left to the generator's own logs.
  process.stderr.write(JSON.stringify({ jsonrpc: "2.0", id, result }) + "\n")
}

function handle(request) {
  if (request.method === "getManifest") {
    reply(request.id, {
      manifest: { prettyName: "DMMF JSON", defaultOutput: "dmmf.json" },
    })
    return
  }
  if (request.method === "generate") {
    const output = request.params.generator.output.value
    fs.mkdirSync(path.dirname(output), { recursive: true })
    fs.writeFileSync(output, JSON.stringify(request.params.dmmf))
    reply(request.id, null)
  }
}

let buffered = ""
process.stdin.setEncoding("utf8")
process.stdin.on("data", (chunk) => {
  buffered += chunk
  let newline = buffered.indexOf("\n")
  while (newline !== -1) {
    const line = buffered.slice(0, newline)
    buffered = buffered.slice(newline + 1)
    if (line.trim()) {
      handle(JSON.parse(line))
    }
    newline = buffered.indexOf("\n")
  }
})
