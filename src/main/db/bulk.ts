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
  const value = (row: Partial<T>, c: (typeof columns)[number]) => {
    const v = row[c.propertyName as keyof T]
    const t = c.transformer as ValueTransformer | undefined
    return t && !Array.isArray(t) ? t.to(v) : v
  }
  await insertRows(
    manager,
    meta.tableName,
    columns.map((c) => c.databaseName),
    rows.map((r) => Object.fromEntries(columns.map((c) => [c.databaseName, value(r, c)]))),
  )
}

/** Multi-row INSERTs of plain rows keyed by column name, every value bound as a parameter. */
export async function insertRows(manager: EntityManager, table: string, columns: string[], rows: Array<Record<string, unknown>>): Promise<void> {
  const postgres = manager.connection.options.type === 'postgres'
  const names = columns.map((c) => `"${c}"`).join(', ')
  const perChunk = Math.max(1, Math.min(CHUNK, Math.floor(30000 / columns.length)))
  for (let i = 0; i < rows.length; i += perChunk) {
    const params: unknown[] = []
    const tuples = rows.slice(i, i + perChunk).map((row) => {
      const marks = columns.map((c) => {
        const v = row[c]
        params.push(v === undefined ? null : v)
        return postgres ? `$${params.length}` : '?'
      })
      return `(${marks.join(', ')})`
    })
    await manager.query(`INSERT INTO "${table}" (${names}) VALUES ${tuples.join(', ')}`, params)
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
