/**
 * Groups of interchangeable words for the product index. A query word found in
 * a group also matches every other member; members are compared lower-cased
 * and without accents, and a member of several words matches as a phrase.
 */
export const PRODUCT_SYNONYMS: string[][] = [
  ["gateau", "gateaux", "cake", "cakes"],
  ["viennoiserie", "viennoiseries", "pastry", "pastries"],
  ["patisserie", "patisseries", "pastry", "pastries"],
  ["gf", "gluten-free", "sans gluten"],
  ["vegan", "vegane", "plant-based"],
  ["chocolate", "chocolat"],
  ["pistachio", "pistache"],
  ["raspberry", "framboise"],
  ["strawberry", "fraise", "fraises"],
  ["almond", "almonds", "amande", "amandes"],
  ["hazelnut", "noisette", "praline"],
  ["gift", "gifts", "coffret", "coffrets"],
  ["christmas", "noel", "xmas", "buche"],
]
