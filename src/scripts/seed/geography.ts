/** Countries served from the Paris atelier inside the euro region. */
export const EUROPE_COUNTRIES = [
  "fr",
  "de",
  "be",
  "nl",
  "it",
  "es",
  "at",
  "lu",
  "ie",
  "pt",
  "dk",
  "se",
]

/** Countries of the dollar region. */
export const US_COUNTRIES = ["us"]

/** A sales region the store sells into. */
export type RegionDefinition = {
  name: string
  currency_code: string
  countries: string[]
}

/** The two regions of the store, euro first. */
export const REGION_DEFINITIONS: RegionDefinition[] = [
  { name: "Europe", currency_code: "eur", countries: EUROPE_COUNTRIES },
  { name: "United States", currency_code: "usd", countries: US_COUNTRIES },
]

/** Every country the store ships to. */
export const ALL_COUNTRIES = [...EUROPE_COUNTRIES, ...US_COUNTRIES]
