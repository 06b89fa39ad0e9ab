export { default as BackInStockSubscription } from "./back-in-stock-subscription"
