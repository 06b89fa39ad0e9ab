import type {
  CreateCartCreateLineItemDTO,
  MedusaContainer,
} from "@medusajs/framework/types"
import {
  ContainerRegistrationKeys,
  MathBN,
  MedusaError,
} from "@medusajs/framework/utils"
import {
  cartReservationProblem,
  type CartLine,
} from "./check-cart-reservations"
import {
  carriesFlashSale,
  reservationIdOf,
  reservationIdsOf,
} from "./line-items"
import { flashSaleService } from "./module"
import { flashPriceIn } from "./prices"

/**
 * Throws `INVALID_DATA` when items added to a cart carry flash-sale keys that
 * do not make exactly the line of a reservation placed in this cart and not
 * on any of its lines yet: only the flash sale's own workflows add such a
 * line, right after placing the reservation. Items without the keys cost no
 * lookup.
 */
export async function assertFlashAdditionsPlaced(
  container: Pick<MedusaContainer, "resolve">,
  cartId: string,
  items: CreateCartCreateLineItemDTO[] | null | undefined,
  now: Date = new Date()
): Promise<void> {
  const added = (items ?? []).filter(carriesFlashSale)
  if (!added.length) {
    return
  }
  const ids = reservationIdsOf(added)
  const [cart, reservations] = await Promise.all([
    cartWithLines(container, cartId),
    ids.length
      ? flashSaleService(container).listFlashSaleReservations(
          { id: ids },
          { relations: ["item"] }
        )
      : [],
  ])
  // Lines already carrying one of these reservations come first, so an
  // added copy of one counts as the reservation's second line.
  const lines: CartLine[] = [
    ...(cart?.items ?? []).flatMap((line) => {
      const id = reservationIdOf(line)
      return line && id && ids.includes(id) ? [line] : []
    }),
    ...added.map((item, index) => ({
      id: `added_${index}`,
      variant_id: item.variant_id ?? null,
      quantity: MathBN.convert(item.quantity).toNumber(),
      metadata: item.metadata ?? null,
    })),
  ]
  const problem = cartReservationProblem(
    lines,
    reservations,
    { id: cartId, customer_id: cart?.customer_id ?? null },
    now
  )
  if (problem) {
    throw flashDetailsRefused()
  }
  // The price was chosen from the cart's currency before the cart was
  // locked; a region change landing in between would keep it in another one.
  const byId = new Map(reservations.map((r) => [r.id, r] as const))
  for (const item of added) {
    const reservation = byId.get(reservationIdOf(item) ?? "")
    const price = flashPriceIn(reservation?.item.prices, cart?.currency_code)
    if (
      price === null ||
      item.unit_price == null ||
      MathBN.convert(item.unit_price).toNumber() !== price
    ) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        "The flash price of this item in the cart's currency changed while it was being added; add your reservation to the cart again"
      )
    }
  }
}

/** The refusal of flash-sale keys on an item entering a cart by Medusa's routes. */
export function flashDetailsRefused(): MedusaError {
  return new MedusaError(
    MedusaError.Types.INVALID_DATA,
    "Flash-sale details cannot be added to a cart item; add the item without them, or reserve it through its flash sale"
  )
}

/** The cart's customer and lines, as the reservation check reads them. */
async function cartWithLines(
  container: Pick<MedusaContainer, "resolve">,
  cartId: string
) {
  const { data } = await container
    .resolve(ContainerRegistrationKeys.QUERY)
    .graph({
      entity: "cart",
      fields: [
        "id",
        "customer_id",
        "currency_code",
        "items.id",
        "items.variant_id",
        "items.quantity",
        "items.metadata",
      ],
      filters: { id: cartId },
    })
  return data[0]
}
