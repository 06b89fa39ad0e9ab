import { defineMiddlewares } from "@medusajs/framework/http"
import { loyaltyAdminMiddlewares } from "./admin/loyalty/middlewares"
import { loyaltyStoreMiddlewares } from "./store/loyalty-middlewares"

export default defineMiddlewares({
  routes: [...loyaltyStoreMiddlewares, ...loyaltyAdminMiddlewares],
})
