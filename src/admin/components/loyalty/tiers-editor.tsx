import { EditableRowsTable, type EditableColumn } from "../editable-rows-table"
import type { TierRow } from "./settings-draft"

const COLUMNS: EditableColumn<TierRow>[] = [
  { field: "name", header: "Tier", label: "Tier name" },
  {
    field: "threshold",
    header: "12-month spend threshold",
    label: "Spend threshold",
    type: "number",
  },
  {
    field: "multiplier",
    header: "Earn multiplier",
    label: "Earn multiplier",
    type: "number",
  },
]

type Props = {
  rows: TierRow[]
  onChange: (rows: TierRow[]) => void
}

/** The tiers: a name, the 12-month spend that reaches it, its earn multiplier. */
export const TiersEditor = ({ rows, onChange }: Props) => (
  <EditableRowsTable
    rows={rows}
    columns={COLUMNS}
    emptyRow={{ name: "", threshold: "", multiplier: "1" }}
    addLabel="Add tier"
    removeLabel="Remove tier"
    onChange={onChange}
  />
)
