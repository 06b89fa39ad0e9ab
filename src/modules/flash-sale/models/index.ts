export { default as FlashSale } from "./flash-sale"
export { default as FlashSaleItem } from "./flash-sale-item"
export { default as FlashSaleRateLimit } from "./flash-sale-rate-limit"
export { default as FlashSaleReservation } from "./flash-sale-reservation"
