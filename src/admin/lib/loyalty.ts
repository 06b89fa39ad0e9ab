import {
  keepPreviousData,
  useMutation,
  useQuery,
  useQueryClient,
} from "@tanstack/react-query"
import type { LoyaltySettingsValues as LoyaltySettings } from "../../modules/loyalty/types"
import { sdk } from "./sdk"

/** A customer's points account as the admin API returns it. */
export type LoyaltyAccount = {
  id: string | null
  customer_id: string
  balance: number
  held: number
  available: number
  tier: string
  lifetime_earned: number
  referral_code: string | null
}

/** One ledger line as the admin API returns it. */
export type LoyaltyEntry = {
  id: string
  type: string
  points: number
  balance_after: number
  reason: string
  source_type: string
  source_id: string | null
  created_at: string
}

/** The editable programme settings, as the module defines them. */
export type { LoyaltySettings }

/** What the unspent points are worth. */
export type LoyaltyLiability = {
  outstanding_points: number
  accounts: number
  by_currency: Record<string, { point_value: number; liability: number }>
}

/** Where the ledger CSV is downloaded from (same origin as the dashboard). */
export const LEDGER_EXPORT_URL = "/admin/loyalty/ledger/export"

const keys = {
  customer: (customerId: string) => ["loyalty", "customer", customerId],
  entries: (customerId: string, offset: number, limit: number) => [
    "loyalty",
    "customer",
    customerId,
    "entries",
    { offset, limit },
  ],
  settings: ["loyalty", "settings"],
  liability: ["loyalty", "liability"],
}

/** A customer's points account; `useLoyaltyEntries` pages the ledger. */
export function useCustomerLoyalty(customerId: string) {
  return useQuery({
    queryKey: keys.customer(customerId),
    queryFn: () =>
      sdk.client.fetch<{ account: LoyaltyAccount }>(
        `/admin/customers/${customerId}/loyalty`
      ),
  })
}

/** One page of a customer's ledger, newest first, with the total count. */
export function useLoyaltyEntries(
  customerId: string,
  offset: number,
  limit: number
) {
  return useQuery({
    queryKey: keys.entries(customerId, offset, limit),
    queryFn: () =>
      sdk.client.fetch<{
        entries: LoyaltyEntry[]
        count: number
        limit: number
        offset: number
      }>(`/admin/customers/${customerId}/loyalty/entries`, {
        query: { offset, limit },
      }),
    // Keeps the current page on screen while the next one loads.
    placeholderData: keepPreviousData,
  })
}

/** Credits (positive) or debits (negative) a customer's points. */
export function useAdjustLoyaltyPoints(customerId: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (body: { points: number; reason: string }) =>
      sdk.client.fetch<{ entry: LoyaltyEntry; account: LoyaltyAccount }>(
        `/admin/customers/${customerId}/loyalty/adjustments`,
        { method: "POST", body }
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["loyalty"] }),
  })
}

/** The programme settings. */
export function useLoyaltySettings() {
  return useQuery({
    queryKey: keys.settings,
    queryFn: () =>
      sdk.client.fetch<{ settings: LoyaltySettings }>(
        "/admin/loyalty/settings"
      ),
  })
}

/** Saves some or all of the programme settings. */
export function useUpdateLoyaltySettings() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (body: Partial<LoyaltySettings>) =>
      sdk.client.fetch<{ settings: LoyaltySettings }>(
        "/admin/loyalty/settings",
        { method: "POST", body }
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["loyalty"] }),
  })
}

/** The outstanding points and their value per currency. */
export function useLoyaltyLiability() {
  return useQuery({
    queryKey: keys.liability,
    queryFn: () =>
      sdk.client.fetch<LoyaltyLiability>("/admin/loyalty/liability"),
  })
}
