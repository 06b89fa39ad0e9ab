import { Button, Table, Text, toast } from "@medusajs/ui"
import { useEndFlashSale, type FlashSale } from "../data"
import { SellThroughBar } from "./sell-through-bar"
import { SaleStatusBadge } from "./status-badge"

/** Every sale with its window, status and each item's sell-through. */
export const SalesTable = ({ sales }: { sales: FlashSale[] }) => {
  const end = useEndFlashSale()
  if (!sales.length) {
    return (
      <Text size="small" className="text-ui-fg-subtle px-6 py-4">
        No flash sales yet.
      </Text>
    )
  }
  return (
    <Table>
      <Table.Header>
        <Table.Row>
          <Table.HeaderCell>Sale</Table.HeaderCell>
          <Table.HeaderCell>Window</Table.HeaderCell>
          <Table.HeaderCell>Status</Table.HeaderCell>
          <Table.HeaderCell>Items</Table.HeaderCell>
          <Table.HeaderCell />
        </Table.Row>
      </Table.Header>
      <Table.Body>
        {sales.map((sale) => (
          <Table.Row key={sale.id}>
            <Table.Cell>{sale.title}</Table.Cell>
            <Table.Cell>
              {new Date(sale.starts_at).toLocaleString()} –{" "}
              {new Date(sale.ends_at).toLocaleString()}
            </Table.Cell>
            <Table.Cell>
              <SaleStatusBadge status={sale.status} />
            </Table.Cell>
            <Table.Cell className="min-w-64 py-2">
              <div className="flex flex-col gap-y-2">
                {sale.items.map((item) => (
                  <SellThroughBar key={item.id} item={item} />
                ))}
              </div>
            </Table.Cell>
            <Table.Cell className="text-right">
              {sale.status !== "ended" && (
                <Button
                  size="small"
                  variant="secondary"
                  isLoading={end.isPending && end.variables === sale.id}
                  onClick={() =>
                    end.mutate(sale.id, {
                      onSuccess: () => toast.success(`${sale.title} ended`),
                      onError: (error) => toast.error(error.message),
                    })
                  }
                >
                  End now
                </Button>
              )}
            </Table.Cell>
          </Table.Row>
        ))}
      </Table.Body>
    </Table>
  )
}
