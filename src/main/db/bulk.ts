import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm'

/** Rows per INSERT statement: well under SQLite's 32 766 bound parameters for the widest table. */
const CHUNK = 500

/**
 * Inserts many rows with multi-row query-builder INSERTs in the caller's
 * transaction (never entity-by-entity save), on either engine.
 */
export async function insertMany<T extends ObjectLiteral>(manager: EntityManager, entity: EntityTarget<T>, rows: T[] | Array<Partial<T>>): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) {
    await manager
      .createQueryBuilder()
      .insert()
      .into(entity)
      .values(rows.slice(i, i + CHUNK) as never)
      // The ids are not read back: a bulk path that needs them assigns them itself.
      .updateEntity(false)
      .execute()
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
