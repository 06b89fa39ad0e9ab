export { default as LoyaltyAccount } from "./loyalty-account"
export { default as LoyaltyEntry } from "./loyalty-entry"
export { default as LoyaltyHold } from "./loyalty-hold"
export { default as LoyaltySettings } from "./loyalty-settings"
