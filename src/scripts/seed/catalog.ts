import { BREADS } from "./catalog-breads"
import { CELEBRATION_CAKES } from "./catalog-celebration-cakes"
import { ENTREMETS } from "./catalog-entremets"
import { GIFT_BOXES } from "./catalog-gift-boxes"
import { MACARONS } from "./catalog-macarons"
import { SEASONAL } from "./catalog-seasonal"
import type { CatalogProduct } from "./catalog-types"
import { VIENNOISERIE } from "./catalog-viennoiserie"

export { CATEGORIES, COLLECTIONS } from "./catalog-taxonomy"
export {
  DIETARY_TAGS,
  REQUIRED_CATEGORY_HANDLES,
  type CatalogProduct,
  type CatalogVariant,
  type DietaryTag,
} from "./catalog-types"

/** Every product of the bakery, grouped by category in display order. */
export const CATALOG: CatalogProduct[] = [
  ...CELEBRATION_CAKES,
  ...ENTREMETS,
  ...MACARONS,
  ...VIENNOISERIE,
  ...BREADS,
  ...GIFT_BOXES,
  ...SEASONAL,
]
