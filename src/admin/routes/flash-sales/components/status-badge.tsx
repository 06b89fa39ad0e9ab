import { StatusBadge } from "@medusajs/ui"
import type { FlashSale } from "../data"

const COLORS = {
  draft: "grey",
  scheduled: "blue",
  active: "green",
  ended: "red",
} as const

/** A sale's status as a coloured badge. */
export const SaleStatusBadge = ({
  status,
}: {
  status: FlashSale["status"]
}) => <StatusBadge color={COLORS[status]}>{status}</StatusBadge>
