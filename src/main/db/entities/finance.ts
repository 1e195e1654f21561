import { Column, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm'

@Entity('project')
export class ProjectEntity {
  @PrimaryGeneratedColumn({ type: 'integer' }) id: number
  @Column({ type: 'text' }) code: string
  @Column({ type: 'text' }) name: string
  @Column({ type: 'text', name: 'name_mn', nullable: true }) nameMn: string | null
  @Column({ type: 'text' }) donor: string
  @Column({ type: 'text', name: 'donor_mn', nullable: true }) donorMn: string | null
  @Column({ type: 'text', name: 'starts_on' }) startsOn: string
  @Column({ type: 'text', name: 'ends_on' }) endsOn: string
  @Column({ type: 'text' }) currency: string
  @Column({ type: 'bigint', name: 'grant_minor' }) grantMinor: number
  @Column({ type: 'text', name: 'created_at' }) createdAt: string
  @Column({ type: 'text', name: 'agreement_number', nullable: true }) agreementNumber: string | null
  /** The main line held to at most 7% of the rest (administration in Denmark), if any. */
  @Column({ type: 'text', name: 'admin_main_code', nullable: true }) adminMainCode: string | null
  /** A line whose variance passes this share of its revised budget must be explained. */
  @Column({ type: 'integer', name: 'variance_threshold_percent', default: 10 }) varianceThresholdPercent: number
}

@Entity('budget_main_line')
export class BudgetMainLineEntity {
  @PrimaryGeneratedColumn({ type: 'integer' }) id: number
  @Column({ type: 'integer', name: 'project_id' }) projectId: number
  @Column({ type: 'text' }) code: string
  @Column({ type: 'text', name: 'name_en' }) nameEn: string
  @Column({ type: 'text', name: 'name_mn' }) nameMn: string
}

@Entity('funding_source')
export class FundingSourceEntity {
  @PrimaryGeneratedColumn({ type: 'integer' }) id: number
  @Column({ type: 'integer', name: 'project_id' }) projectId: number
  @Column({ type: 'text' }) code: string
  @Column({ type: 'text' }) kind: 'grant' | 'cofunding' | 'own' | 'interest'
  @Column({ type: 'text', name: 'name_en' }) nameEn: string
  @Column({ type: 'text', name: 'name_mn' }) nameMn: string
  @Column({ type: 'bigint', name: 'committed_minor', nullable: true }) committedMinor: number | null
  /** The currency of the amount committed (migration 0011). */
  @Column({ type: 'text', name: 'committed_currency', default: 'DKK' }) committedCurrency: 'DKK' | 'MNT'
}

@Entity('budget_line')
export class BudgetLineEntity {
  @PrimaryGeneratedColumn({ type: 'integer' }) id: number
  @Column({ type: 'integer', name: 'project_id' }) projectId: number
  @Column({ type: 'text', name: 'main_code' }) mainCode: string
  @Column({ type: 'text' }) code: string
  @Column({ type: 'text', name: 'name_en' }) nameEn: string
  @Column({ type: 'text', name: 'name_mn' }) nameMn: string
}

@Entity('budget_version')
export class BudgetVersionEntity {
  @PrimaryGeneratedColumn({ type: 'integer' }) id: number
  @Column({ type: 'integer', name: 'project_id' }) projectId: number
  @Column({ type: 'integer' }) number: number
  @Column({ type: 'text', name: 'approved_on' }) approvedOn: string
  @Column({ type: 'text' }) reason: string
  @Column({ type: 'text', name: 'created_at' }) createdAt: string
  @Column({ type: 'text', name: 'created_by' }) createdBy: string
  /** The donor's approval of this version (its letter or reference), when recorded. */
  @Column({ type: 'text', name: 'donor_approval', nullable: true }) donorApproval: string | null
}

@Entity('budget_amount')
export class BudgetAmountEntity {
  @PrimaryColumn({ type: 'integer', name: 'version_id' }) versionId: number
  @PrimaryColumn({ type: 'integer', name: 'line_id' }) lineId: number
  @PrimaryColumn({ type: 'integer', name: 'project_year' }) projectYear: number
  @PrimaryColumn({ type: 'integer', name: 'source_id' }) sourceId: number
  @Column({ type: 'bigint', name: 'amount_minor' }) amountMinor: number
}

@Entity('transfer')
export class TransferEntity {
  @PrimaryGeneratedColumn({ type: 'integer' }) id: number
  @Column({ type: 'integer', name: 'project_id' }) projectId: number
  @Column({ type: 'text', name: 'sent_on' }) sentOn: string
  @Column({ type: 'bigint', name: 'dkk_minor' }) dkkMinor: number
  @Column({ type: 'text', name: 'received_on' }) receivedOn: string
  @Column({ type: 'bigint', name: 'mnt_minor' }) mntMinor: number
  @Column({ type: 'text', nullable: true }) reference: string | null
  @Column({ type: 'text', nullable: true }) note: string | null
  @Column({ type: 'text', name: 'created_at' }) createdAt: string
  /** Voided: when (UTC), by whom and why; a voided entry counts nowhere. */
  @Column({ type: 'text', name: 'voided_at', nullable: true }) voidedAt: string | null
  @Column({ type: 'text', name: 'voided_by', nullable: true }) voidedBy: string | null
  @Column({ type: 'text', name: 'void_reason', nullable: true }) voidReason: string | null
}

@Entity('expense')
export class ExpenseEntity {
  @PrimaryGeneratedColumn({ type: 'integer' }) id: number
  @Column({ type: 'integer', name: 'project_id' }) projectId: number
  @Column({ type: 'text', name: 'spent_on' }) spentOn: string
  @Column({ type: 'text' }) voucher: string
  @Column({ type: 'integer', name: 'line_id' }) lineId: number
  @Column({ type: 'integer', name: 'branch_id', nullable: true }) branchId: number | null
  @Column({ type: 'text' }) description: string
  @Column({ type: 'bigint', name: 'amount_minor' }) amountMinor: number
  @Column({ type: 'text' }) currency: 'MNT' | 'DKK'
  @Column({ type: 'integer', name: 'source_id' }) sourceId: number
  @Column({ type: 'text', name: 'created_at' }) createdAt: string
  /** Voided: when (UTC), by whom and why; a voided entry counts nowhere. */
  @Column({ type: 'text', name: 'voided_at', nullable: true }) voidedAt: string | null
  @Column({ type: 'text', name: 'voided_by', nullable: true }) voidedBy: string | null
  @Column({ type: 'text', name: 'void_reason', nullable: true }) voidReason: string | null
  /** A correction in the open period of a voucher in a submitted (locked) one; its amount may then be negative. */
  @Column({ type: 'integer', name: 'corrects_id', nullable: true }) correctsId: number | null
}

@Entity('fund_entry')
export class FundEntryEntity {
  @PrimaryGeneratedColumn({ type: 'integer' }) id: number
  @Column({ type: 'integer', name: 'project_id' }) projectId: number
  @Column({ type: 'text' }) kind: 'interest' | 'exchange'
  @Column({ type: 'text', name: 'entry_on' }) entryOn: string
  @Column({ type: 'bigint', name: 'mnt_minor' }) mntMinor: number
  @Column({ type: 'bigint', name: 'dkk_minor' }) dkkMinor: number
  @Column({ type: 'text', nullable: true }) note: string | null
  @Column({ type: 'text', name: 'created_at' }) createdAt: string
  /** Voided: when (UTC), by whom and why; a voided entry counts nowhere. */
  @Column({ type: 'text', name: 'voided_at', nullable: true }) voidedAt: string | null
  @Column({ type: 'text', name: 'voided_by', nullable: true }) voidedBy: string | null
  @Column({ type: 'text', name: 'void_reason', nullable: true }) voidReason: string | null
}

@Entity('variance_note')
export class VarianceNoteEntity {
  @PrimaryColumn({ type: 'integer', name: 'project_id' }) projectId: number
  @PrimaryColumn({ type: 'integer', name: 'line_id' }) lineId: number
  @PrimaryColumn({ type: 'text' }) period: string
  @Column({ type: 'text' }) note: string
  @Column({ type: 'text', name: 'updated_at' }) updatedAt: string
}

@Entity('submitted_report')
export class SubmittedReportEntity {
  @PrimaryGeneratedColumn({ type: 'integer' }) id: number
  @Column({ type: 'integer', name: 'project_id' }) projectId: number
  @Column({ type: 'text' }) report: string
  @Column({ type: 'integer', name: 'project_year', nullable: true }) projectYear: number | null
  @Column({ type: 'text', name: 'period_from' }) periodFrom: string
  @Column({ type: 'text', name: 'period_to' }) periodTo: string
  @Column({ type: 'text' }) lang: string
  @Column({ type: 'text' }) format: 'xlsx' | 'pdf'
  @Column({ type: 'text', name: 'file_name' }) fileName: string
  /** The file as submitted, base64. */
  @Column({ type: 'text' }) content: string
  @Column({ type: 'text' }) sha256: string
  @Column({ type: 'integer', name: 'byte_length' }) byteLength: number
  @Column({ type: 'text', nullable: true }) note: string | null
  @Column({ type: 'text', name: 'submitted_at' }) submittedAt: string
  @Column({ type: 'text', name: 'submitted_by' }) submittedBy: string
}

export const FINANCE_ENTITIES = [
  ProjectEntity,
  BudgetMainLineEntity,
  FundingSourceEntity,
  BudgetLineEntity,
  BudgetVersionEntity,
  BudgetAmountEntity,
  SubmittedReportEntity,
  TransferEntity,
  ExpenseEntity,
  FundEntryEntity,
  VarianceNoteEntity,
]

/** The void columns of an entry that stands (for bulk inserts). */
export const STANDING = { voidedAt: null, voidedBy: null, voidReason: null } as const
