import { defineMiddlewares } from "@medusajs/framework/http"
import { loyaltyAdminMiddlewares } from "./admin/loyalty/middlewares"
import { legacyMigrationAdminMiddlewares } from "./legacy-migration-middlewares"
import {
  flashSaleAdminMiddlewares,
  flashSaleStoreMiddlewares,
} from "./flash-sale-middlewares"
import { loyaltyStoreMiddlewares } from "./store/loyalty-middlewares"
import {
  realtimeAdminMiddlewares,
  realtimeStoreMiddlewares,
} from "./realtime-middlewares"
import {
  searchAdminMiddlewares,
  searchStoreMiddlewares,
} from "./search-middlewares"

export default defineMiddlewares({
  routes: [
    ...loyaltyStoreMiddlewares,
    ...loyaltyAdminMiddlewares,
    ...realtimeStoreMiddlewares,
    ...realtimeAdminMiddlewares,
    ...searchStoreMiddlewares,
    ...searchAdminMiddlewares,
    ...flashSaleStoreMiddlewares,
    ...flashSaleAdminMiddlewares,
    ...legacyMigrationAdminMiddlewares,
  ],
})
