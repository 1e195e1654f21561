import { describe, expect, it } from 'vitest'
import { OPERATION_NAME_LIST } from '../../shared/api/operationNames'
import { staleAfter } from './query'

describe('what a write makes stale', () => {
  it('a fee payment: the fees, the members, the assemblies, the dashboard and the audit trail, not the budget', () => {
    const stale = staleAfter('fees.pay')
    expect(stale).toEqual(expect.arrayContaining(['fees', 'members', 'assemblies', 'dashboard', 'audit']))
    expect(stale).not.toContain('budget')
    expect(stale).not.toContain('branches')
  })

  it('renaming a branch: every list that shows a branch name', () => {
    expect(staleAfter('branches.update')).toEqual(expect.arrayContaining(['branches', 'persons', 'households', 'members', 'fees', 'boards', 'assemblies']))
  })

  it('an expense: the ledger, budget against actual and the funds, not the register', () => {
    const stale = staleAfter('expenses.create')
    expect(stale).toEqual(expect.arrayContaining(['expenses', 'finance', 'funds']))
    expect(stale).not.toContain('persons')
  })

  it('loading the demo or restoring a backup: everything', () => {
    expect(staleAfter('demo.load')).toEqual(['*'])
    expect(staleAfter('backups.restore')).toEqual(['*'])
  })

  it('every area a write names is an area some read belongs to', () => {
    const areas = new Set(OPERATION_NAME_LIST.map((op) => op.split('.')[0]))
    for (const op of OPERATION_NAME_LIST) for (const area of staleAfter(op)) if (area !== '*') expect(areas).toContain(area)
  })
})
