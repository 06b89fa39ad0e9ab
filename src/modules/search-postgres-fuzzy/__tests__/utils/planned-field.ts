import type { PlannedField } from "../../stock"

/**
 * One entry of an index plan's `fields`, as the stock provider plans a field
 * of the index definition: `type` defaults to the kind, `array` marks an
 * array field, the rest is the field's definition.
 */
export function plannedField(
  path: string,
  kind: PlannedField["kind"],
  extra: Partial<PlannedField["field"]> & { array?: boolean } = {}
): [string, PlannedField] {
  const { array, ...definition } = extra
  return [
    path,
    {
      path,
      kind,
      is_array: !!array,
      is_date: false,
      field: { type: kind, ...definition } as PlannedField["field"],
    },
  ]
}
