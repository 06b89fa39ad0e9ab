import { singleOption } from "./catalog-builders"
import type { CatalogProduct } from "./catalog-types"

/** Gift boxes, sold by size. */
export const GIFT_BOXES: CatalogProduct[] = [
  {
    handle: "coffret-macarons",
    title: "Coffret macarons",
    description:
      "The atelier's classic flavours arranged in a lacquered keepsake box.",
    categories: ["gift-boxes"],
    collection: "signature",
    tags: [
      "vegetarian",
      "gluten-free",
      "contains-nuts",
      "contains-dairy",
      "contains-eggs",
    ],
    weight: 200,
    ...singleOption("KLE-COFFRET-MACARONS", "Size", [
      ["12 macarons", 32, 38, 200],
      ["24 macarons", 60, 70, 390],
      ["36 macarons", 86, 100, 580],
    ]),
  },
  {
    handle: "coffret-petit-dejeuner",
    title: "Coffret petit-déjeuner",
    description:
      "Croissants, pains au chocolat, apricot jam and a jar of hazelnut spread, ready for a slow Sunday.",
    categories: ["gift-boxes"],
    collection: "breakfast",
    tags: [
      "vegetarian",
      "contains-nuts",
      "contains-dairy",
      "contains-eggs",
      "contains-gluten",
    ],
    weight: 900,
    ...singleOption("KLE-COFFRET-PETIT-DEJ", "Size", [
      ["For 2", 34, 40, 900],
      ["For 4", 58, 68, 1600],
    ]),
  },
  {
    handle: "coffret-pralines",
    title: "Coffret pralinés et ganaches",
    description:
      "Hand-dipped pralines and ganaches, from almond-hazelnut praline to Earl Grey.",
    categories: ["gift-boxes"],
    collection: "signature",
    tags: ["vegetarian", "gluten-free", "contains-nuts", "contains-dairy"],
    weight: 180,
    ...singleOption("KLE-COFFRET-PRALINES", "Size", [
      ["16 pieces", 29, 34, 180],
      ["32 pieces", 54, 63, 350],
    ]),
  },
  {
    handle: "coffret-the-et-mignardises",
    title: "Coffret thé et mignardises",
    description:
      "Brown butter financiers, honey madeleines and sablés with a tin of bergamot black tea.",
    categories: ["gift-boxes"],
    collection: "atelier-classics",
    tags: [
      "vegetarian",
      "contains-nuts",
      "contains-dairy",
      "contains-eggs",
      "contains-gluten",
    ],
    weight: 450,
    ...singleOption("KLE-COFFRET-THE", "Size", [
      ["Small", 38, 45, 450],
      ["Large", 65, 76, 800],
    ]),
  },
  {
    handle: "coffret-sables-bretons",
    title: "Coffret sablés bretons",
    description:
      "Thick salted-butter shortbread rounds in a tin printed with the atelier's façade.",
    categories: ["gift-boxes"],
    collection: "atelier-classics",
    tags: [
      "vegetarian",
      "nut-free",
      "contains-dairy",
      "contains-eggs",
      "contains-gluten",
    ],
    weight: 250,
    ...singleOption("KLE-COFFRET-SABLES", "Size", [
      ["250 g", 16, 19, 250],
      ["500 g", 29, 34, 500],
    ]),
  },
  {
    handle: "coffret-decouverte-vegan",
    title: "Coffret découverte vegan",
    description:
      "Aquafaba macarons, fruit pâtes de fruits and candied citrus peel, free from animal products and gluten.",
    categories: ["gift-boxes"],
    collection: "signature",
    tags: ["vegan", "gluten-free", "contains-nuts"],
    weight: 300,
    ...singleOption("KLE-COFFRET-VEGAN", "Size", [
      ["Small", 30, 35, 300],
      ["Large", 52, 61, 560],
    ]),
  },
]
