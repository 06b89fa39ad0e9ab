/**
 * Loyalty points module: accounts, an append-only ledger, cart holds and the
 * programme settings.
 *
 * Ledger. `loyalty_entry` rows are only ever inserted. `points` is the signed
 * change to `loyalty_account.balance` and `balance_after` the balance it left,
 * so an account's entries in `created_at` order sum to its balance and their
 * running sum is `balance_after`. Each change is one SQL statement, the guarded
 * account UPDATE and the entry INSERT as CTEs of one query, run in the
 * caller's transaction or a new one: no balance is read and written back.
 *
 * Capped debits. `debitUpTo` takes what is spendable of the requested points,
 * capped in SQL, and records the shortfall, for reversals and expiry that
 * must not fail because points were spent or held meanwhile.
 *
 * Holds. Points applied to an open cart are reserved, not spent: an active
 * `loyalty_hold` row (at most one per cart, by a partial unique index) plus
 * the same amount added to `loyalty_account.held`. Spendable points are
 * `balance - held`; `debit` and `hold` never take them below zero, and checks
 * on the table keep `0 <= held <= balance`. A hold leaves the balance alone,
 * so it writes no ledger entry. `hold` on a cart replaces its earlier hold;
 * concurrent holds on one cart take turns under a transaction-scoped lock on
 * the cart, so the last one stands;
 * `releaseHold` frees it and `releaseHoldsBefore` frees abandoned ones;
 * `consumeHold` (order placed) takes it off balance and held in one statement
 * and writes one `redeem` entry keyed by the hold, so consuming twice finds
 * that entry instead of redeeming again; `restoreHold` undoes that, holding
 * the points for the cart again, under the redemption's `rollback:<entry id>`
 * key. Any other giving back of a redemption (an order canceled) writes under
 * that key too, so the unique key lets only one of them happen.
 *
 * Lifetime earnings. `lifetime_earned` grows with `earn` and `bonus` credits
 * and with changes flagged `earned` (a reversal undoing an earning lowers it,
 * undoing that reversal raises it again), in the statement that moves the
 * balance, and never falls below zero. An earned entry's metadata records
 * in `lifetime_moved` how far it really moved, which the floor can make less
 * than its points, so undoing it moves it back by exactly that much
 * (`earnedPoints`). Spending points (redemption, expiry) leaves it alone.
 *
 * Idempotency. A ledger write with an `idempotencyKey` happens once; repeats
 * return the first entry, and a key reused for another customer or amount is
 * refused with `CONFLICT`. A unique index on the key settles races: the losing
 * write fails inside a savepoint, which is rolled back, and the winner's entry
 * is returned. An entry undone by a `rollback:<entry id>` entry no longer
 * counts: the next write under its key is stored under a key derived from
 * the undone entry (`<key>:retry:<entry id>`), so it too happens once.
 *
 * The generated create, update and delete methods for entries are refused;
 * account counters (`balance`, `held`, `lifetime_earned`) must only change
 * through the methods here.
 */
import type { SqlEntityManager } from "@medusajs/framework/mikro-orm/postgresql"
import type { Context } from "@medusajs/framework/types"
import {
  InjectManager,
  InjectTransactionManager,
  MedusaContext,
  MedusaError,
  MedusaService,
  generateEntityId,
} from "@medusajs/framework/utils"
import {
  LoyaltyAccount,
  LoyaltyEntry,
  LoyaltyHold,
  LoyaltySettings,
} from "./models"
import {
  LOYALTY_CREDIT_TYPES,
  LOYALTY_DEBIT_TYPES,
  type ConsumeHoldInput,
  type CreditPointsInput,
  type DebitPointsInput,
  type HoldPointsInput,
  type LedgerChange,
  type LoyaltyAccountDTO,
  type LoyaltyEntryDTO,
  type LoyaltyEntryType,
  type LoyaltyHoldDTO,
  type LoyaltySettingsDTO,
  type LoyaltySettingsValues,
  type ReleaseHoldInput,
  type RestoreHoldInput,
} from "./types"
import {
  entryOf,
  retryKey,
  rollbackKey,
  sameCappedDebitOrThrow,
  sameChangeOrThrow,
  type KeyedEntryRow,
} from "./utils/idempotency"
import { isUniqueViolation } from "./utils/pg-errors"
import { generateReferralCode } from "./utils/referral-code"
import {
  DEFAULT_LOYALTY_SETTINGS,
  LOYALTY_SETTINGS_ID,
  SETTINGS_FIELDS,
  settingsParams,
  validateSettings,
} from "./utils/settings"
import * as sql from "./utils/sql"
import { managerOf, transactionManagerOf } from "./utils/transaction-manager"
import {
  assertNonEmpty,
  assertLedgerChange,
  assertPoints,
} from "./utils/validate-input"

