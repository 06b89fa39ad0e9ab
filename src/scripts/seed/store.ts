import type { StoreDTO } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import {
  createStoresWorkflow,
  updateStoresWorkflow,
} from "@medusajs/medusa/core-flows"
import type { SeedContainer } from "./types"

/** Store name shown in the admin. */
export const STORE_NAME = "Klelite Pâtisserie"

/** Name Medusa gives the store it creates on first boot. */
const FRAMEWORK_STORE_NAME = "Medusa Store"

/** Version written to `store.metadata.klelite_seed_version` once seeding ends. */
export const SEED_VERSION = 1

/** Currencies the store accepts; the first one is the default. */
export const STORE_CURRENCIES = ["eur", "usd"]

type StoreCurrency = { currency_code: string; is_default: boolean }

function desiredCurrencies(): StoreCurrency[] {
  return STORE_CURRENCIES.map((currency_code, index) => ({
    currency_code,
    is_default: index === 0,
  }))
}

function currenciesMatch(store: StoreDTO, desired: StoreCurrency[]): boolean {
  const current = store.supported_currencies ?? []
  return (
    current.length === desired.length &&
    desired.every((wanted) =>
      current.some(
        (currency) =>
          currency.currency_code === wanted.currency_code &&
          currency.is_default === wanted.is_default
      )
    )
  )
}

async function findStore(container: SeedContainer): Promise<StoreDTO | null> {
  const storeService = container.resolve(Modules.STORE)
  const [store] = await storeService.listStores(
    {},
    { relations: ["supported_currencies"], take: 1 }
  )
  return store ?? null
}

/**
 * Makes sure the store exists, accepts EUR (default) and USD and sells through
 * the given sales channel by default. Only writes what differs.
 */
export async function configureStore(
  container: SeedContainer,
  salesChannelId: string
): Promise<StoreDTO> {
  const currencies = desiredCurrencies()
  const store = await findStore(container)

  if (!store) {
    const { result } = await createStoresWorkflow(container).run({
      input: {
        stores: [
          {
            name: STORE_NAME,
            supported_currencies: currencies,
            default_sales_channel_id: salesChannelId,
          },
        ],
      },
    })
    return result[0]
  }

  const needsCurrencies = !currenciesMatch(store, currencies)
  const needsChannel = store.default_sales_channel_id !== salesChannelId
  const needsName = store.name === FRAMEWORK_STORE_NAME
  if (!needsCurrencies && !needsChannel && !needsName) {
    return store
  }

  const { result } = await updateStoresWorkflow(container).run({
    input: {
      selector: { id: store.id },
      update: {
        ...(needsCurrencies ? { supported_currencies: currencies } : {}),
        ...(needsChannel ? { default_sales_channel_id: salesChannelId } : {}),
        ...(needsName ? { name: STORE_NAME } : {}),
      },
    },
  })
  return result[0]
}

/** Sets the default region and stock location of the store when unset. */
export async function setStoreDefaults(
  container: SeedContainer,
  defaults: { regionId: string; locationId: string }
): Promise<void> {
  const store = await findStore(container)
  if (!store) {
    return
  }
  const update: { default_region_id?: string; default_location_id?: string } =
    {}
  if (!store.default_region_id) {
    update.default_region_id = defaults.regionId
  }
  if (!store.default_location_id) {
    update.default_location_id = defaults.locationId
  }
  if (Object.keys(update).length === 0) {
    return
  }
  await updateStoresWorkflow(container).run({
    input: { selector: { id: store.id }, update },
  })
}

/** Records in the store metadata that the seed completed. */
export async function markStoreSeeded(container: SeedContainer): Promise<void> {
  const store = await findStore(container)
  if (!store) {
    return
  }
  const metadata = store.metadata ?? {}
  if (metadata.klelite_seed_version === SEED_VERSION) {
    return
  }
  await updateStoresWorkflow(container).run({
    input: {
      selector: { id: store.id },
      update: {
        metadata: { ...metadata, klelite_seed_version: SEED_VERSION },
      },
    },
  })
}
