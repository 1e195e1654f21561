import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm'

@Entity('assembly')
export class AssemblyEntity {
  @PrimaryGeneratedColumn({ type: 'integer' }) id: number
  @Column({ type: 'text' }) kind: 'local' | 'general'
  @Column({ type: 'integer', name: 'branch_id', nullable: true }) branchId: number | null
  @Column({ type: 'integer' }) year: number
  @Column({ type: 'text', name: 'held_on' }) heldOn: string
  @Column({ type: 'text', nullable: true }) place: string | null
  @Column({ type: 'integer', name: 'members_present' }) membersPresent: number
  @Column({ type: 'integer', name: 'quorum_percent' }) quorumPercent: number
  @Column({ type: 'integer', name: 'quorum_strict' }) quorumStrict: number
  @Column({ type: 'text', nullable: true }) decisions: string | null
  @Column({ type: 'text', nullable: true }) minutes: string | null
  @Column({ type: 'integer' }) version: number
  @Column({ type: 'text', name: 'created_at' }) createdAt: string
  @Column({ type: 'text', name: 'updated_at' }) updatedAt: string
  /** 1: members present is the count of the attendance list below. */
  @Column({ type: 'integer', name: 'attendance_listed', default: 0 }) attendanceListed: number
}

@Entity('assembly_attendance')
export class AssemblyAttendanceEntity {
  @PrimaryGeneratedColumn({ type: 'integer' }) id: number
  @Column({ type: 'integer', name: 'assembly_id' }) assemblyId: number
  @Column({ type: 'integer', name: 'membership_id' }) membershipId: number
}

/** A recorded correction of an assembly record or a fee decision: appended, never rewritten. */
@Entity('correction')
export class CorrectionEntity {
  @PrimaryGeneratedColumn({ type: 'integer' }) id: number
  @Column({ type: 'text', name: 'entity_type' }) entityType: string
  @Column({ type: 'integer', name: 'entity_id' }) entityId: number
  @Column({ type: 'integer', name: 'assembly_id' }) assemblyId: number
  @Column({ type: 'text' }) field: string
  @Column({ type: 'text', name: 'old_value', nullable: true }) oldValue: string | null
  @Column({ type: 'text', name: 'new_value', nullable: true }) newValue: string | null
  @Column({ type: 'text' }) reason: string
  @Column({ type: 'text', name: 'corrected_at' }) correctedAt: string
  @Column({ type: 'text', name: 'corrected_by' }) correctedBy: string
}

@Entity('fee_decision')
export class FeeDecisionEntity {
  @PrimaryGeneratedColumn({ type: 'integer' }) id: number
  @Column({ type: 'integer', name: 'assembly_id' }) assemblyId: number
  @Column({ type: 'text' }) kind: 'local' | 'central'
  @Column({ type: 'integer', name: 'branch_id', nullable: true }) branchId: number | null
  @Column({ type: 'integer' }) year: number
  @Column({ type: 'bigint', name: 'amount_minor' }) amountMinor: number
  @Column({ type: 'text' }) currency: string
  @Column({ type: 'bigint', name: 'minimum_minor', nullable: true }) minimumMinor: number | null
  @Column({ type: 'text', name: 'reference_date', nullable: true }) referenceDate: string | null
  @Column({ type: 'text', name: 'created_at' }) createdAt: string
}

@Entity('fee_payment')
export class FeePaymentEntity {
  @PrimaryGeneratedColumn({ type: 'integer' }) id: number
  @Column({ type: 'text' }) kind: 'member' | 'branch'
  @Column({ type: 'integer' }) year: number
  @Column({ type: 'integer', name: 'branch_id' }) branchId: number
  @Column({ type: 'integer', name: 'membership_id', nullable: true }) membershipId: number | null
  @Column({ type: 'text', name: 'paid_on' }) paidOn: string
  @Column({ type: 'bigint', name: 'amount_minor' }) amountMinor: number
  @Column({ type: 'text' }) currency: string
  @Column({ type: 'text', name: 'receipt_number' }) receiptNumber: string
  @Column({ type: 'text', nullable: true }) payer: string | null
  @Column({ type: 'text', nullable: true }) note: string | null
  @Column({ type: 'text', name: 'created_at' }) createdAt: string
  /** Voided: when (UTC), by whom and why; a voided entry counts nowhere. */
  @Column({ type: 'text', name: 'voided_at', nullable: true }) voidedAt: string | null
  @Column({ type: 'text', name: 'voided_by', nullable: true }) voidedBy: string | null
  @Column({ type: 'text', name: 'void_reason', nullable: true }) voidReason: string | null
}

@Entity('election')
export class ElectionEntity {
  @PrimaryGeneratedColumn({ type: 'integer' }) id: number
  @Column({ type: 'integer', name: 'assembly_id' }) assemblyId: number
  @Column({ type: 'integer' }) seats: number
  @Column({ type: 'text', name: 'tie_resolution', nullable: true }) tieResolution: string | null
  @Column({ type: 'text', name: 'created_at' }) createdAt: string
}

@Entity('candidate')
export class CandidateEntity {
  @PrimaryGeneratedColumn({ type: 'integer' }) id: number
  @Column({ type: 'integer', name: 'election_id' }) electionId: number
  @Column({ type: 'integer', name: 'membership_id' }) membershipId: number
  @Column({ type: 'integer' }) votes: number
  @Column({ type: 'integer' }) elected: number
  @Column({ type: 'text', nullable: true }) role: string | null
}

export const GOVERNANCE_ENTITIES = [AssemblyEntity, AssemblyAttendanceEntity, FeeDecisionEntity, FeePaymentEntity, ElectionEntity, CandidateEntity, CorrectionEntity]
