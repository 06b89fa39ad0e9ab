import { singleOption, twoOptions, type PriceRow } from "./catalog-builders"
import type { CatalogProduct, DietaryTag } from "./catalog-types"

const MACARON_TAGS: DietaryTag[] = [
  "vegetarian",
  "gluten-free",
  "contains-nuts",
  "contains-dairy",
  "contains-eggs",
]

const BOXES: PriceRow[] = [
  ["Box of 6", 15, 18, 90],
  ["Box of 12", 28, 33, 180],
]

/** Macarons, sold in boxes of one flavour or as a seasonal assortment. */
export const MACARONS: CatalogProduct[] = [
  {
    handle: "macaron-pistache",
    title: "Macaron pistache",
    description:
      "Sicilian pistachio ganache with a pinch of Guérande fleur de sel.",
    categories: ["macarons", "macaron-classics"],
    collection: "atelier-classics",
    tags: MACARON_TAGS,
    weight: 90,
    ...singleOption("KLE-MAC-PISTACHE", "Box", BOXES),
  },
  {
    handle: "macaron-framboise",
    title: "Macaron framboise",
    description: "Tangy raspberry jam folded into a white chocolate ganache.",
    categories: ["macarons", "macaron-classics"],
    collection: "atelier-classics",
    tags: MACARON_TAGS,
    weight: 90,
    ...singleOption("KLE-MAC-FRAMBOISE", "Box", BOXES),
  },
  {
    handle: "macaron-chocolat-grand-cru",
    title: "Macaron chocolat grand cru",
    description: "Single-origin Peruvian dark chocolate ganache, 72% cacao.",
    categories: ["macarons", "macaron-classics"],
    collection: "atelier-classics",
    tags: MACARON_TAGS,
    weight: 90,
    ...singleOption("KLE-MAC-CHOCOLAT", "Box", BOXES),
  },
  {
    handle: "macaron-caramel-beurre-sale",
    title: "Macaron caramel au beurre salé",
    description: "Salted butter caramel cooked to a deep amber in the atelier.",
    categories: ["macarons", "macaron-classics"],
    collection: "atelier-classics",
    tags: MACARON_TAGS,
    weight: 90,
    ...singleOption("KLE-MAC-CARAMEL", "Box", BOXES),
  },
  {
    handle: "macaron-vanille",
    title: "Macaron vanille de Madagascar",
    description: "White chocolate ganache infused with Bourbon vanilla pods.",
    categories: ["macarons", "macaron-classics"],
    collection: "atelier-classics",
    tags: MACARON_TAGS,
    weight: 90,
    ...singleOption("KLE-MAC-VANILLE", "Box", BOXES),
  },
  {
    handle: "macaron-rose-litchi-framboise",
    title: "Macaron rose, litchi et framboise",
    description:
      "Rose petal ganache with a litchi and raspberry heart, the atelier's signature shell.",
    categories: ["macarons"],
    collection: "signature",
    tags: MACARON_TAGS,
    weight: 90,
    ...singleOption("KLE-MAC-ROSE-LITCHI", "Box", BOXES),
  },
  {
    handle: "macarons-parfums-de-saison",
    title: "Macarons parfums de saison",
    description:
      "Limited flavours that change with the market: yuzu, blackcurrant-violet and candied chestnut.",
    categories: ["macarons"],
    collection: "signature",
    tags: MACARON_TAGS,
    weight: 90,
    ...twoOptions(
      "KLE-MAC-SAISON",
      { title: "Flavour", values: ["Yuzu", "Cassis-violette", "Marron glacé"] },
      { title: "Box", values: ["Box of 6", "Box of 12"] },
      (_flavour, box) =>
        box === "Box of 6" ? { eur: 16, usd: 19 } : { eur: 30, usd: 35 }
    ),
  },
]
