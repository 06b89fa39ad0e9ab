import type { CategoryDefinition, CollectionDefinition } from "./catalog-types"

/** Categories of the catalog; parents come before their children. */
export const CATEGORIES: CategoryDefinition[] = [
  {
    handle: "celebration-cakes",
    name: "Celebration Cakes",
    description: "Layered cakes for birthdays, weddings and grand dinners.",
  },
  {
    handle: "entremets",
    name: "Entremets",
    description: "Classic French pastries and tarts to share.",
  },
  {
    handle: "macarons",
    name: "Macarons",
    description: "Almond shells with ganache and fruit fillings.",
  },
  {
    handle: "macaron-classics",
    name: "Macaron Classics",
    description: "The flavours that never leave the counter.",
    parent: "macarons",
  },
  {
    handle: "viennoiserie",
    name: "Viennoiserie",
    description: "Laminated and brioche doughs baked every morning.",
  },
  {
    handle: "breads",
    name: "Breads",
    description: "Slow-fermented loaves from the atelier's levain.",
  },
  {
    handle: "gift-boxes",
    name: "Gift Boxes",
    description: "Curated boxes wrapped in the atelier's colours.",
  },
  {
    handle: "seasonal",
    name: "Seasonal",
    description: "Creations that follow the calendar and its festivities.",
  },
]

/** Collections grouping products across categories. */
export const COLLECTIONS: CollectionDefinition[] = [
  { handle: "signature", title: "Signature" },
  { handle: "atelier-classics", title: "Atelier Classics" },
  { handle: "holiday-2026", title: "Holiday 2026" },
  { handle: "breakfast", title: "Breakfast" },
]
