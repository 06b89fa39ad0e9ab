import { mkdir, mkdtemp } from "fs/promises"
import { tmpdir } from "os"
import { join } from "path"
import { ObjectId, type Document } from "bson"
import { DumpCollectionWriter } from "../../dump/write-dump"
import { FIXTURE_PASSWORDS } from "../../fixture/passwords"
import { LEGACY_COLLECTIONS, type LegacyCollection } from "../../types"

/** A fixed ObjectId per name, ascending with `n`. */
export function oid(n: number): ObjectId {
  return new ObjectId(
    `65a0000000000000000000${n.toString(16).padStart(2, "0")}`
  )
}

/** Writes a mongodump of the given documents (other collections empty). */
export async function writeDump(
  documents: Partial<Record<LegacyCollection, Document[]>>
): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), "klelite-hand-"))
  await mkdir(join(root, "klelite"))
  for (const collection of LEGACY_COLLECTIONS) {
    const writer = await DumpCollectionWriter.create(
      join(root, "klelite", `${collection}.bson`)
    )
    for (const document of documents[collection] ?? []) {
      await writer.write(document)
    }
    await writer.close()
  }
  return root
}

/** A valid legacy product. */
export function product(n: number, slug: string, skus: string[]): Document {
  return {
    _id: oid(n),
    name: `Produit ${n}`,
    slug,
    price: 4.5,
    category: "Viennoiseries",
    variants: skus.map((sku) => ({ sku, name: sku, price: 4.5, stock: 3 })),
    createdAt: new Date("2024-01-01T00:00:00Z"),
  }
}

/** A valid legacy user. */
export function user(n: number, wishlist: ObjectId[]): Document {
  return {
    _id: oid(n),
    email: `client${n}@example.fr`,
    password: FIXTURE_PASSWORDS[0].hash,
    firstName: "Client",
    addresses: [
      { street: "1 rue A", city: "Lyon", country: "FR" },
      { street: "2 rue B", city: "Paris", country: "FR" },
    ],
    wishlist,
    createdAt: new Date("2024-01-02T00:00:00Z"),
  }
}

/** A valid legacy order of `lines` [product, sku] pairs. */
export function order(
  n: number,
  customer: ObjectId,
  lines: [ObjectId, string][]
): Document {
  return {
    _id: oid(n),
    orderNumber: `KL-${n}`,
    user: customer,
    items: lines.map(([p, sku]) => ({
      product: p,
      sku,
      name: sku,
      price: 4.5,
      quantity: 2,
    })),
    total: 9 * lines.length,
    status: "delivered",
    statusHistory: [
      { status: "pending", changedAt: new Date("2024-02-01T10:00:00Z") },
      { status: "delivered", changedAt: new Date("2024-02-03T10:00:00Z") },
    ],
    createdAt: new Date("2024-02-01T09:00:00Z"),
  }
}
