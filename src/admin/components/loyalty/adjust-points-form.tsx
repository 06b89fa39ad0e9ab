import { Button, Hint, Input, Label, toast } from "@medusajs/ui"
import { useState, type FormEvent } from "react"
import { useAdjustLoyaltyPoints } from "../../lib/loyalty"

/** Credits or debits a customer's points by hand; a reason is required. */
export const AdjustPointsForm = ({
  customerId,
  onAdjusted,
}: {
  customerId: string
  onAdjusted?: () => void
}) => {
  const [points, setPoints] = useState("")
  const [reason, setReason] = useState("")
  const adjust = useAdjustLoyaltyPoints(customerId)

  const onSubmit = (event: FormEvent) => {
    event.preventDefault()
    adjust.mutate(
      { points: Number(points), reason },
      {
        onSuccess: ({ entry }) => {
          toast.success(`Adjusted by ${entry.points} points`)
          setPoints("")
          setReason("")
          onAdjusted?.()
        },
      }
    )
  }

  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-y-3 px-6 py-4">
      <div className="grid grid-cols-1 gap-3 md:grid-cols-[10rem_1fr]">
        <div className="flex flex-col gap-y-1">
          <Label htmlFor="loyalty-adjust-points">Points</Label>
          <Input
            id="loyalty-adjust-points"
            type="number"
            step={1}
            placeholder="e.g. 100 or -50"
            value={points}
            onChange={(event) => setPoints(event.target.value)}
            required
          />
        </div>
        <div className="flex flex-col gap-y-1">
          <Label htmlFor="loyalty-adjust-reason">Reason</Label>
          <Input
            id="loyalty-adjust-reason"
            placeholder="Shown in the customer's history"
            value={reason}
            onChange={(event) => setReason(event.target.value)}
            required
          />
        </div>
      </div>
      {adjust.error && <Hint variant="error">{adjust.error.message}</Hint>}
      <div className="flex justify-end">
        <Button
          size="small"
          type="submit"
          isLoading={adjust.isPending}
          disabled={!points || !reason.trim()}
        >
          Apply adjustment
        </Button>
      </div>
    </form>
  )
}
