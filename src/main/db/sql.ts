import type { EntityManager, QueryRunner } from 'typeorm'

/*
 * Hand-written SQL, the one way: text with named parameters (`:year`,
 * `:ids` for a list), which this helper turns into the engine's placeholders
 * (`?` for SQLite, `$1` for PostgreSQL) so the driver escapes every value.
 * The text is written in the SQL both engines share (quoted camelCase aliases,
 * `coalesce`, `CASE`, no `ifnull`, `group_concat` or boolean arithmetic).
 */

export type Engine = 'sqlite' | 'postgres'
export type Params = Record<string, unknown>

export interface Sql {
  readonly engine: Engine
  /** Every row. */
  all<T>(text: string, params?: Params): Promise<T[]>
  /** The first row, or undefined. */
  one<T>(text: string, params?: Params): Promise<T | undefined>
  /** The first column of the first row (a count, a sum); a missing row is an error. */
  value<T = number>(text: string, params?: Params): Promise<T>
  /** The first column of every row. */
  column<T = number>(text: string, params?: Params): Promise<T[]>
  /** An INSERT, UPDATE or DELETE: the number of rows it changed. */
  run(text: string, params?: Params): Promise<number>
  /** An INSERT ... RETURNING id: the new row's id. */
  insert(text: string, params?: Params): Promise<number>
}

export interface Compiled {
  text: string
  values: unknown[]
}

/**
 * Replaces `:name` outside string literals and quoted identifiers with the
 * engine's placeholders; an array value expands to a list (`(:ids)` ->
 * `(?, ?, ?)`; an empty list becomes `NULL`, which matches nothing).
 * PostgreSQL casts (`::int`) are left alone. A name without a value is an error.
 */
export function compile(engine: Engine, text: string, params: Params = {}): Compiled {
  const values: unknown[] = []
  const positions = new Map<string, string>()
  let out = ''
  let i = 0
  const placeholder = (value: unknown) => {
    values.push(typeof value === 'boolean' ? (value ? 1 : 0) : value)
    return engine === 'sqlite' ? '?' : `$${values.length}`
  }
  while (i < text.length) {
    const c = text[i]
    if (c === "'" || c === '"') {
      const end = text.indexOf(c, i + 1)
      const stop = end === -1 ? text.length : end + 1
      out += text.slice(i, stop)
      i = stop
      continue
    }
    if (c === ':' && text[i + 1] === ':') {
      out += '::'
      i += 2
      continue
    }
    if (c === ':' && /[A-Za-z_]/.test(text[i + 1] ?? '')) {
      const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(text.slice(i + 1))!
      const name = m[0]
      if (!(name in params)) throw new Error(`SQL parameter :${name} has no value`)
      const v = params[name]
      if (Array.isArray(v)) {
        out += v.length ? v.map((x) => placeholder(x)).join(', ') : 'NULL'
      } else if (engine === 'postgres' && positions.has(name)) {
        out += positions.get(name)
      } else {
        const p = placeholder(v)
        if (engine === 'postgres') positions.set(name, p)
        out += p
      }
      i += 1 + name.length
      continue
    }
    out += c
    i++
  }
  return { text: out, values }
}

interface Structured {
  records?: unknown[]
  raw?: unknown
  affected?: number
}

/** The SQL helper over a manager (the dispatcher's transaction, or the shared read manager). */
export function sqlFor(manager: EntityManager, engine: Engine): Sql {
  async function exec(text: string, params?: Params): Promise<Structured> {
    const { text: q, values } = compile(engine, text, params)
    const runner: QueryRunner | undefined = manager.queryRunner
    if (runner && !runner.isReleased) return (await runner.query(q, values, true)) as Structured
    const own = manager.connection.createQueryRunner()
    try {
      return (await own.query(q, values, true)) as Structured
    } finally {
      // SQLite has one shared runner; a PostgreSQL runner goes back to the pool.
      if (engine === 'postgres') await own.release()
    }
  }
  const rows = async <T>(text: string, params?: Params) => ((await exec(text, params)).records ?? []) as T[]
  return {
    engine,
    all: rows,
    async one<T>(text: string, params?: Params) {
      return (await rows<T>(text, params))[0]
    },
    async value<T>(text: string, params?: Params) {
      const row = (await rows<Record<string, unknown>>(text, params))[0]
      if (!row) throw new Error('The query returned no row')
      return Object.values(row)[0] as T
    },
    async column<T>(text: string, params?: Params) {
      return (await rows<Record<string, unknown>>(text, params)).map((r) => Object.values(r)[0] as T)
    },
    async run(text: string, params?: Params) {
      return (await exec(text, params)).affected ?? 0
    },
    async insert(text: string, params?: Params) {
      const row = (await rows<{ id: number | string }>(text, params))[0]
      if (!row) throw new Error('The insert returned no id (it needs RETURNING id)')
      return Number(row.id)
    },
  }
}
