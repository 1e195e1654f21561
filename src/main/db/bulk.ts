import type { EntityManager, EntityTarget, ObjectLiteral, ValueTransformer } from 'typeorm'

/** Rows per INSERT statement: well under SQLite's 32 766 and PostgreSQL's 65 535 bound parameters for the widest table. */
const CHUNK = 500

/**
 * Inserts many rows of an entity with multi-row INSERTs in the caller's
 * transaction (never entity-by-entity save), on either engine. The statement
 * is built from the entity's metadata (column names, value transformers) with
 * every value bound as a parameter; TypeORM's query builder does the same but
 * spends about twenty times longer building it.
 */
export async function insertMany<T extends ObjectLiteral>(manager: EntityManager, entity: EntityTarget<T>, rows: T[] | Array<Partial<T>>): Promise<void> {
  if (rows.length === 0) return
  const meta = manager.connection.getMetadata(entity)
  const columns = meta.columns.filter((c) => c.propertyName in rows[0])
  const readers = columns.map((c) => {
    const key = c.propertyName as keyof T
    const t = c.transformer as ValueTransformer | undefined
    return t && !Array.isArray(t) ? (row: Partial<T>) => t.to(row[key]) : (row: Partial<T>) => row[key]
  })
  await insertValues(manager, meta.tableName, columns.map((c) => c.databaseName), rows, (row, i) => readers[i](row))
}

/** Multi-row INSERTs of plain rows keyed by column name, every value bound as a parameter. */
export function insertRows(manager: EntityManager, table: string, columns: string[], rows: Array<Record<string, unknown>>): Promise<void> {
  return insertValues(manager, table, columns, rows, (row, i) => row[columns[i]])
}

async function insertValues<R>(manager: EntityManager, table: string, columns: string[], rows: R[], valueOf: (row: R, column: number) => unknown): Promise<void> {
  const postgres = manager.connection.options.type === 'postgres'
  const names = columns.map((c) => `"${c}"`).join(', ')
  const perChunk = Math.max(1, Math.min(CHUNK, Math.floor(30000 / columns.length)))
  // One statement text per chunk size, so the driver's prepared-statement cache serves every full chunk.
  const textFor = (n: number) => {
    let p = 0
    const tuple = () => `(${columns.map(() => (postgres ? `$${++p}` : '?')).join(', ')})`
    return `INSERT INTO "${table}" (${names}) VALUES ${Array.from({ length: n }, tuple).join(', ')}`
  }
  let fullText: string | null = null
  for (let i = 0; i < rows.length; i += perChunk) {
    const n = Math.min(perChunk, rows.length - i)
    const params: unknown[] = new Array(n * columns.length)
    let k = 0
    for (let r = i; r < i + n; r++) {
      for (let c = 0; c < columns.length; c++) {
        const v = valueOf(rows[r], c)
        params[k++] = v === undefined ? null : v
      }
    }
    const text = n === perChunk ? (fullText ??= textFor(n)) : textFor(n)
    await manager.query(text, params)
  }
}

/**
 * After rows were inserted with ids chosen by the caller (bulk loads), moves
 * PostgreSQL's id sequences past them; SQLite does this by itself.
 */
export async function syncIdSequences(manager: EntityManager, engine: 'sqlite' | 'postgres', tables: string[]): Promise<void> {
  if (engine !== 'postgres') return
  for (const t of tables) {
    await manager.query(`SELECT setval(pg_get_serial_sequence('${t}', 'id'), coalesce((SELECT max(id) FROM ${t}), 0) + 1, false)`)
  }
}
