/** Lets the legacy-migration scripts load the TypeScript under src/ (swc, no type check). */
require("ts-node").register({
  transpileOnly: true,
  swc: true,
  project: require("path").join(__dirname, "..", "..", "tsconfig.json"),
})
