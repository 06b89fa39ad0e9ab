import { singleOption } from "./catalog-builders"
import type { CatalogProduct, DietaryTag } from "./catalog-types"

const BUTTER_DOUGH_TAGS: DietaryTag[] = [
  "vegetarian",
  "nut-free",
  "contains-dairy",
  "contains-eggs",
  "contains-gluten",
]

/** Morning pastries, sold singly or by the box of six. */
export const VIENNOISERIE: CatalogProduct[] = [
  {
    handle: "croissant-au-beurre",
    title: "Croissant au beurre",
    description:
      "Laminated over three days with Charentes-Poitou AOP butter for a honeycomb crumb.",
    categories: ["viennoiserie"],
    collection: "breakfast",
    tags: BUTTER_DOUGH_TAGS,
    weight: 70,
    ...singleOption("KLE-CROISSANT", "Pack", [
      ["Single", 1.9, 2.4, 70],
      ["Box of 6", 10.8, 13.5, 420],
    ]),
  },
  {
    handle: "pain-au-chocolat",
    title: "Pain au chocolat",
    description:
      "Croissant dough wrapped around two batons of 64% Madagascan dark chocolate.",
    categories: ["viennoiserie"],
    collection: "breakfast",
    tags: BUTTER_DOUGH_TAGS,
    weight: 80,
    ...singleOption("KLE-PAIN-CHOCOLAT", "Pack", [
      ["Single", 2.1, 2.6, 80],
      ["Box of 6", 12, 15, 480],
    ]),
  },
  {
    handle: "kouign-amann",
    title: "Kouign-amann",
    description:
      "Breton layers of butter and sugar baked until the edges turn to caramel.",
    categories: ["viennoiserie"],
    collection: "signature",
    tags: BUTTER_DOUGH_TAGS,
    weight: 110,
    ...singleOption("KLE-KOUIGN-AMANN", "Pack", [
      ["Single", 3.8, 4.5, 110],
      ["Box of 6", 21, 25, 660],
    ]),
  },
  {
    handle: "pain-aux-raisins",
    title: "Pain aux raisins",
    description:
      "Spiral of croissant dough, vanilla custard and rum-soaked golden raisins.",
    categories: ["viennoiserie"],
    collection: "breakfast",
    tags: BUTTER_DOUGH_TAGS,
    weight: 110,
    ...singleOption("KLE-PAIN-RAISINS", "Pack", [
      ["Single", 2.4, 2.9, 110],
      ["Box of 6", 13.5, 16.5, 660],
    ]),
  },
  {
    handle: "chausson-aux-pommes",
    title: "Chausson aux pommes",
    description:
      "Puff pastry turnover filled with a chunky Normandy apple compote.",
    categories: ["viennoiserie"],
    collection: "breakfast",
    tags: BUTTER_DOUGH_TAGS,
    weight: 120,
    ...singleOption("KLE-CHAUSSON-POMMES", "Pack", [
      ["Single", 2.6, 3.1, 120],
      ["Box of 6", 14.5, 17.5, 720],
    ]),
  },
  {
    handle: "croissant-aux-amandes",
    title: "Croissant aux amandes",
    description:
      "Twice-baked croissant soaked in syrup, filled with frangipane and flaked almonds.",
    categories: ["viennoiserie"],
    collection: "breakfast",
    tags: [
      "vegetarian",
      "contains-nuts",
      "contains-dairy",
      "contains-eggs",
      "contains-gluten",
    ],
    weight: 120,
    ...singleOption("KLE-CROISSANT-AMANDES", "Pack", [
      ["Single", 3.2, 3.8, 120],
      ["Box of 6", 18, 21.5, 720],
    ]),
  },
]
