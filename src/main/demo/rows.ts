import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm'
import { insertMany, syncIdSequences } from '../db/bulk'
import type { Sql } from '../db/sql'

/** What a bulk loader needs: the transaction's manager and its SQL helper (a ServiceContext has both). */
export interface LoadTarget {
  tx: EntityManager
  sql: Sql
}

/**
 * Rows of one table collected in memory with ids assigned here (so later rows
 * can refer to them), then written with multi-row inserts in one go.
 */
export class Rows<T extends ObjectLiteral> {
  readonly rows: Array<T & { id: number }> = []
  private next = 1

  constructor(
    readonly table: string,
    readonly entity: EntityTarget<T>,
  ) {}

  /** Continues after the table's highest id. */
  async start(target: LoadTarget): Promise<this> {
    this.next = (await target.sql.value<number | null>(`SELECT max(id) AS n FROM ${this.table}`)) ?? 0
    this.next += 1
    return this
  }

  /** Takes the row (no copy) and gives it the next id. */
  add(row: Omit<T, 'id' | 'version'>): number {
    const id = this.next++
    const r = row as T & { id: number }
    r.id = id
    this.rows.push(r)
    return id
  }
}

/** Writes collected rows, in the order given (parents first), and empties them. */
export async function flush(target: LoadTarget, ...tables: Array<Rows<ObjectLiteral>>): Promise<void> {
  for (const t of tables) {
    await insertMany(target.tx, t.entity, t.rows)
    t.rows.length = 0
  }
  await syncIdSequences(target.tx, target.sql.engine, tables.map((t) => t.table))
}
