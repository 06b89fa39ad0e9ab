import { Trash } from "@medusajs/icons"
import { Button, IconButton, Input, Table } from "@medusajs/ui"
import type { TierRow } from "./settings-draft"

type Props = {
  rows: TierRow[]
  onChange: (rows: TierRow[]) => void
}

/** The tiers: a name, the 12-month spend that reaches it, its earn multiplier. */
export const TiersEditor = ({ rows, onChange }: Props) => {
  const update = (index: number, patch: Partial<TierRow>) =>
    onChange(rows.map((row, i) => (i === index ? { ...row, ...patch } : row)))

  return (
    <div className="flex flex-col gap-y-2">
      <Table>
        <Table.Header>
          <Table.Row>
            <Table.HeaderCell>Tier</Table.HeaderCell>
            <Table.HeaderCell>12-month spend threshold</Table.HeaderCell>
            <Table.HeaderCell>Earn multiplier</Table.HeaderCell>
            <Table.HeaderCell />
          </Table.Row>
        </Table.Header>
        <Table.Body>
          {rows.map((row, index) => (
            <Table.Row key={index}>
              <Table.Cell>
                <Input
                  size="small"
                  aria-label="Tier name"
                  value={row.name}
                  onChange={(e) => update(index, { name: e.target.value })}
                />
              </Table.Cell>
              <Table.Cell>
                <Input
                  size="small"
                  type="number"
                  aria-label="Spend threshold"
                  value={row.threshold}
                  onChange={(e) => update(index, { threshold: e.target.value })}
                />
              </Table.Cell>
              <Table.Cell>
                <Input
                  size="small"
                  type="number"
                  aria-label="Earn multiplier"
                  value={row.multiplier}
                  onChange={(e) =>
                    update(index, { multiplier: e.target.value })
                  }
                />
              </Table.Cell>
              <Table.Cell className="text-right">
                <IconButton
                  size="small"
                  variant="transparent"
                  aria-label="Remove tier"
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
            onChange([...rows, { name: "", threshold: "", multiplier: "1" }])
          }
        >
          Add tier
        </Button>
      </div>
    </div>
  )
}
