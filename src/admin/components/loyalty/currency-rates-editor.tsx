import { EditableRowsTable, type EditableColumn } from "../editable-rows-table"
import type { CurrencyRow } from "./settings-draft"

const COLUMNS: EditableColumn<CurrencyRow>[] = [
  {
    field: "currency",
    header: "Currency",
    label: "Currency code",
    placeholder: "eur",
  },
  {
    field: "points_per_unit",
    header: "Points per unit spent",
    label: "Points per unit spent",
    type: "number",
  },
  {
    field: "point_value",
    header: "Value of one point",
    label: "Value of one point",
    type: "number",
  },
]

type Props = {
  rows: CurrencyRow[]
  onChange: (rows: CurrencyRow[]) => void
}

/** Per-currency earn rate and point value, one row per currency. */
export const CurrencyRatesEditor = ({ rows, onChange }: Props) => (
  <EditableRowsTable
    rows={rows}
    columns={COLUMNS}
    emptyRow={{ currency: "", points_per_unit: "1", point_value: "" }}
    addLabel="Add currency"
    removeLabel="Remove currency"
    onChange={onChange}
  />
)
