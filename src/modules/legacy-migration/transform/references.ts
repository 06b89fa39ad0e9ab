/** Collections other documents point at. */
export type ReferencedCollection = "users" | "products" | "orders"

/** What earlier documents of the run migrated: ids, and who owns each email. */
export interface MigratedIndex {
  has(collection: ReferencedCollection, legacyId: string): boolean
  /** The user already holding a lower-cased email, if any. */
  emailOwner(email: string): string | undefined
}

/** A MigratedIndex in memory, filled as documents migrate. */
export class MemoryMigratedIndex implements MigratedIndex {
  private ids: Record<ReferencedCollection, Set<string>> = {
    users: new Set(),
    products: new Set(),
    orders: new Set(),
  }
  private emails = new Map<string, string>()

  has(collection: ReferencedCollection, legacyId: string): boolean {
    return this.ids[collection].has(legacyId)
  }

  emailOwner(email: string): string | undefined {
    return this.emails.get(email)
  }

  /** Records a migrated document (and a user's email) for later checks. */
  add(
    collection: ReferencedCollection,
    legacyId: string,
    email?: string
  ): void {
    this.ids[collection].add(legacyId)
    if (email) {
      this.emails.set(email, legacyId)
    }
  }
}
