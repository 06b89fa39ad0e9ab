import { Trash } from "@medusajs/icons"
import { Button, IconButton, Input, Table } from "@medusajs/ui"
import type { CurrencyRow } from "./settings-draft"

type Props = {
  rows: CurrencyRow[]
  onChange: (rows: CurrencyRow[]) => void
}

/** Per-currency earn rate and point value, one row per currency. */
export const CurrencyRatesEditor = ({ rows, onChange }: Props) => {
  const update = (index: number, patch: Partial<CurrencyRow>) =>
    onChange(rows.map((row, i) => (i === index ? { ...row, ...patch } : row)))

  return (
    <div className="flex flex-col gap-y-2">
      <Table>
        <Table.Header>
          <Table.Row>
            <Table.HeaderCell>Currency</Table.HeaderCell>
            <Table.HeaderCell>Points per unit spent</Table.HeaderCell>
            <Table.HeaderCell>Value of one point</Table.HeaderCell>
            <Table.HeaderCell />
          </Table.Row>
        </Table.Header>
        <Table.Body>
          {rows.map((row, index) => (
            <Table.Row key={index}>
              <Table.Cell>
                <Input
                  size="small"
                  aria-label="Currency code"
                  placeholder="eur"
                  value={row.currency}
                  onChange={(e) => update(index, { currency: e.target.value })}
                />
              </Table.Cell>
              <Table.Cell>
                <Input
                  size="small"
                  type="number"
                  aria-label="Points per unit spent"
                  value={row.points_per_unit}
                  onChange={(e) =>
                    update(index, { points_per_unit: e.target.value })
                  }
                />
              </Table.Cell>
              <Table.Cell>
                <Input
                  size="small"
                  type="number"
                  aria-label="Value of one point"
                  value={row.point_value}
                  onChange={(e) =>
                    update(index, { point_value: e.target.value })
                  }
                />
              </Table.Cell>
              <Table.Cell className="text-right">
                <IconButton
                  size="small"
                  variant="transparent"
                  aria-label="Remove currency"
                  onClick={() => onChange(rows.filter((_, i) => i !== index))}
                >
                  <Trash />
                </IconButton>
              </Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
      <div>
        <Button
          size="small"
          variant="secondary"
          type="button"
          onClick={() =>
            onChange([
              ...rows,
              { currency: "", points_per_unit: "1", point_value: "" },
            ])
          }
        >
          Add currency
        </Button>
      </div>
    </div>
  )
}
