export { default as BackInStockSubscription } from "./back-in-stock-subscription"
export { default as LowStockAlert } from "./low-stock-alert"
