import { readFileSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { messageRef } from '../shared/i18n/issues'
import { CATALOGUES } from '../shared/i18n'

/*
 * Every refusal the backend can give is said in the user's language: each
 * `new DomainError(...)` in the main process either names its sentence
 * (`{ key: ... }`) or has a message that a pattern of shared/i18n/issues.ts
 * turns into one. A new refusal written without either fails here.
 */

const root = join(__dirname)
const sources = (dir: string): string[] =>
  readdirSync(dir).flatMap((f) => {
    const p = join(dir, f)
    return statSync(p).isDirectory() ? sources(p) : p.endsWith('.ts') && !p.endsWith('.test.ts') ? [p] : []
  })

/** The text of each `new DomainError(...)` call, parentheses balanced. */
function calls(text: string): string[] {
  const out: string[] = []
  for (let at = text.indexOf('new DomainError('); at >= 0; at = text.indexOf('new DomainError(', at + 1)) {
    let depth = 0
    let i = at + 'new DomainError'.length
    for (; i < text.length; i++) {
      if (text[i] === '(') depth++
      else if (text[i] === ')' && --depth === 0) break
    }
    out.push(text.slice(at, i + 1))
  }
  return out
}

/** The call's arguments at the top level (strings and templates emptied first, so their commas do not count). */
function argumentCount(call: string): number {
  const inner = call
    .slice(call.indexOf('(') + 1, -1)
    .replace(/`(?:[^`\\]|\\.)*`/g, '``')
    .replace(/'(?:[^'\\]|\\.)*'/g, "''")
  let depth = 0
  let count = inner.trim() ? 1 : 0
  for (const c of inner) {
    if ('([{'.includes(c)) depth++
    else if (')]}'.includes(c)) depth--
    else if (c === ',' && depth === 0) count++
  }
  return inner.trim().endsWith(',') ? count - 1 : count
}

/** Sample values for the message's placeholders: a number, a name, a date, a word. */
const FILLERS = ['1', 'Х', '2008-01-01', 'member', 'local', 'Дорноговь', '']

describe('refusals in the user language', () => {
  it('every refusal of the main process has a sentence in the catalogues', () => {
    const unsaid: string[] = []
    for (const file of sources(root)) {
      for (const call of calls(readFileSync(file, 'utf8'))) {
        if (argumentCount(call) >= 4) continue // names its sentence
        const m = /new DomainError\(\s*'[a-z_]+',\s*(?:'((?:[^'\\]|\\.)*)'|`([^`]*)`|(\w+(?:\.\w+)*))/.exec(call)
        if (!m) continue
        if (m[3]) continue // a message passed on from elsewhere (e.g. a keyed error's own message)
        const message = (m[1] ?? m[2]!).replace(/\\'/g, "'")
        if (FILLERS.some((x) => messageRef(message.replace(/\$\{[^}]*\}/g, x)))) continue
        unsaid.push(`${file.slice(root.length + 1)}: ${message}`)
      }
    }
    expect(unsaid).toEqual([])
  })

  it('every sentence a refusal names is in both catalogues', () => {
    const missing: string[] = []
    for (const file of sources(root)) {
      for (const m of readFileSync(file, 'utf8').matchAll(/\bkey: '((?:r|imp|v)\.[\w.]+)'/g)) {
        if (!(m[1]! in CATALOGUES.en) || !(m[1]! in CATALOGUES.mn)) missing.push(`${file.slice(root.length + 1)}: ${m[1]}`)
      }
    }
    expect(missing).toEqual([])
  })
})
