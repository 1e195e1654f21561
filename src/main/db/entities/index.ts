import { Column, Entity, PrimaryGeneratedColumn, type ValueTransformer } from 'typeorm'
import { GOVERNANCE_ENTITIES } from './governance'
import { FINANCE_ENTITIES } from './finance'
import { GROUP_ENTITIES } from './groups'
import { RESULTS_ENTITIES } from './results'
import { SAVINGS_ENTITIES } from './savings'
import { LOAN_ENTITIES } from './loans'

export * from './governance'
export * from './finance'
export * from './groups'
export * from './results'
export * from './savings'
export * from './loans'

/** A yes/no stored as 0 or 1 on both engines, so hand-written SQL can sum and compare it the same way. */
export const flag: ValueTransformer = {
  to: (v: boolean | null | undefined) => (v === null || v === undefined ? v : v ? 1 : 0),
  from: (v: number | boolean | null) => (v === null ? null : v === true || v === 1),
}

/*
 * Entities map the tables created by the migrations. Column types are written
 * out so nothing depends on emitted decorator metadata.
 */

@Entity('branch')
export class BranchEntity {
  @PrimaryGeneratedColumn({ type: 'integer' }) id: number
  @Column({ type: 'text' }) code: string
  @Column({ type: 'text', name: 'name_mn' }) nameMn: string
  @Column({ type: 'text', name: 'name_en' }) nameEn: string
  @Column({ type: 'text', name: 'area_code' }) areaCode: string
  @Column({ type: 'integer', name: 'is_project_branch', transformer: flag }) isProjectBranch: boolean
  @Column({ type: 'text', name: 'established_on', nullable: true }) establishedOn: string | null
  @Column({ type: 'text', nullable: true }) notes: string | null
  /** Moves on by one with every change (see migration 0006). */
  @Column({ type: 'integer' }) version: number
  @Column({ type: 'text', name: 'created_at' }) createdAt: string
  @Column({ type: 'text', name: 'updated_at' }) updatedAt: string
}

@Entity('household')
export class HouseholdEntity {
  @PrimaryGeneratedColumn({ type: 'integer' }) id: number
  @Column({ type: 'integer', name: 'branch_id' }) branchId: number
  @Column({ type: 'integer', name: 'head_person_id', nullable: true }) headPersonId: number | null
  @Column({ type: 'integer', name: 'single_woman_headed', transformer: flag }) singleWomanHeaded: boolean
  @Column({ type: 'integer', name: 'children_count' }) childrenCount: number
  @Column({ type: 'text', name: 'area_code' }) areaCode: string
  @Column({ type: 'text', nullable: true }) soum: string | null
  @Column({ type: 'text', nullable: true }) bag: string | null
  @Column({ type: 'text', name: 'address_line', nullable: true }) addressLine: string | null
  /** When the household joined the project. */
  @Column({ type: 'text', name: 'registered_on', nullable: true }) registeredOn: string | null
  /** Moves on by one with every change (see migration 0006). */
  @Column({ type: 'integer' }) version: number
  @Column({ type: 'text', name: 'created_at' }) createdAt: string
  @Column({ type: 'text', name: 'updated_at' }) updatedAt: string
}

@Entity('person')
export class PersonEntity {
  @PrimaryGeneratedColumn({ type: 'integer' }) id: number
  @Column({ type: 'text', name: 'clan_name', nullable: true }) clanName: string | null
  @Column({ type: 'text' }) patronymic: string
  @Column({ type: 'text', name: 'given_name' }) givenName: string
  @Column({ type: 'text', name: 'latin_name', nullable: true }) latinName: string | null
  @Column({ type: 'text', name: 'register_number', nullable: true }) registerNumber: string | null
  @Column({ type: 'text' }) gender: 'female' | 'male'
  @Column({ type: 'text', name: 'birth_date', nullable: true }) birthDate: string | null
  @Column({ type: 'text', nullable: true }) phone: string | null
  @Column({ type: 'integer', name: 'branch_id' }) branchId: number
  @Column({ type: 'integer', name: 'household_id', nullable: true }) householdId: number | null
  @Column({ type: 'text', name: 'search_text' }) searchText: string
  /** Given name then patronymic in Mongolian alphabetical order. */
  @Column({ type: 'text', name: 'sort_key' }) sortKey: string
  /** Moves on by one with every change (see migration 0006). */
  @Column({ type: 'integer' }) version: number
  @Column({ type: 'text', name: 'created_at' }) createdAt: string
  @Column({ type: 'text', name: 'updated_at' }) updatedAt: string
}

