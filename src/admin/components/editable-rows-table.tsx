import { Trash } from "@medusajs/icons"
import { Button, IconButton, Input, Table } from "@medusajs/ui"

/** One editable column: which string field of the row it edits and how. */
export type EditableColumn<Row> = {
  field: keyof Row & string
  header: string
  label: string
  type?: "text" | "number"
  placeholder?: string
}

type Props<Row extends Record<string, string>> = {
  rows: Row[]
  columns: EditableColumn<Row>[]
  emptyRow: Row
  addLabel: string
  removeLabel: string
  onChange: (rows: Row[]) => void
}

/** A table of text inputs whose rows can be added and removed. */
export const EditableRowsTable = <Row extends Record<string, string>>({
  rows,
  columns,
  emptyRow,
  addLabel,
  removeLabel,
  onChange,
}: Props<Row>) => {
  const update = (index: number, field: keyof Row, value: string) =>
    onChange(
      rows.map((row, i) => (i === index ? { ...row, [field]: value } : row))
    )

  return (
    <div className="flex flex-col gap-y-2">
      <Table>
        <Table.Header>
          <Table.Row>
            {columns.map((column) => (
              <Table.HeaderCell key={column.field}>
                {column.header}
              </Table.HeaderCell>
            ))}
            <Table.HeaderCell />
          </Table.Row>
        </Table.Header>
        <Table.Body>
          {rows.map((row, index) => (
            <Table.Row key={index}>
              {columns.map((column) => (
                <Table.Cell key={column.field}>
                  <Input
                    size="small"
                    type={column.type ?? "text"}
                    aria-label={column.label}
                    placeholder={column.placeholder}
                    value={row[column.field]}
                    onChange={(e) =>
                      update(index, column.field, e.target.value)
                    }
                  />
                </Table.Cell>
              ))}
              <Table.Cell className="text-right">
                <IconButton
                  type="button"
                  size="small"
                  variant="transparent"
                  aria-label={removeLabel}
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
          onClick={() => onChange([...rows, { ...emptyRow }])}
        >
          {addLabel}
        </Button>
      </div>
    </div>
  )
}
