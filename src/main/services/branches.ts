import type { z } from 'zod'
import { DomainError } from '../../shared/domain/result'
import type { branchInput } from '../../shared/api/contract'
import type { Branch, BranchWithCounts } from '../../shared/api/types'
import { BranchEntity } from '../db/entities'
import { audit, withoutTimestamps, type ServiceContext } from './context'
import { claimVersion } from './versions'

type BranchInput = z.output<typeof branchInput>

function toBranch(e: BranchEntity): Branch {
  const rest = withoutTimestamps(e)
  return { ...rest, isProjectBranch: Boolean(rest.isProjectBranch) }
}

export async function requireBranch(ctx: ServiceContext, id: number, field = 'branchId'): Promise<BranchEntity> {
  const b = await ctx.tx.findOneBy(BranchEntity, { id })
  if (!b) throw new DomainError('not_found', `No local organisation with id ${id}`, field)
  return b
}

async function checkCodeFree(ctx: ServiceContext, code: string, exceptId?: number): Promise<void> {
  const other = await ctx.tx.findOneBy(BranchEntity, { code })
  if (other && other.id !== exceptId) {
    throw new DomainError('conflict', `The code ${code} is already used by ${other.nameEn}`, 'code')
  }
}

export async function listBranches(ctx: ServiceContext): Promise<BranchWithCounts[]> {
  const rows = await ctx.sql.all<Record<string, unknown>>(
    `SELECT b.*,
      (SELECT count(*) FROM membership m WHERE m.branch_id = b.id AND m.current_status = 'active') AS active_members,
      (SELECT count(*) FROM household h WHERE h.branch_id = b.id) AS households,
      (SELECT count(*) FROM person p WHERE p.branch_id = b.id) AS persons
     FROM branch b ORDER BY b.is_project_branch DESC, b.name_en`,
  )
  return rows.map((r) => ({
    id: r.id as number,
    version: r.version as number,
    code: r.code as string,
    nameMn: r.name_mn as string,
    nameEn: r.name_en as string,
    areaCode: r.area_code as string,
    isProjectBranch: r.is_project_branch === 1,
    establishedOn: (r.established_on as string | null) ?? null,
    notes: (r.notes as string | null) ?? null,
    activeMembers: r.active_members as number,
    households: r.households as number,
    persons: r.persons as number,
  }))
}

export async function createBranch(ctx: ServiceContext, input: BranchInput): Promise<Branch> {
  await checkCodeFree(ctx, input.code)
  const saved = await ctx.tx.save(BranchEntity, ctx.tx.create(BranchEntity, { ...input, version: 1, createdAt: ctx.now, updatedAt: ctx.now }))
  const out = toBranch(saved)
  await audit(ctx, 'branch', saved.id, null, out)
  return out
}

export async function updateBranch(ctx: ServiceContext, input: { id: number; version: number; branch: BranchInput }): Promise<Branch> {
  const existing = await requireBranch(ctx, input.id, 'id')
  const before = toBranch(existing)
  const version = await claimVersion(ctx, 'branch', input.id, input.version)
  await checkCodeFree(ctx, input.branch.code, input.id)
  Object.assign(existing, input.branch, { version, updatedAt: ctx.now })
  const out = toBranch(await ctx.tx.save(BranchEntity, existing))
  await audit(ctx, 'branch', input.id, before, out)
  return out
}