@Entity('organisation')
export class OrganisationEntity {
  @PrimaryGeneratedColumn({ type: 'integer' }) id: number
  @Column({ type: 'text', name: 'name_mn' }) nameMn: string
  @Column({ type: 'text', name: 'name_en', nullable: true }) nameEn: string | null
  @Column({ type: 'text' }) kind: 'network' | 'group'
  @Column({ type: 'text', name: 'area_code' }) areaCode: string
  @Column({ type: 'text', name: 'contact_name', nullable: true }) contactName: string | null
  @Column({ type: 'text', nullable: true }) phone: string | null
  @Column({ type: 'text', name: 'created_at' }) createdAt: string
  @Column({ type: 'text', name: 'updated_at' }) updatedAt: string
}

@Entity('membership')
export class MembershipEntity {
  @PrimaryGeneratedColumn({ type: 'integer' }) id: number
  @Column({ type: 'text', name: 'member_type' }) memberType: 'person' | 'organisation'
  @Column({ type: 'integer', name: 'person_id', nullable: true }) personId: number | null
  @Column({ type: 'integer', name: 'organisation_id', nullable: true }) organisationId: number | null
  @Column({ type: 'integer', name: 'branch_id' }) branchId: number
  /** Cache of the status after the latest event; the history is the truth. */
  @Column({ type: 'text', name: 'current_status' }) currentStatus: string
  @Column({ type: 'text', name: 'created_at' }) createdAt: string
}

@Entity('membership_event')
export class MembershipEventEntity {
  @PrimaryGeneratedColumn({ type: 'integer' }) id: number
  @Column({ type: 'integer', name: 'membership_id' }) membershipId: number
  @Column({ type: 'integer' }) seq: number
  @Column({ type: 'text' }) type: string
  @Column({ type: 'text', name: 'effective_date' }) effectiveDate: string
  /** The local organisation the decision concerns: the one applied to. */
  @Column({ type: 'integer', name: 'branch_id' }) branchId: number
  @Column({ type: 'text', nullable: true }) reason: string | null
  @Column({ type: 'text', nullable: true }) reference: string | null
  @Column({ type: 'text', name: 'recorded_at' }) recordedAt: string
  @Column({ type: 'text', name: 'recorded_by' }) recordedBy: string
}

/** A person entered twice, merged into the other: appended, never rewritten. */
@Entity('person_merge')
export class PersonMergeEntity {
  @PrimaryGeneratedColumn({ type: 'integer' }) id: number
  @Column({ type: 'integer', name: 'kept_person_id' }) keptPersonId: number
  @Column({ type: 'integer', name: 'merged_person_id' }) mergedPersonId: number
  @Column({ type: 'text', name: 'merged_name' }) mergedName: string
  @Column({ type: 'text', name: 'merged_register_number', nullable: true }) mergedRegisterNumber: string | null
  @Column({ type: 'text' }) reason: string
  @Column({ type: 'text', name: 'merged_at' }) mergedAt: string
  @Column({ type: 'text', name: 'merged_by' }) mergedBy: string
}

@Entity('audit_entry')
export class AuditEntryEntity {
  @PrimaryGeneratedColumn({ type: 'integer' }) id: number
  @Column({ type: 'text' }) at: string
  @Column({ type: 'text' }) actor: string
  @Column({ type: 'text' }) operation: string
  @Column({ type: 'text', name: 'entity_type' }) entityType: string
  @Column({ type: 'integer', name: 'entity_id' }) entityId: number
  @Column({ type: 'text', name: 'before_json', nullable: true }) beforeJson: string | null
  @Column({ type: 'text', name: 'after_json', nullable: true }) afterJson: string | null
}

export const ENTITIES = [
  BranchEntity,
  HouseholdEntity,
  PersonEntity,
  OrganisationEntity,
  MembershipEntity,
  MembershipEventEntity,
  PersonMergeEntity,
  ...GOVERNANCE_ENTITIES,
  ...FINANCE_ENTITIES,
  ...GROUP_ENTITIES,
  ...RESULTS_ENTITIES,
  ...SAVINGS_ENTITIES,
  ...LOAN_ENTITIES,
  AuditEntryEntity,
]
