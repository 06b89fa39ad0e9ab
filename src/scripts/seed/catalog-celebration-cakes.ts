import { singleOption } from "./catalog-builders"
import type { CatalogProduct } from "./catalog-types"

/** Whole cakes for celebrations, sold by the number of servings. */
export const CELEBRATION_CAKES: CatalogProduct[] = [
  {
    handle: "fraisier",
    title: "Fraisier",
    description:
      "Kirsch-soaked genoise, vanilla mousseline and Gariguette strawberries under a thin almond paste veil.",
    categories: ["celebration-cakes"],
    collection: "signature",
    tags: [
      "vegetarian",
      "contains-nuts",
      "contains-dairy",
      "contains-eggs",
      "contains-gluten",
    ],
    weight: 900,
    ...singleOption("KLE-FRAISIER", "Size", [
      ["6 servings", 48, 56, 900],
      ["8 servings", 62, 72, 1200],
      ["10 servings", 76, 88, 1500],
    ]),
  },
  {
    handle: "saint-honore",
    title: "Saint-Honoré",
    description:
      "Puff pastry crowned with caramel-glazed choux, vanilla chiboust and piped Chantilly.",
    categories: ["celebration-cakes"],
    collection: "atelier-classics",
    tags: [
      "vegetarian",
      "nut-free",
      "contains-dairy",
      "contains-eggs",
      "contains-gluten",
    ],
    weight: 850,
    ...singleOption("KLE-SAINT-HONORE", "Size", [
      ["6 servings", 46, 54, 850],
      ["8 servings", 60, 70, 1100],
      ["10 servings", 74, 86, 1400],
    ]),
  },
  {
    handle: "opera",
    title: "Opéra",
    description:
      "Almond joconde soaked in espresso, coffee buttercream and dark chocolate ganache, finished with gold leaf.",
    categories: ["celebration-cakes"],
    collection: "atelier-classics",
    tags: [
      "vegetarian",
      "contains-nuts",
      "contains-dairy",
      "contains-eggs",
      "contains-gluten",
    ],
    weight: 800,
    ...singleOption("KLE-OPERA", "Size", [
      ["6 servings", 44, 52, 800],
      ["8 servings", 58, 68, 1050],
      ["10 servings", 72, 84, 1300],
    ]),
  },
  {
    handle: "framboisier",
    title: "Framboisier",
    description:
      "Almond sponge, raspberry compote and light vanilla mousseline with fresh raspberries.",
    categories: ["celebration-cakes"],
    collection: "signature",
    tags: [
      "vegetarian",
      "contains-nuts",
      "contains-dairy",
      "contains-eggs",
      "contains-gluten",
    ],
    weight: 900,
    ...singleOption("KLE-FRAMBOISIER", "Size", [
      ["6 servings", 46, 54, 900],
      ["8 servings", 60, 70, 1200],
      ["10 servings", 74, 86, 1500],
    ]),
  },
  {
    handle: "royal-chocolat",
    title: "Royal chocolat",
    description:
      "Hazelnut praline crunch, 70% dark chocolate mousse and a crisp almond dacquoise.",
    categories: ["celebration-cakes"],
    collection: "signature",
    tags: [
      "vegetarian",
      "contains-nuts",
      "contains-dairy",
      "contains-eggs",
      "contains-gluten",
    ],
    weight: 850,
    ...singleOption("KLE-ROYAL-CHOCOLAT", "Size", [
      ["6 servings", 45, 53, 850],
      ["8 servings", 59, 69, 1100],
      ["10 servings", 73, 85, 1400],
    ]),
  },
  {
    handle: "charlotte-aux-fraises",
    title: "Charlotte aux fraises",
    description:
      "Hand-piped ladyfingers around a strawberry bavarois, topped with seasonal berries.",
    categories: ["celebration-cakes"],
    collection: "atelier-classics",
    tags: [
      "vegetarian",
      "nut-free",
      "contains-dairy",
      "contains-eggs",
      "contains-gluten",
    ],
    weight: 800,
    ...singleOption("KLE-CHARLOTTE-FRAISES", "Size", [
      ["6 servings", 42, 49, 800],
      ["8 servings", 55, 64, 1050],
      ["10 servings", 68, 79, 1300],
    ]),
  },
  {
    handle: "croquembouche",
    title: "Croquembouche",
    description:
      "A tower of vanilla cream choux bound with amber caramel and sugared almonds, built to order.",
    categories: ["celebration-cakes"],
    collection: "signature",
    tags: [
      "vegetarian",
      "contains-nuts",
      "contains-dairy",
      "contains-eggs",
      "contains-gluten",
    ],
    weight: 2200,
    ...singleOption("KLE-CROQUEMBOUCHE", "Size", [
      ["20 servings", 140, 165, 2200],
      ["40 servings", 270, 315, 4300],
    ]),
  },
]
