import type { Dmmf, DmmfField, DmmfModel } from "./dmmf"
import type {
  ColumnShape,
  DatabaseShape,
  ForeignKeyShape,
  IndexShape,
} from "./shape"

const ON_DELETE: Record<string, string> = {
  Cascade: "CASCADE",
  Restrict: "RESTRICT",
  NoAction: "NO ACTION",
  SetNull: "SET NULL",
  SetDefault: "SET DEFAULT",
}

const NATIVE: Record<string, (args: string[]) => string> = {
  Char: ([n]) => `char(${n})`,
  VarChar: ([n]) => `varchar(${n})`,
  Text: () => "text",
  MediumText: () => "mediumtext",
  LongText: () => "longtext",
  TinyInt: () => "tinyint",
  SmallInt: () => "smallint",
  Int: () => "int",
  UnsignedInt: () => "int unsigned",
  BigInt: () => "bigint",
  DateTime: ([p]) => `datetime(${p})`,
  Decimal: ([p, s]) => `decimal(${p},${s})`,
}

const DEFAULT_TYPES: Record<string, string> = {
  Int: "int",
  BigInt: "bigint",
  String: "varchar(191)",
  Boolean: "boolean",
  DateTime: "datetime(3)",
  Decimal: "decimal(65,30)",
  Float: "double",
  Json: "json",
}

function columnName(field: DmmfField): string {
  return field.dbName ?? field.name
}

function columnType(
  field: DmmfField,
  enums: Dmmf["datamodel"]["enums"]
): string {
  if (field.kind === "enum") {
    const values = enums.find((e) => e.name === field.type)?.values ?? []
    return `enum(${values.map((v) => `'${v.dbName ?? v.name}'`).join(",")})`
  }
  if (field.nativeType) {
    const [name, args] = field.nativeType
    const render = NATIVE[name]
    if (!render) {
      throw new Error(`No mapping for @db.${name} on ${field.name}`)
    }
    return render(args)
  }
  return DEFAULT_TYPES[field.type] ?? field.type
}

function columnDefault(field: DmmfField): string | null {
  const value = field.default
  if (!field.hasDefaultValue || value === undefined || value === null) {
    return null
  }
  if (typeof value === "object") {
    const { name } = value as { name: string }
    return name === "now" ? "current_timestamp(3)" : null
  }
  if (typeof value === "boolean") {
    return value ? "1" : "0"
  }
  return String(value)
}

function column(
  field: DmmfField,
  enums: Dmmf["datamodel"]["enums"]
): ColumnShape {
  const fn = field.default as { name?: string } | undefined
  return {
    type: columnType(field, enums),
    nullable: !field.isRequired,
    default: columnDefault(field),
    autoIncrement: fn?.name === "autoincrement",
  }
}

function tableName(model: DmmfModel): string {
  return model.dbName ?? model.name
}

/**
 * The tables a Prisma schema describes, named as Prisma names constraints:
 * `<table>_<columns>_key` / `_idx` / `_fkey`, with Prisma's default actions.
 */
export function expectedSchema(dmmf: Dmmf): DatabaseShape {
  const { models, enums, indexes } = dmmf.datamodel
  const byName = new Map(models.map((m) => [m.name, m]))
  const shape: DatabaseShape = {}

  for (const model of models) {
    const table = tableName(model)
    const fieldColumn = (name: string, owner = model) =>
      columnName(owner.fields.find((f) => f.name === name) as DmmfField)
    const columns: Record<string, ColumnShape> = {}
    for (const field of model.fields.filter((f) => f.kind !== "object")) {
      columns[columnName(field)] = column(field, enums)
    }

    let primaryKey: string[] = []
    const tableIndexes: Record<string, IndexShape> = {}
    for (const index of indexes.filter((i) => i.model === model.name)) {
      const cols = index.fields.map((f) => fieldColumn(f.name))
      if (index.type === "id") {
        primaryKey = cols
        continue
      }
      const suffix = index.type === "unique" ? "key" : "idx"
      const name = index.dbName ?? `${table}_${cols.join("_")}_${suffix}`
      tableIndexes[name] = { unique: index.type === "unique", columns: cols }
    }

    const foreignKeys: Record<string, ForeignKeyShape> = {}
    for (const field of model.fields) {
      if (field.kind !== "object" || !field.relationFromFields?.length) {
        continue
      }
      const target = byName.get(field.type) as DmmfModel
      const cols = field.relationFromFields.map((f) => fieldColumn(f))
      const action =
        field.relationOnDelete ?? (field.isRequired ? "Restrict" : "SetNull")
      foreignKeys[`${table}_${cols.join("_")}_fkey`] = {
        columns: cols,
        referencedTable: tableName(target),
        referencedColumns: (field.relationToFields ?? []).map((f) =>
          fieldColumn(f, target)
        ),
        onDelete: ON_DELETE[action],
        onUpdate: "CASCADE",
      }
    }
    shape[table] = { columns, primaryKey, indexes: tableIndexes, foreignKeys }
  }
  return shape
}