const ENTRY_KEY_INDEX = "IDX_loyalty_entry_idempotency_key_unique"
const ACTIVE_HOLD_INDEX = "IDX_loyalty_hold_cart_id_active_unique"

/** Entry kinds that count towards `lifetime_earned`. */
const EARNING_TYPES: ReadonlySet<LoyaltyEntryType> = new Set(["earn", "bonus"])

/** Attempts at a fresh referral code before giving up on account creation. */
const REFERRAL_CODE_ATTEMPTS = 5

type OwnedHoldRow = LoyaltyHoldDTO & { customer_id: string }

/** Loyalty points: accounts, ledger, cart holds and programme settings. */
export default class LoyaltyModuleService extends MedusaService({
  LoyaltyAccount,
  LoyaltyEntry,
  LoyaltyHold,
  LoyaltySettings,
}) {
  /** The customer's account, created with a referral code on first use. */
  @InjectManager()
  async getOrCreateAccount(
    customerId: string,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<LoyaltyAccountDTO> {
    return await this.getOrCreateAccount_(customerId, sharedContext)
  }

  @InjectTransactionManager()
  protected async getOrCreateAccount_(
    customerId: string,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<LoyaltyAccountDTO> {
    assertNonEmpty("customerId", customerId)
    const manager = transactionManagerOf(sharedContext)

    for (let attempt = 0; attempt < REFERRAL_CODE_ATTEMPTS; attempt++) {
      const [created] = await manager.execute<LoyaltyAccountDTO[]>(
        sql.INSERT_ACCOUNT,
        [
          generateEntityId(undefined, "lacc"),
          customerId,
          generateReferralCode(),
        ]
      )
      if (created) {
        return created
      }
      const [existing] = await manager.execute<LoyaltyAccountDTO[]>(
        sql.SELECT_ACCOUNT,
        [customerId]
      )
      if (existing) {
        return existing
      }
      // Neither inserted nor found: the referral code was taken. Draw again.
    }
    throw new MedusaError(
      MedusaError.Types.UNEXPECTED_STATE,
      `Could not create a loyalty account for customer ${customerId}`
    )
  }

  /** Adds points; with an idempotency key, only the first call does. */
  @InjectManager()
  async credit(
    input: CreditPointsInput,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<LoyaltyEntryDTO> {
    return await this.credit_(input, sharedContext)
  }

  @InjectTransactionManager()
  protected async credit_(
    input: CreditPointsInput,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<LoyaltyEntryDTO> {
    assertLedgerChange(input, LOYALTY_CREDIT_TYPES)
    const manager = transactionManagerOf(sharedContext)
    const { change, standing } = await this.withLiveKey(manager, input)
    if (standing) {
      return sameChangeOrThrow(standing, change, input.points)
    }
    await this.getOrCreateAccount_(input.customerId, sharedContext)
    return await this.applyLedgerChange(manager, change, input.points)
  }

  /**
   * Takes spendable points (`balance - held`); throws `NOT_ALLOWED` when there
   * are too few. Held points are spent through `consumeHold` only.
   */
  @InjectManager()
  async debit(
    input: DebitPointsInput,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<LoyaltyEntryDTO> {
    return await this.debit_(input, sharedContext)
  }

  @InjectTransactionManager()
  protected async debit_(
    input: DebitPointsInput,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<LoyaltyEntryDTO> {
    assertLedgerChange(input, LOYALTY_DEBIT_TYPES)
    const manager = transactionManagerOf(sharedContext)
    const { change, standing } = await this.withLiveKey(manager, input)
    if (standing) {
      return sameChangeOrThrow(standing, change, -input.points)
    }
    return await this.applyLedgerChange(manager, change, -input.points)
  }

  /**
   * Takes up to `points` of the spendable points, capped in the statement
   * that writes them, for changes that must not fail when some were spent
   * meanwhile (reversals, expiry). The entry's metadata records `requested`
   * and `shortfall`; null when nothing was spendable. With `earned`,
   * `lifetime_earned` drops by what was taken, not by the shortfall, and
   * `lifetime_moved` records the drop.
   */
  @InjectManager()
  async debitUpTo(
    input: DebitPointsInput,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<LoyaltyEntryDTO | null> {
    return await this.debitUpTo_(input, sharedContext)
  }

  @InjectTransactionManager()
  protected async debitUpTo_(
    input: DebitPointsInput,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<LoyaltyEntryDTO | null> {
    assertLedgerChange(input, LOYALTY_DEBIT_TYPES)
    const manager = transactionManagerOf(sharedContext)
    const { change, standing } = await this.withLiveKey(manager, input)
    if (standing) {
      return sameCappedDebitOrThrow(standing, change)
    }
    const key = change.idempotencyKey ?? null
    const params = [
      !!input.earned,
      input.earnedPoints ?? null,
      input.points,
      input.customerId,
      generateEntityId(undefined, "lent"),
      input.type,
      input.reason,
      input.sourceType,
      input.sourceId ?? null,
      key,
      input.metadata ? JSON.stringify(input.metadata) : null,
      input.points,
      input.points,
    ]
    const written = await this.writeKeyed(
      manager,
      key,
      (em) => em.execute<LoyaltyEntryDTO[]>(sql.DEBIT_UP_TO, params),
      () => this.findCappedRepeat(manager, change)
    )
    // A concurrent repeat that committed first took the points: the row
    // lock made this write wait for it, and it is now visible.
    return written ?? (await this.findCappedRepeat(manager, change))
  }

  /**
   * Reserves points for a cart, replacing the cart's earlier hold. Throws
   * `NOT_ALLOWED` when too few points are spendable.
   */
  @InjectManager()
  async hold(
    input: HoldPointsInput,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<LoyaltyHoldDTO> {
    return await this.hold_(input, sharedContext)
  }

  @InjectTransactionManager()
  protected async hold_(
    { customerId, cartId, points }: HoldPointsInput,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<LoyaltyHoldDTO> {
    assertNonEmpty("customerId", customerId)
    assertNonEmpty("cartId", cartId)
    assertPoints(points)
    const manager = transactionManagerOf(sharedContext)

    // Without turns, a hold releasing the cart's old hold (row, then account)
    // and one inserting beside it (account, then the unique index waiting on
    // that row) deadlock.
    await manager.execute(sql.LOCK_CART_HOLDS, [cartId])
    const [current] = await manager.execute<OwnedHoldRow[]>(
      sql.SELECT_ACTIVE_HOLD,
      [cartId]
    )
    if (current?.customer_id === customerId && current.points === points) {
      return withoutOwner(current)
    }

    try {
      // A savepoint, so a refused new hold leaves the old one in place.
      return await manager.transactional(async (savepoint) => {
        await savepoint.execute(sql.RELEASE_HOLD, [cartId])
        const [created] = await savepoint.execute<LoyaltyHoldDTO[]>(
          sql.INSERT_HOLD,
          [
            points,
            customerId,
            points,
            generateEntityId(undefined, "lhold"),
            cartId,
            points,
          ]
        )
        if (!created) {
          throw await this.insufficientPoints(savepoint, customerId, points)
        }
        return created
      })
    } catch (error) {
      if (isUniqueViolation(error, ACTIVE_HOLD_INDEX)) {
        throw new MedusaError(
          MedusaError.Types.CONFLICT,
          `Points for cart ${cartId} are being held by another request`
        )
      }
      throw error
    }
  }

  /** Frees the cart's active hold; null when it had none. */
  @InjectManager()
  async releaseHold(
    input: ReleaseHoldInput,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<LoyaltyHoldDTO | null> {
    return await this.releaseHold_(input, sharedContext)
  }

  @InjectTransactionManager()
  protected async releaseHold_(
    { cartId }: ReleaseHoldInput,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<LoyaltyHoldDTO | null> {
    assertNonEmpty("cartId", cartId)
    const manager = transactionManagerOf(sharedContext)
    const [released] = await manager.execute<LoyaltyHoldDTO[]>(
      sql.RELEASE_HOLD,
      [cartId]
    )
    return released ?? null
  }

  /** Frees every active hold not touched since `before` (abandoned carts). */
  @InjectManager()
  async releaseHoldsBefore(
    before: Date,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<LoyaltyHoldDTO[]> {
    return await this.releaseHoldsBefore_(before, sharedContext)
  }

  @InjectTransactionManager()
  protected async releaseHoldsBefore_(
    before: Date,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<LoyaltyHoldDTO[]> {
    const manager = transactionManagerOf(sharedContext)
    return await manager.execute<LoyaltyHoldDTO[]>(sql.RELEASE_HOLDS_BEFORE, [
      before.toISOString(),
    ])
  }

  /**
   * Spends the cart's held points for the order and returns the `redeem`
   * entry. A repeat returns the same entry; null when the cart had no hold.
   */
  @InjectManager()
  async consumeHold(
    input: ConsumeHoldInput,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<LoyaltyEntryDTO | null> {
    return await this.consumeHold_(input, sharedContext)
  }

  @InjectTransactionManager()
  protected async consumeHold_(
    { cartId, orderId, reason }: ConsumeHoldInput,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<LoyaltyEntryDTO | null> {
    assertNonEmpty("cartId", cartId)
    assertNonEmpty("orderId", orderId)
    const manager = transactionManagerOf(sharedContext)

    const [entry] = await manager.execute<LoyaltyEntryDTO[]>(sql.CONSUME_HOLD, [
      orderId,
      cartId,
      generateEntityId(undefined, "lent"),
      reason ?? `Redeemed on order ${orderId}`,
      orderId,
      JSON.stringify({ cart_id: cartId }),
    ])
    if (entry) {
      return entry
    }
    const [previous] = await manager.execute<LoyaltyEntryDTO[]>(
      sql.SELECT_CONSUMED_ENTRY,
      [cartId]
    )
    return previous ?? null
  }

  /**
   * Undoes `consumeHold`: the points are held for the cart again, so it can
   * still be checked out or its points released, and the returned `reverse`
   * entry records it. It writes under the redemption's `rollback:<entry id>`
   * key, so once any write stands there (this undo, or the points given back
   * some other way) it restores nothing and returns that entry. Null when
   * the entry is no consumed hold's redemption or the cart holds other
   * points now.
   */
  @InjectManager()
  async restoreHold(
    input: RestoreHoldInput,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<LoyaltyEntryDTO | null> {
    return await this.restoreHold_(input, sharedContext)
  }

  @InjectTransactionManager()
  protected async restoreHold_(
    { entryId }: RestoreHoldInput,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<LoyaltyEntryDTO | null> {
    assertNonEmpty("entryId", entryId)
    const manager = transactionManagerOf(sharedContext)
    try {
      // In a savepoint, so losing a race for the cart's active hold or for
      // the undo's key leaves the surrounding transaction usable.
      const [restored] = await manager.transactional((savepoint) =>
        savepoint.execute<LoyaltyEntryDTO[]>(sql.RESTORE_HOLD, [
          entryId,
          generateEntityId(undefined, "lhold"),
          generateEntityId(undefined, "lent"),
        ])
      )
      if (restored) {
        return restored
      }
    } catch (error) {
      if (
        !isUniqueViolation(error, ENTRY_KEY_INDEX) &&
        !isUniqueViolation(error, ACTIVE_HOLD_INDEX)
      ) {
        throw error
      }
    }
    // Whatever stands under the undo's key gave the points back already; a
    // write there that was rolled back since does not count.
    const { row } = await this.liveKey(manager, rollbackKey(entryId))
    return row ? entryOf(row) : null
  }

  /**
   * The entry that stands for an idempotency key: the one written under it,
   * or under its retry key once that was rolled back; null when none stands.
   */
  @InjectManager()
  async retrieveEntryByKey(
    idempotencyKey: string,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<LoyaltyEntryDTO | null> {
    assertNonEmpty("idempotencyKey", idempotencyKey)
    const manager = managerOf(sharedContext)
    const { row } = await this.liveKey(manager, idempotencyKey)
    return row ? entryOf(row) : null
  }

  /** The programme settings, stored with defaults on first read. */
  @InjectManager()
  async getSettings(
    @MedusaContext() sharedContext: Context = {}
  ): Promise<LoyaltySettingsDTO> {
    return await this.getSettings_(sharedContext)
  }

  @InjectTransactionManager()
  protected async getSettings_(
    @MedusaContext() sharedContext: Context = {}
  ): Promise<LoyaltySettingsDTO> {
    const manager = transactionManagerOf(sharedContext)
    const [stored] = await manager.execute<LoyaltySettingsDTO[]>(
      sql.SELECT_SETTINGS,
      [LOYALTY_SETTINGS_ID]
    )
    if (stored) {
      return stored
    }

    const [created] = await manager.execute<LoyaltySettingsDTO[]>(
      sql.INSERT_SETTINGS,
      [
        LOYALTY_SETTINGS_ID,
        ...settingsParams(SETTINGS_FIELDS, DEFAULT_LOYALTY_SETTINGS),
      ]
    )
    if (created) {
      return created
    }
    // Another request stored the defaults first; its row is committed now.
    const [winner] = await manager.execute<LoyaltySettingsDTO[]>(
      sql.SELECT_SETTINGS,
      [LOYALTY_SETTINGS_ID]
    )
    return winner
  }

  /**
   * What a customer's loyalty page shows, read without a transaction in one
   * round trip: account (opened on first use), 12-month spend and settings.
   */
  @InjectManager()
  async accountSummary(
    customerId: string,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{
    account: LoyaltyAccountDTO
    spend_12m: number
    settings: LoyaltySettingsDTO
  }> {
    assertNonEmpty("customerId", customerId)
    const manager = managerOf(sharedContext)
    const [row] = await manager.execute<
      {
        account: LoyaltyAccountDTO | null
        spend_12m: string | number
        settings: LoyaltySettingsDTO | null
      }[]
    >(sql.SELECT_ACCOUNT_SUMMARY, [customerId, customerId, LOYALTY_SETTINGS_ID])
    const account = row?.account
      ? {
          ...row.account,
          last_activity_at: toDate(row.account.last_activity_at),
        }
      : await this.getOrCreateAccount(customerId)
    const settings = row?.settings ?? (await this.getSettings())
    return {
      account,
      spend_12m: Math.max(
        0,
        Math.round(Number(row?.spend_12m ?? 0) * 100) / 100
      ),
      settings,
    }
  }

  /** Changes the given settings; throws `INVALID_DATA` on bad values. */
  @InjectManager()
  async updateSettings(
    data: Partial<LoyaltySettingsValues>,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<LoyaltySettingsDTO> {
    return await this.updateSettings_(data, sharedContext)
  }

  @InjectTransactionManager()
  protected async updateSettings_(
    data: Partial<LoyaltySettingsValues>,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<LoyaltySettingsDTO> {
    validateSettings(data)
    const current = await this.getSettings_(sharedContext)
    const fields = SETTINGS_FIELDS.filter((field) => data[field] !== undefined)
    if (!fields.length) {
      return current
    }

    const manager = transactionManagerOf(sharedContext)
    const [updated] = await manager.execute<LoyaltySettingsDTO[]>(
      sql.updateSettings(fields),
      [...settingsParams(fields, data), LOYALTY_SETTINGS_ID]
    )
    return updated
  }

  // The generated ledger mutators would let a caller write or remove entries
  // without moving the balance, breaking sum(points) = balance. Reads stay.

  /** Refused: ledger entries are written by credit, debit and consumeHold. */
  createLoyaltyEntries = refuseLedgerMutation

  /** Refused: the ledger is append-only. */
  updateLoyaltyEntries = refuseLedgerMutation

  /** Refused: the ledger is append-only. */
  deleteLoyaltyEntries = refuseLedgerMutation

  /** Refused: the ledger is append-only. */
  softDeleteLoyaltyEntries = refuseLedgerMutation

  /** Refused: the ledger is append-only. */
  restoreLoyaltyEntries = refuseLedgerMutation

  /**
   * The key a keyed write goes under, with the entry standing under it: its
   * own key, or, while the entry written under it has been rolled back, the
   * retry key derived from that entry. One lookup per key in the chain.
   */
  protected async liveKey(
    manager: SqlEntityManager,
    idempotencyKey: string
  ): Promise<{ key: string; row: KeyedEntryRow | null }> {
    let key = idempotencyKey
    for (;;) {
      const [row] = await manager.execute<KeyedEntryRow[]>(
        sql.SELECT_ENTRY_BY_KEY,
        [key]
      )
      if (!row?.rolled_back) {
        return { key, row: row ?? null }
      }
      key = retryKey(idempotencyKey, row.id)
    }
  }

  /**
   * The change with its idempotency key resolved by `liveKey`, and the entry
   * already standing under that key when this write repeats one.
   */
  protected async withLiveKey<T extends LedgerChange>(
    manager: SqlEntityManager,
    change: T
  ): Promise<{ change: T; standing: KeyedEntryRow | null }> {
    if (!change.idempotencyKey) {
      return { change, standing: null }
    }
    const { key, row } = await this.liveKey(manager, change.idempotencyKey)
    return {
      change:
        key === change.idempotencyKey
          ? change
          : { ...change, idempotencyKey: key },
      standing: row,
    }
  }

  /** The earlier entry of a repeated idempotent write, if this is one. */
  protected async findRepeat(
    manager: SqlEntityManager,
    change: LedgerChange,
    delta: number
  ): Promise<LoyaltyEntryDTO | null> {
    if (!change.idempotencyKey) {
      return null
    }
    const [row] = await manager.execute<KeyedEntryRow[]>(
      sql.SELECT_ENTRY_BY_KEY,
      [change.idempotencyKey]
    )
    return row ? sameChangeOrThrow(row, change, delta) : null
  }

  /** The earlier entry of a repeated capped debit, if this is one. */
  protected async findCappedRepeat(
    manager: SqlEntityManager,
    change: DebitPointsInput
  ): Promise<LoyaltyEntryDTO | null> {
    if (!change.idempotencyKey) {
      return null
    }
    const [row] = await manager.execute<KeyedEntryRow[]>(
      sql.SELECT_ENTRY_BY_KEY,
      [change.idempotencyKey]
    )
    return row ? sameCappedDebitOrThrow(row, change) : null
  }

  /** Writes one ledger change; see the module notes above for the guards. */
  protected async applyLedgerChange(
    manager: SqlEntityManager,
    change: LedgerChange,
    delta: number
  ): Promise<LoyaltyEntryDTO> {
    const key = change.idempotencyKey ?? null
    const earned = EARNING_TYPES.has(change.type) || !!change.earned
    const lifetimeDelta = earned
      ? Math.sign(delta) * (change.earnedPoints ?? change.points)
      : 0
    const metadata = change.metadata ? JSON.stringify(change.metadata) : null
    const params = [
      lifetimeDelta,
      change.customerId,
      delta,
      delta,
      generateEntityId(undefined, "lent"),
      change.type,
      delta,
      change.reason,
      change.sourceType,
      change.sourceId ?? null,
      key,
      earned,
      metadata,
      metadata,
    ]
    const written = await this.writeKeyed(
      manager,
      key,
      (em) => em.execute<LoyaltyEntryDTO[]>(sql.APPLY_LEDGER_CHANGE, params),
      () => this.findRepeat(manager, change, delta)
    )
    if (!written) {
      throw await this.insufficientPoints(
        manager,
        change.customerId,
        change.points
      )
    }
    return written
  }

  /**
   * Runs one ledger write and returns its entry, if any. Only a keyed write
   * can hit the key's unique index, so only it pays for a savepoint that
   * keeps the surrounding transaction usable; losing that race returns the
   * winner's entry.
   */
  protected async writeKeyed(
    manager: SqlEntityManager,
    key: string | null,
    write: (em: SqlEntityManager) => Promise<LoyaltyEntryDTO[]>,
    findWinner: () => Promise<LoyaltyEntryDTO | null>
  ): Promise<LoyaltyEntryDTO | undefined> {
    try {
      const [written] = key
        ? await manager.transactional(write)
        : await write(manager)
      return written
    } catch (error) {
      if (key && isUniqueViolation(error, ENTRY_KEY_INDEX)) {
        const winner = await findWinner()
        if (winner) {
          return winner
        }
      }
      throw error
    }
  }

  /** The error for a refused debit or hold, naming what is spendable. */
  protected async insufficientPoints(
    manager: SqlEntityManager,
    customerId: string,
    requested: number
  ): Promise<MedusaError> {
    const [account] = await manager.execute<{ available: number }[]>(
      sql.SELECT_AVAILABLE,
      [customerId]
    )
    return new MedusaError(
      MedusaError.Types.NOT_ALLOWED,
      `Insufficient points: requested ${requested}, available ${
        account?.available ?? 0
      }`
    )
  }
}

async function refuseLedgerMutation(): Promise<never> {
  throw new MedusaError(
    MedusaError.Types.NOT_ALLOWED,
    "Loyalty entries are append-only: use credit, debit or consumeHold"
  )
}

function withoutOwner({
  customer_id: _owner,
  ...hold
}: OwnedHoldRow): LoyaltyHoldDTO {
  return hold
}

function toDate(value: Date | string | null): Date | null {
  return value === null ? null : new Date(value)
}
