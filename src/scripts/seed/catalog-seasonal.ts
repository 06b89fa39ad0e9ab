import { singleOption } from "./catalog-builders"
import type { CatalogProduct } from "./catalog-types"

/** Creations for Christmas, Epiphany and Easter. */
export const SEASONAL: CatalogProduct[] = [
  {
    handle: "buche-de-noel-praline",
    title: "Bûche de Noël praliné",
    description:
      "Milk chocolate mousse, hazelnut praline crunch and a log-shaped dark chocolate shell.",
    categories: ["seasonal"],
    collection: "holiday-2026",
    tags: [
      "vegetarian",
      "contains-nuts",
      "contains-dairy",
      "contains-eggs",
      "contains-gluten",
    ],
    weight: 900,
    ...singleOption("KLE-BUCHE-PRALINE", "Size", [
      ["6 servings", 52, 61, 900],
      ["8 servings", 68, 79, 1200],
      ["10 servings", 84, 98, 1500],
    ]),
  },
  {
    handle: "buche-de-noel-marron-cassis",
    title: "Bûche de Noël marron-cassis",
    description:
      "Chestnut cream, blackcurrant compote and almond dacquoise under a frosted glaze.",
    categories: ["seasonal"],
    collection: "holiday-2026",
    tags: [
      "vegetarian",
      "contains-nuts",
      "contains-dairy",
      "contains-eggs",
      "contains-gluten",
    ],
    weight: 900,
    ...singleOption("KLE-BUCHE-MARRON", "Size", [
      ["6 servings", 54, 63, 900],
      ["8 servings", 70, 82, 1200],
      ["10 servings", 86, 100, 1500],
    ]),
  },
  {
    handle: "buche-glacee-vanille-framboise",
    title: "Bûche glacée vanille-framboise",
    description:
      "Vanilla ice cream, raspberry sorbet and meringue shards, delivered frozen.",
    categories: ["seasonal"],
    collection: "holiday-2026",
    tags: [
      "vegetarian",
      "gluten-free",
      "nut-free",
      "contains-dairy",
      "contains-eggs",
    ],
    weight: 800,
    ...singleOption("KLE-BUCHE-GLACEE", "Size", [
      ["6 servings", 48, 56, 800],
      ["8 servings", 62, 72, 1050],
    ]),
  },
  {
    handle: "galette-des-rois",
    title: "Galette des Rois",
    description:
      "Puff pastry with almond frangipane, a porcelain fève and a gold paper crown.",
    categories: ["seasonal"],
    collection: "holiday-2026",
    tags: [
      "vegetarian",
      "contains-nuts",
      "contains-dairy",
      "contains-eggs",
      "contains-gluten",
    ],
    weight: 500,
    ...singleOption("KLE-GALETTE-ROIS", "Size", [
      ["4 servings", 26, 30, 500],
      ["6 servings", 36, 42, 750],
      ["8 servings", 46, 54, 1000],
    ]),
  },
  {
    handle: "brioche-des-rois",
    title: "Brioche des Rois",
    description:
      "Provençal crown of orange-blossom brioche with candied fruit and pearl sugar.",
    categories: ["seasonal"],
    collection: "holiday-2026",
    tags: [
      "vegetarian",
      "nut-free",
      "contains-dairy",
      "contains-eggs",
      "contains-gluten",
    ],
    weight: 600,
    ...singleOption("KLE-BRIOCHE-ROIS", "Size", [
      ["4 servings", 22, 26, 600],
      ["8 servings", 38, 45, 1100],
    ]),
  },
  {
    handle: "pain-depices-au-miel",
    title: "Pain d'épices au miel",
    description:
      "Honey and rye spice loaf in the Dijon tradition, aged a week before slicing.",
    categories: ["seasonal"],
    collection: "holiday-2026",
    tags: ["vegetarian", "nut-free", "contains-eggs", "contains-gluten"],
    weight: 400,
    ...singleOption("KLE-PAIN-EPICES", "Size", [
      ["400 g", 14, 17, 400],
      ["800 g", 25, 30, 800],
    ]),
  },
  {
    handle: "oeuf-de-paques-praline",
    title: "Œuf de Pâques praliné",
    description:
      "Dark chocolate egg filled with praline-coated almonds and small fritures.",
    categories: ["seasonal"],
    collection: "signature",
    tags: ["vegetarian", "gluten-free", "contains-nuts", "contains-dairy"],
    weight: 250,
    ...singleOption("KLE-OEUF-PAQUES", "Size", [
      ["Small", 28, 33, 250],
      ["Large", 48, 56, 500],
    ]),
  },
]
