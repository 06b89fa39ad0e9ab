import type { CreateProductDTO, ExecArgs } from "@medusajs/framework/types"
import {
  ContainerRegistrationKeys,
  Modules,
  ProductStatus,
} from "@medusajs/framework/utils"

/** Products created per module call. */
const BATCH_SIZE = 500

const FLAVOURS = [
  "croissant",
  "brioche",
  "chocolat",
  "pistache",
  "framboise",
  "amande",
  "noisette",
  "vanille",
  "caramel",
  "citron",
  "praline",
  "ganache",
  "macaron",
  "tarte",
  "gateau",
  "levain",
  "beurre",
  "fraise",
  "cerise",
  "abricot",
  "pomme",
  "poire",
  "mangue",
  "coco",
  "cafe",
  "miel",
  "sesame",
  "seigle",
  "sarrasin",
  "yuzu",
  "cassis",
  "marron",
  "orange",
  "rhubarbe",
  "myrtille",
]

const FORMS = [
  "tartelette",
  "entremets",
  "financier",
  "madeleine",
  "sable",
  "eclair",
  "chausson",
  "cookie",
  "cake",
  "loaf",
  "bun",
  "roll",
  "pastry",
  "bread",
]

const SYLLABLES = [
  "ba",
  "ke",
  "lo",
  "mi",
  "nu",
  "ra",
  "so",
  "ti",
  "va",
  "ze",
  "cor",
  "del",
  "fan",
  "gri",
  "hol",
  "jas",
  "kin",
  "lun",
  "mor",
  "nel",
  "pra",
  "qui",
  "ros",
  "sel",
  "tor",
  "ulm",
  "ver",
  "wil",
  "xan",
  "yor",
]

/** A small deterministic generator, so every run builds the same catalog. */
function generator(seed: number) {
  let state = seed
  const next = () => {
    state = (state + 0x6d2b79f5) | 0
    let t = Math.imul(state ^ (state >>> 15), 1 | state)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  const pick = <T>(values: T[]) => values[Math.floor(next() * values.length)]
  return { next, pick }
}

/** About 3,000 made-up words standing in for names, places and brands. */
function madeUpWords(random: ReturnType<typeof generator>) {
  const words = new Set<string>()
  while (words.size < 3000) {
    const length = 2 + Math.floor(random.next() * 2)
    words.add(Array.from({ length }, () => random.pick(SYLLABLES)).join(""))
  }
  return [...words]
}

function productInput(
  i: number,
  random: ReturnType<typeof generator>,
  words: string[],
  refs: { categoryIds: string[]; collectionIds: string[]; tagIds: string[] }
): CreateProductDTO {
  const flavour = random.pick(FLAVOURS)
  const title = `${random.pick(FORMS)} ${flavour} ${random.pick(words)} ${i}`
  const description = Array.from({ length: 14 }, () =>
    random.next() < 0.4 ? random.pick(FLAVOURS) : random.pick(words)
  ).join(" ")
  const tags = refs.tagIds.filter(() => random.next() < 0.3)
  return {
    title: title[0].toUpperCase() + title.slice(1),
    handle: `bench-${i}`,
    description,
    status: ProductStatus.PUBLISHED,
    category_ids: [random.pick(refs.categoryIds)],
    collection_id: random.pick(refs.collectionIds),
    tag_ids: tags,
    options: [{ title: "Size", values: ["Small", "Large"] }],
    variants: ["Small", "Large"].map((size) => ({
      title: size,
      sku: `BENCH-${i}-${size.toUpperCase()}`,
      options: { Size: size },
      manage_inventory: false,
    })),
  }
}

/**
 * Adds a large generated catalog for the search benchmark (10,000 products
 * by default, `medusa exec ./src/scripts/search-bench-catalog.ts 10000`)
 * through direct module calls, then rebuilds the product search index once.
 * Needs the seeded store (categories, collections, tags, sales channel).
 */
export default async function searchBenchCatalog({
  container,
  args,
}: ExecArgs) {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const count = Number(args[0] ?? 10_000)
  const products = container.resolve(Modules.PRODUCT)
  const pricing = container.resolve(Modules.PRICING)
  const link = container.resolve(ContainerRegistrationKeys.LINK)
  const [salesChannel] = await container
    .resolve(Modules.SALES_CHANNEL)
    .listSalesChannels({}, { take: 1 })
  const refs = {
    categoryIds: (await products.listProductCategories({})).map((c) => c.id),
    collectionIds: (await products.listProductCollections({})).map((c) => c.id),
    tagIds: (await products.listProductTags({})).map((t) => t.id),
  }
  const random = generator(20261125)
  const words = madeUpWords(random)
  const started = Date.now()

  for (let start = 0; start < count; start += BATCH_SIZE) {
    const size = Math.min(BATCH_SIZE, count - start)
    const created = await products.createProducts(
      Array.from({ length: size }, (_, i) =>
        productInput(start + i, random, words, refs)
      )
    )
    const variants = created.flatMap((product) => product.variants ?? [])
    const priceSets = await pricing.createPriceSets(
      variants.map(() => {
        const eur = 3 + Math.round(random.next() * 9000) / 100
        return {
          prices: [
            { amount: eur, currency_code: "eur" },
            { amount: Math.round(eur * 118) / 100, currency_code: "usd" },
          ],
        }
      })
    )
    await link.create([
      ...variants.map((variant, i) => ({
        [Modules.PRODUCT]: { variant_id: variant.id },
        [Modules.PRICING]: { price_set_id: priceSets[i].id },
      })),
      ...created.map((product) => ({
        [Modules.PRODUCT]: { product_id: product.id },
        [Modules.SALES_CHANNEL]: { sales_channel_id: salesChannel.id },
      })),
    ])
    logger.info(`search bench catalog: ${start + size} / ${count} products`)
  }
  logger.info(
    `search bench catalog: ${count} products in ${Math.round((Date.now() - started) / 1000)} s; rebuilding the index`
  )
  const rebuildStarted = Date.now()
  await container.resolve(Modules.SEARCH).reindex({ index: "product" })
  logger.info(
    `search bench catalog: index rebuilt in ${Math.round((Date.now() - rebuildStarted) / 1000)} s`
  )
}
