import type {
  CreateProductDTO,
  ExecArgs,
  MedusaContainer,
} from "@medusajs/framework/types"
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
import { SALES_CHANNEL_NAME } from "./seed/sales-channel"

/** One in this many generated products stays a draft. */
const DRAFT_EVERY = 20

/**
 * Pastry forms of partner bakeries. Near misses of the flagship words on
 * purpose: croquant, croustade, croisillon and croisade sit close to
 * "croissant"; chou and chouquette start like "chocolat".
 */
const FORMS = [
  "Tartelette",
  "Financier",
  "Madeleine",
  "Éclair",
  "Chausson",
  "Sablé",
  "Brioche",
  "Cookie",
  "Cake",
  "Flan",
  "Croquant",
  "Croustade",
  "Croisillon",
  "Croisade",
  "Crostata",
  "Chou",
  "Chouquette",
  "Religieuse",
  "Galette",
  "Palmier",
  "Macaron",
  "Entremets",
  "Pain",
  "Roulé",
]

/**
 * Flavours, with their own near misses: pistou, pisto and pistoles beside
 * pistache; chocolat in several forms.
 */
const FLAVOURS = [
  "chocolat noir",
  "chocolat au lait",
  "chocolat blanc",
  "pistache",
  "pistou",
  "pisto",
  "pistoles",
  "caramel",
  "praliné",
  "framboise",
  "citron",
  "noisette",
  "amande",
  "vanille",
  "café",
  "fraise",
  "abricot",
  "pomme",
  "poire",
  "figue",
  "yuzu",
  "cassis",
  "marron",
  "coco",
  "miel",
  "sésame",
  "griotte",
  "rhubarbe",
]

const BAKERIES = [
  "Maison Durand",
  "Atelier Lefèvre",
  "Fournil Moreau",
  "Boulangerie Girard",
  "Pâtisserie Roux",
  "Maison Fontaine",
  "Atelier Mercier",
  "Fournil Blanchard",
  "Maison Chevalier",
  "Atelier Garnier",
]

const PHRASES = [
  "baked every morning",
  "with a crisp butter crust",
  "on a sablé base",
  "glazed by hand",
  "flaky as a croissant",
  "filled to order",
  "with seasonal fruit",
  "finished with toasted nuts",
  "from a slow-fermented dough",
  "to share after dinner",
]

/** Whether a form and a flavour would make a second pistachio macaron. */
function isPistachioMacaron(form: string, flavour: string) {
  return form === "Macaron" && flavour === "pistache"
}

function productInput(
  i: number,
  random: SeededRandom,
  refs: CatalogueRefs
): CreateProductDTO {
  let form = random.pick(FORMS)
  const flavour = random.pick(FLAVOURS)
  if (isPistachioMacaron(form, flavour)) {
    form = "Financier"
  }
  const bakery = random.pick(BAKERIES)
  const description = `${form} ${flavour} from ${bakery}, ${random.pick(
    PHRASES
  )} and ${random.pick(PHRASES)}.`
  return {
    title: `${form} ${flavour} — ${bakery} n°${i}`,
    handle: `partner-${i}`,
    description,
    status:
      i % DRAFT_EVERY === 0 ? ProductStatus.DRAFT : ProductStatus.PUBLISHED,
    category_ids: [random.pick(refs.categoryIds)],
    collection_id: random.pick(refs.collectionIds),
    tag_ids: refs.tagIds.filter(() => random.next() < 0.25),
    options: [{ title: "Size", values: ["Individual", "To share"] }],
    variants: ["Individual", "To share"].map((size, v) => ({
      title: size,
      sku: `PARTNER-${i}-${v + 1}`,
      options: { Size: size },
      manage_inventory: false,
    })),
  }
}

/**
 * Creates `count` partner-bakery products on top of the seeded store through
 * direct module calls (products, price sets, links), 500 at a time and
 * without product events: the caller indexes them with one rebuild. Returns
 * the ids created.
 */
export async function createPartnerCatalogue(
  container: MedusaContainer,
  count: number,
  seed = 20261126
): Promise<string[]> {
  const [salesChannel] = await container
    .resolve(Modules.SALES_CHANNEL)
    .listSalesChannels({ name: SALES_CHANNEL_NAME }, { take: 1 })
  const refs = await catalogueRefs(container)
  const random = seededRandom(seed)
  const created = await createPricedProducts(container, {
    count,
    salesChannelId: salesChannel.id,
    product: (index) => productInput(index + 1, random, refs),
    eurPrice: () => 2 + Math.round(random.next() * 6000) / 100,
  })
  const ids = created.map((product) => product.id)
  return ids
}

/**
 * `medusa exec ./src/scripts/search-catalogue.ts 2000`: adds partner-bakery
 * products to the seeded store and rebuilds the product index once.
 */
export default async function searchCatalogue({ container, args }: ExecArgs) {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const count = Number(args[0] ?? 2000)
  const started = Date.now()
  await createPartnerCatalogue(container, count)
  logger.info(
    `search catalogue: ${count} products in ${Math.round((Date.now() - started) / 1000)} s; rebuilding the index`
  )
  await container
    .resolve(Modules.SEARCH)
    .reindex({ index: "product", strategy: "swap" })
}
