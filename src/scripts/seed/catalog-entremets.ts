import { singleOption } from "./catalog-builders"
import type { CatalogProduct } from "./catalog-types"

/** Pastries and tarts to share, sold by the number of servings. */
export const ENTREMETS: CatalogProduct[] = [
  {
    handle: "paris-brest",
    title: "Paris-Brest",
    description:
      "Crisp choux ring filled with hazelnut praline mousseline around a liquid praline heart.",
    categories: ["entremets"],
    collection: "atelier-classics",
    tags: [
      "vegetarian",
      "contains-nuts",
      "contains-dairy",
      "contains-eggs",
      "contains-gluten",
    ],
    weight: 450,
    ...singleOption("KLE-PARIS-BREST", "Size", [
      ["4 servings", 29, 34, 450],
      ["6 servings", 42, 49, 650],
      ["8 servings", 55, 64, 850],
    ]),
  },
  {
    handle: "tarte-au-citron-meringuee",
    title: "Tarte au citron meringuée",
    description:
      "Menton lemon cream in a sablé shell under a torched Italian meringue.",
    categories: ["entremets"],
    collection: "atelier-classics",
    tags: [
      "vegetarian",
      "nut-free",
      "contains-dairy",
      "contains-eggs",
      "contains-gluten",
    ],
    weight: 500,
    ...singleOption("KLE-TARTE-CITRON", "Size", [
      ["4 servings", 26, 30, 500],
      ["6 servings", 36, 42, 720],
      ["8 servings", 46, 54, 950],
    ]),
  },
  {
    handle: "tarte-tatin",
    title: "Tarte Tatin",
    description:
      "Slow-caramelised Reinette apples on a crisp shortcrust, served with crème fraîche d'Isigny.",
    categories: ["entremets"],
    collection: "atelier-classics",
    tags: [
      "vegetarian",
      "nut-free",
      "contains-dairy",
      "contains-eggs",
      "contains-gluten",
    ],
    weight: 600,
    ...singleOption("KLE-TARTE-TATIN", "Size", [
      ["4 servings", 24, 28, 600],
      ["6 servings", 34, 40, 850],
      ["8 servings", 44, 51, 1100],
    ]),
  },
  {
    handle: "mille-feuille",
    title: "Mille-feuille vanille",
    description:
      "Caramelised inverted puff pastry layered with Tahitian vanilla diplomat cream.",
    categories: ["entremets"],
    collection: "signature",
    tags: [
      "vegetarian",
      "nut-free",
      "contains-dairy",
      "contains-eggs",
      "contains-gluten",
    ],
    weight: 550,
    ...singleOption("KLE-MILLE-FEUILLE", "Size", [
      ["4 servings", 28, 33, 550],
      ["6 servings", 40, 47, 800],
      ["8 servings", 52, 60, 1050],
    ]),
  },
  {
    handle: "foret-noire",
    title: "Forêt-Noire",
    description:
      "Chocolate sponge, kirsch-steeped morello cherries, whipped cream and dark chocolate shavings.",
    categories: ["entremets"],
    collection: "atelier-classics",
    tags: [
      "vegetarian",
      "nut-free",
      "contains-dairy",
      "contains-eggs",
      "contains-gluten",
    ],
    weight: 650,
    ...singleOption("KLE-FORET-NOIRE", "Size", [
      ["4 servings", 27, 32, 650],
      ["6 servings", 38, 45, 900],
      ["8 servings", 49, 57, 1150],
    ]),
  },
  {
    handle: "entremets-mangue-coco",
    title: "Entremets mangue-coco",
    description:
      "Coconut mousse, mango-passion insert and a buckwheat crumble, made without animal products or gluten.",
    categories: ["entremets"],
    collection: "signature",
    tags: ["vegan", "gluten-free", "nut-free"],
    weight: 500,
    ...singleOption("KLE-MANGUE-COCO", "Size", [
      ["4 servings", 30, 35, 500],
      ["6 servings", 43, 50, 720],
      ["8 servings", 56, 65, 950],
    ]),
  },
  {
    handle: "tarte-aux-framboises",
    title: "Tarte aux framboises",
    description:
      "Almond cream baked in a sablé breton, covered with fresh raspberries and a touch of rose.",
    categories: ["entremets"],
    collection: "atelier-classics",
    tags: [
      "vegetarian",
      "contains-nuts",
      "contains-dairy",
      "contains-eggs",
      "contains-gluten",
    ],
    weight: 520,
    ...singleOption("KLE-TARTE-FRAMBOISES", "Size", [
      ["4 servings", 27, 32, 520],
      ["6 servings", 38, 45, 760],
      ["8 servings", 49, 57, 1000],
    ]),
  },
]
