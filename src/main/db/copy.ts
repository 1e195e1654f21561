import { createHash } from 'node:crypto'
import type { EntityManager } from 'typeorm'
import { ENTITIES } from './entities'
import { insertRows, syncIdSequences } from './bulk'
import type { OpenDatabase } from './types'

/*
 * Moves a whole database from one engine or place to another (the desktop
 * file to a new shared server, or the server back to a portable file):
 * every table in the order its references need, in one transaction on the
 * target, then each table's row count and checksum compared on both sides
 * before the commit. All or nothing; a target that holds data is refused.
 */

export interface TableCopy {
  table: string
  rows: number
  checksum: string
}

export class CopyRefused extends Error {}

interface TableInfo {
  table: string
  columns: string[]
  key: string[]
}

function tablesOf(db: OpenDatabase): TableInfo[] {
  return ENTITIES.map((e) => {
    const meta = db.dataSource.getMetadata(e)
    return { table: meta.tableName, columns: meta.columns.map((c) => c.databaseName), key: meta.primaryColumns.map((c) => c.databaseName) }
  })
}

const CHUNK = 2000

/** Rows the migrations put into every new database (the source's partner list): the source's own rows replace them. */
const SEEDED = new Set(['partner'])

async function* rowsOf(manager: EntityManager, t: TableInfo): AsyncGenerator<Array<Record<string, unknown>>> {
  const cols = t.columns.map((c) => `"${c}"`).join(', ')
  const order = t.key.map((c) => `"${c}"`).join(', ')
  for (let offset = 0; ; offset += CHUNK) {
    const rows = (await manager.query(`SELECT ${cols} FROM "${t.table}" ORDER BY ${order} LIMIT ${CHUNK} OFFSET ${offset}`)) as Array<Record<string, unknown>>
    if (rows.length) yield rows
    if (rows.length < CHUNK) return
  }
}

/** The same value from either engine: integers as numbers, flags as 0/1, text as text. */
function canonical(v: unknown): unknown {
  if (v === null || v === undefined) return null
  if (typeof v === 'boolean') return v ? 1 : 0
  if (typeof v === 'bigint') return Number(v)
  return v
}

async function checksum(manager: EntityManager, t: TableInfo): Promise<{ rows: number; checksum: string }> {
  const hash = createHash('sha256')
  let rows = 0
  for await (const chunk of rowsOf(manager, t)) {
    for (const r of chunk) {
      hash.update(JSON.stringify(t.columns.map((c) => canonical(r[c]))))
      hash.update('\n')
      rows++
    }
  }
  return { rows, checksum: hash.digest('hex').slice(0, 16) }
}

/**
 * Copies every table of `from` into the empty `to` and proves it: row counts
 * and checksums equal. With `replace` (restoring a backup onto a server) the
 * target's rows are removed first, in the same transaction.
 */
export async function copyDatabase(from: OpenDatabase, to: OpenDatabase, onTable?: (t: TableCopy) => void, opts: { replace?: boolean } = {}): Promise<TableCopy[]> {
  const tables = tablesOf(from)
  return to.write(async (target) => {
    if (opts.replace) {
      if (to.engine !== 'postgres') throw new Error('Replacing is for a server; a SQLite file is restored by replacing the file')
      await target.query(`TRUNCATE ${tables.map((t) => `"${t.table}"`).join(', ')} RESTART IDENTITY CASCADE`)
    }
    const held: string[] = []
    for (const t of tables) {
      if (SEEDED.has(t.table)) continue
      const n = Number(((await target.query(`SELECT count(*) AS n FROM "${t.table}"`)) as Array<{ n: number | string }>)[0].n)
      if (n > 0) held.push(`${t.table} (${n})`)
    }
    if (held.length) throw new CopyRefused(`The target already holds data (${held.slice(0, 4).join(', ')}${held.length > 4 ? ', …' : ''}); copy only into an empty database. Nothing was copied.`)
    for (const t of tables) if (SEEDED.has(t.table)) await target.query(`DELETE FROM "${t.table}"`)
    const result: TableCopy[] = []
    await from.read(async (source) => {
      // A household's head is a person copied after it: the heads are set once the persons are in
      // (as deferred references SQLite would recheck them on every person inserted).
      const heads: Array<[number, number]> = []
      for (const t of tables) {
        for await (const chunk of rowsOf(source, t)) {
          const rows = chunk.map((r) => {
            if (t.table !== 'household' || r.head_person_id === null) return r
            heads.push([Number(r.id), Number(r.head_person_id)])
            return { ...r, head_person_id: null }
          })
          await insertRows(target, t.table, t.columns, rows)
        }
        if (t.table === 'person') await setHeads(target, heads)
      }
      await syncIdSequences(target, to.engine, tables.filter((t) => t.key.length === 1 && t.key[0] === 'id').map((t) => t.table))
      // Fresh statistics for the server's planner after a bulk copy (autovacuum would gather them only later).
      if (to.engine === 'postgres') await target.query('ANALYZE')
      for (const t of tables) {
        const [a, b] = [await checksum(source, t), await checksum(target, t)]
        if (a.rows !== b.rows || a.checksum !== b.checksum) {
          throw new Error(`The copy of ${t.table} does not match the source (${a.rows} rows ${a.checksum}, copied ${b.rows} rows ${b.checksum}); nothing was copied.`)
        }
        const done = { table: t.table, rows: a.rows, checksum: a.checksum }
        result.push(done)
        onTable?.(done)
      }
    })
    return result
  })
}

async function setHeads(manager: EntityManager, heads: Array<[number, number]>): Promise<void> {
  const postgres = manager.connection.options.type === 'postgres'
  for (let i = 0; i < heads.length; i += 500) {
    const part = heads.slice(i, i + 500)
    const params: unknown[] = []
    const mark = () => (postgres ? `$${params.length}` : '?')
    const cases = part
      .map(([id, head]) => {
        params.push(id)
        const a = mark()
        params.push(head)
        return `WHEN ${a} THEN CAST(${mark()} AS INTEGER)`
      })
      .join(' ')
    const ids = part.map(([id]) => {
      params.push(id)
      return mark()
    })
    await manager.query(`UPDATE household SET head_person_id = CASE id ${cases} END WHERE id IN (${ids.join(', ')})`, params)
  }
}
