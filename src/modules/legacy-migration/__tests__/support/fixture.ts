import { mkdtemp } from "fs/promises"
import { tmpdir } from "os"
import { join } from "path"
import type { FixtureCounts } from "../../fixture/context"
import { generateFixture } from "../../fixture/generate"
import type { FixtureManifest } from "../../fixture/manifest"

/** A small store in which every planted problem shows up. */
export const SMALL_STORE: FixtureCounts = {
  users: 300,
  products: 60,
  orders: 900,
  reviews: 300,
  loyaltytransactions: 500,
  flashsales: 30,
}

/** Generates a store into a new temp folder: the dump root and its manifest. */
export async function generateStore(
  prefix: string,
  counts: FixtureCounts = SMALL_STORE,
  seed = 11
): Promise<{ dir: string; manifest: FixtureManifest }> {
  const dir = await mkdtemp(join(tmpdir(), `klelite-${prefix}-`))
  const manifest = await generateFixture({
    outDir: dir,
    seed,
    counts,
    problemScale: 4,
  })
  return { dir, manifest }
}
