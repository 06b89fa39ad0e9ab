/** A column as compared: type in a MySQL-flavour-neutral spelling. */
export type ColumnShape = {
  type: string
  nullable: boolean
  default: string | null
  autoIncrement: boolean
}

export type IndexShape = { unique: boolean; columns: string[] }

export type ForeignKeyShape = {
  columns: string[]
  referencedTable: string
  referencedColumns: string[]
  onDelete: string
  onUpdate: string
}

export type TableShape = {
  columns: Record<string, ColumnShape>
  primaryKey: string[]
  indexes: Record<string, IndexShape>
  foreignKeys: Record<string, ForeignKeyShape>
}

/** Tables by name: what a database holds, or what a Prisma schema asks for. */
export type DatabaseShape = Record<string, TableShape>
