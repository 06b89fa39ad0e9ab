import { Button, Heading, Hint, Input, Label, toast } from "@medusajs/ui"
import { useState, type FormEvent } from "react"
import {
  useUpdateLoyaltySettings,
  type LoyaltySettings,
} from "../../lib/loyalty"
import { CurrencyRatesEditor } from "./currency-rates-editor"
import {
  NUMBER_FIELDS,
  blankNumberError,
  fromDraft,
  toDraft,
} from "./settings-draft"
import { TiersEditor } from "./tiers-editor"

/** Edits the programme settings; the API's validation errors show inline. */
export const SettingsForm = ({ settings }: { settings: LoyaltySettings }) => {
  const [draft, setDraft] = useState(() => toDraft(settings))
  const update = useUpdateLoyaltySettings()
  const blank = blankNumberError(draft)

  const onSubmit = (event: FormEvent) => {
    event.preventDefault()
    if (blank) {
      return
    }
    update.mutate(fromDraft(draft), {
      onSuccess: ({ settings }) => {
        setDraft(toDraft(settings))
        toast.success("Loyalty settings saved")
      },
    })
  }

  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-y-6 px-6 py-4">
      <div className="grid grid-cols-1 gap-4 md:grid-cols-2">
        {NUMBER_FIELDS.map(([field, label]) => (
          <div key={field} className="flex flex-col gap-y-1">
            <Label htmlFor={`loyalty-${field}`}>{label}</Label>
            <Input
              id={`loyalty-${field}`}
              type="number"
              step="any"
              value={draft[field]}
              onChange={(e) => setDraft({ ...draft, [field]: e.target.value })}
            />
          </div>
        ))}
      </div>
      <div className="flex flex-col gap-y-2">
        <Heading level="h3">Currencies</Heading>
        <CurrencyRatesEditor
          rows={draft.currencies}
          onChange={(currencies) => setDraft({ ...draft, currencies })}
        />
      </div>
      <div className="flex flex-col gap-y-2">
        <Heading level="h3">Tiers</Heading>
        <TiersEditor
          rows={draft.tiers}
          onChange={(tiers) => setDraft({ ...draft, tiers })}
        />
      </div>
      {(blank ?? update.error) && (
        <Hint variant="error">{blank ?? update.error?.message}</Hint>
      )}
      <div className="flex justify-end">
        <Button
          size="small"
          type="submit"
          isLoading={update.isPending}
          disabled={Boolean(blank)}
        >
          Save settings
        </Button>
      </div>
    </form>
  )
}
