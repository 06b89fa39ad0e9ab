import { parseStage2Args } from "../stage-2/args"
import { addressInputs, splitName } from "../stage-2/customer-input"
import type {
  AddressRow,
  CustomerRow,
  ProductRow,
  VariantRow,
} from "../stage-2/mysql"
import { productInput, variantTitles } from "../stage-2/product-input"
import { mismatches, stage2Report } from "../stage-2/report"
import { STAGE_2_ENTITIES, type Stage2Counts } from "../stage-2/types"

const variant = (sku: string, name: string, price = "4.50"): VariantRow => ({
  product_id: 1,
  position: 0,
  sku,
  name,
  price,
  compare_at_price: null,
  stock: 3,
  weight_grams: null,
})

const address = (line1: string, isDefault: boolean): AddressRow => ({
  customer_id: 1,
  position: 0,
  label: null,
  full_name: "Léa Dupont Martin",
  line1,
  line2: null,
  city: "Lyon",
  postal_code: null,
  country_code: "FR",
  phone: null,
  is_default: isDefault ? 1 : 0,
})

const targets = {
  currency_code: "eur",
  sales_channel_id: "sc_1",
  stock_location_id: "sloc_1",
  shipping_profile_id: "sp_1",
}

describe("stage 2 inputs", () => {
  it("makes variant titles unique within a product, since they are option values", () => {
    expect(
      variantTitles([
        variant("A", "Boîte de 6"),
        variant("B", "Boîte de 6"),
        variant("C", "Pour 4"),
      ])
    ).toEqual(["Boîte de 6", "Boîte de 6 (B)", "Pour 4"])
  })

  it("turns a legacy product into createProductsWorkflow input keyed by external_id", () => {
    const row: ProductRow = {
      id: 1,
      legacy_id: "65a000000000000000000001",
      name: "Croissant",
      slug: "Croissant Beurre",
      description: null,
      price: "1.90",
      is_active: 0,
      deleted_at: null,
      category_slug: "viennoiseries",
      variants: [variant("CR-1", "À l'unité", "1.90")],
    }
    const input = productInput(row, targets, "pcat_1")
    expect(input).toMatchObject({
      external_id: row.legacy_id,
      handle: "croissant-beurre",
      status: "draft",
      category_ids: ["pcat_1"],
      sales_channels: [{ id: "sc_1" }],
      shipping_profile_id: "sp_1",
      options: [{ title: "Format", values: ["À l'unité"] }],
    })
    expect(input.variants?.[0]).toMatchObject({
      sku: "CR-1",
      manage_inventory: true,
      prices: [{ currency_code: "eur", amount: 1.9 }],
    })
    expect(
      productInput({ ...row, variants: [] }, targets, undefined).variants
    ).toEqual([
      expect.objectContaining({
        title: "Standard",
        prices: [{ currency_code: "eur", amount: 1.9 }],
      }),
    ])
  })

  it("gives only the first legacy default address Medusa's default flags", () => {
    const customer: CustomerRow = {
      id: 1,
      legacy_id: "x",
      email: "lea@example.fr",
      password_hash: "",
      first_name: "Léa",
      last_name: null,
      phone: null,
      loyalty_points: 0,
      deleted_at: null,
      addresses: [
        address("1 rue A", false),
        address("2 rue B", true),
        address("3 rue C", true),
      ],
    }
    const flags = addressInputs(customer).map((a) => [
      a.is_default_shipping,
      a.is_default_billing,
    ])
    expect(flags).toEqual([
      [false, false],
      [true, true],
      [false, false],
    ])
    expect(addressInputs(customer)[0]).toMatchObject({
      first_name: "Léa",
      last_name: "Dupont Martin",
      country_code: "fr",
    })
    expect(splitName("  ")).toEqual({})
  })
})

describe("stage 2 report", () => {
  const counts = (medusa: number): Stage2Counts =>
    Object.fromEntries(
      STAGE_2_ENTITIES.map((entity) => [
        entity,
        {
          source: 10,
          created: 8,
          present: 0,
          skipped: { deleted_in_legacy_store: 2 },
          medusa,
        },
      ])
    )
  const search = { rebuilt: true, indexes: ["product"] }

  it("is ok when Medusa holds MySQL's records less the skipped ones", () => {
    expect(stage2Report(counts(8), search, 1).ok).toBe(true)
  })

  it("fails and names the entities that disagree", () => {
    const report = stage2Report(counts(7), search, 1)
    expect(report.ok).toBe(false)
    expect(mismatches(report)).toContain("products: Medusa holds 7")
  })

  it("fails when an entity was not counted at all", () => {
    const partial = counts(8)
    delete partial.loyalty_balances
    expect(stage2Report(partial, search, 1).ok).toBe(false)
  })
})

describe("stage 2 script flags", () => {
  it("reads flags, with the environment as defaults", () => {
    expect(
      parseStage2Args([], {
        LEGACY_MYSQL_URL: "mysql://root@db/legacy",
        LEGACY_STAGE_2_BATCH_SIZE: "50",
      })
    ).toMatchObject({
      mysql_url: "mysql://root@db/legacy",
      batch_size: 50,
      rebuild_search: true,
    })
    expect(
      parseStage2Args(
        [
          "--",
          "--mysql",
          "mysql://root@other/x",
          "--no-search",
          "--currency",
          "usd",
        ],
        {}
      )
    ).toMatchObject({
      mysql_url: "mysql://root@other/x",
      rebuild_search: false,
      currency_code: "usd",
    })
  })

  it("refuses a batch size that is not a positive whole number", () => {
    expect(() => parseStage2Args(["--batch-size", "0"], {})).toThrow(
      /--batch-size/
    )
    expect(() => parseStage2Args(["--batch-size", "-5"], {})).toThrow()
  })
})
