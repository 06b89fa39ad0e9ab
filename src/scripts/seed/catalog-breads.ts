import { singleOption } from "./catalog-builders"
import type { CatalogProduct, DietaryTag } from "./catalog-types"

const LEAN_BREAD_TAGS: DietaryTag[] = ["vegan", "nut-free", "contains-gluten"]

/** Loaves from the levain, sold singly or by three. */
export const BREADS: CatalogProduct[] = [
  {
    handle: "baguette-tradition",
    title: "Baguette tradition",
    description:
      "Label Rouge flour, 24-hour cold fermentation and a crackling, caramelised crust.",
    categories: ["breads"],
    collection: "atelier-classics",
    tags: LEAN_BREAD_TAGS,
    weight: 250,
    ...singleOption("KLE-BAGUETTE", "Pack", [
      ["Single", 1.5, 2, 250],
      ["Pack of 3", 4.2, 5.5, 750],
    ]),
  },
  {
    handle: "pain-de-campagne",
    title: "Pain de campagne",
    description:
      "Wheat and a touch of rye on a mature levain, with a thick, floured crust.",
    categories: ["breads"],
    collection: "atelier-classics",
    tags: LEAN_BREAD_TAGS,
    weight: 800,
    ...singleOption("KLE-CAMPAGNE", "Pack", [
      ["Single", 6.5, 8, 800],
      ["Pack of 3", 18, 22, 2400],
    ]),
  },
  {
    handle: "pain-de-seigle-aux-noix",
    title: "Pain de seigle aux noix",
    description: "Dense rye loaf studded with Périgord walnuts.",
    categories: ["breads"],
    collection: "atelier-classics",
    tags: ["vegan", "contains-nuts", "contains-gluten"],
    weight: 600,
    ...singleOption("KLE-SEIGLE-NOIX", "Pack", [
      ["Single", 7.5, 9, 600],
      ["Pack of 3", 21, 25, 1800],
    ]),
  },
  {
    handle: "fougasse-aux-olives",
    title: "Fougasse aux olives",
    description:
      "Provençal leaf-shaped bread with Nyons olives, thyme and olive oil.",
    categories: ["breads"],
    collection: "signature",
    tags: LEAN_BREAD_TAGS,
    weight: 350,
    ...singleOption("KLE-FOUGASSE", "Pack", [
      ["Single", 4.9, 6, 350],
      ["Pack of 3", 13.5, 16.5, 1050],
    ]),
  },
  {
    handle: "pain-complet-au-levain",
    title: "Pain complet au levain",
    description:
      "Stone-ground wholemeal flour and a long levain rise for a deep, nutty crumb.",
    categories: ["breads"],
    collection: "breakfast",
    tags: LEAN_BREAD_TAGS,
    weight: 750,
    ...singleOption("KLE-COMPLET", "Pack", [
      ["Single", 6.9, 8.5, 750],
      ["Pack of 3", 19, 23, 2250],
    ]),
  },
  {
    handle: "pain-au-sarrasin-sans-gluten",
    title: "Pain au sarrasin sans gluten",
    description:
      "Buckwheat and rice flour loaf baked in a dedicated gluten-free line.",
    categories: ["breads"],
    collection: "breakfast",
    tags: ["vegan", "gluten-free", "nut-free"],
    weight: 500,
    ...singleOption("KLE-SARRASIN", "Pack", [
      ["Single", 8.5, 10, 500],
      ["Pack of 3", 24, 28, 1500],
    ]),
  },
  {
    handle: "brioche-nanterre",
    title: "Brioche Nanterre",
    description:
      "Pull-apart brioche loaf rich with butter and eggs, glazed before baking.",
    categories: ["breads"],
    collection: "breakfast",
    tags: [
      "vegetarian",
      "nut-free",
      "contains-dairy",
      "contains-eggs",
      "contains-gluten",
    ],
    weight: 450,
    ...singleOption("KLE-BRIOCHE-NANTERRE", "Pack", [
      ["Single", 9.5, 11.5, 450],
      ["Pack of 3", 27, 32, 1350],
    ]),
  },
]
