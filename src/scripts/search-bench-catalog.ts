import type { CreateProductDTO, ExecArgs } from "@medusajs/framework/types"
import {
  ContainerRegistrationKeys,
  Modules,
  ProductStatus,
} from "@medusajs/framework/utils"
import {
  catalogueRefs,
  createPricedProducts,
  type CatalogueRefs,
} from "./generated-catalog/create-priced-products"
import {
  seededRandom,
  type SeededRandom,
} from "./generated-catalog/seeded-random"

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

/** About 3,000 made-up words standing in for names, places and brands. */
function madeUpWords(random: SeededRandom) {
  const words = new Set<string>()
  while (words.size < 3000) {
    const length = 2 + Math.floor(random.next() * 2)
    words.add(Array.from({ length }, () => random.pick(SYLLABLES)).join(""))
  }
  return [...words]
}

function productInput(
  i: number,
  random: SeededRandom,
  words: string[],
  refs: CatalogueRefs
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
  const [salesChannel] = await container
    .resolve(Modules.SALES_CHANNEL)
    .listSalesChannels({}, { take: 1 })
  const refs = await catalogueRefs(container)
  const random = seededRandom(20261125)
  const words = madeUpWords(random)
  const started = Date.now()

  await createPricedProducts(container, {
    count,
    salesChannelId: salesChannel.id,
    product: (index) => productInput(index, random, words, refs),
    eurPrice: () => 3 + Math.round(random.next() * 9000) / 100,
    onBatch: (created) =>
      logger.info(`search bench catalog: ${created} / ${count} products`),
  })
  logger.info(
    `search bench catalog: ${count} products in ${Math.round((Date.now() - started) / 1000)} s; rebuilding the index`
  )
  const rebuildStarted = Date.now()
  await container.resolve(Modules.SEARCH).reindex({ index: "product" })
  logger.info(
    `search bench catalog: index rebuilt in ${Math.round((Date.now() - rebuildStarted) / 1000)} s`
  )
}
