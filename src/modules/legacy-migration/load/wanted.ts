import type { Document } from "bson"
import type { ReferencedCollection } from "../transform/references"
import { list, parseObjectId, record } from "../transform/values"
import type { LegacyCollection } from "../types"
import { emptyWanted, type Wanted } from "./target-index"

function add(wanted: Wanted, collection: ReferencedCollection, value: unknown) {
  const id = parseObjectId(value)
  if (id.ok) {
    wanted[collection].add(id.value)
  }
}

/** The references of each kind of document, read from the raw fields. */
const REFERENCES: Record<
  LegacyCollection,
  (document: Document, wanted: Wanted) => void
> = {
  products: () => undefined,
  users: (document, wanted) => {
    list(document.wishlist).forEach((id) => add(wanted, "products", id))
    if (typeof document.email === "string") {
      wanted.emails.add(document.email.trim().toLowerCase())
    }
  },
  orders: (document, wanted) => {
    add(wanted, "users", document.user)
    list(document.items).forEach((item) =>
      add(wanted, "products", record(item).product)
    )
  },
  reviews: (document, wanted) => {
    add(wanted, "products", document.product)
    add(wanted, "users", document.user)
  },
  loyaltytransactions: (document, wanted) => {
    add(wanted, "users", document.user)
    add(wanted, "orders", document.order)
  },
  flashsales: (document, wanted) => {
    list(document.products).forEach((entry) =>
      add(wanted, "products", record(entry).product)
    )
  },
}

/** Everything the documents of a batch point at, for one lookup per table. */
export function wantedBy(
  collection: LegacyCollection,
  documents: readonly Document[]
): Wanted {
  const wanted = emptyWanted()
  for (const document of documents) {
    REFERENCES[collection](document, wanted)
  }
  return wanted
}
