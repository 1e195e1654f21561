import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm'

@Entity('training_completion')
export class TrainingCompletionEntity {
  @PrimaryGeneratedColumn({ type: 'integer' }) id: number
  @Column({ type: 'integer', name: 'person_id' }) personId: number
  @Column({ type: 'text' }) course: 'micro_credit'
  @Column({ type: 'text', name: 'completed_on' }) completedOn: string
  @Column({ type: 'text', nullable: true }) note: string | null
  @Column({ type: 'text', name: 'created_at' }) createdAt: string
  @Column({ type: 'text', name: 'created_by' }) createdBy: string
}

@Entity('loan')
export class LoanEntity {
  @PrimaryGeneratedColumn({ type: 'integer' }) id: number
  @Column({ type: 'integer', name: 'person_id' }) personId: number
  @Column({ type: 'integer', name: 'ssg_id' }) ssgId: number
  @Column({ type: 'integer', name: 'lsg_id' }) lsgId: number
  @Column({ type: 'integer' }) cycle: number
  @Column({ type: 'integer', name: 'principal_minor' }) principalMinor: number
  @Column({ type: 'integer' }) instalments: number
  @Column({ type: 'text' }) method: 'flat' | 'declining'
  @Column({ type: 'integer', name: 'monthly_rate_micro' }) monthlyRateMicro: number
  @Column({ type: 'integer', name: 'approved_meeting_id' }) approvedMeetingId: number
  @Column({ type: 'text', name: 'disbursed_on' }) disbursedOn: string
  @Column({ type: 'text' }) eligibility: string
  @Column({ type: 'text', name: 'created_at' }) createdAt: string
  @Column({ type: 'text', name: 'created_by' }) createdBy: string
}

@Entity('loan_instalment')
export class LoanInstalmentEntity {
  @PrimaryGeneratedColumn({ type: 'integer' }) id: number
  @Column({ type: 'integer', name: 'loan_id' }) loanId: number
  @Column({ type: 'integer', name: 'schedule_no' }) scheduleNo: number
  @Column({ type: 'integer' }) n: number
  @Column({ type: 'text', name: 'due_on' }) dueOn: string
  @Column({ type: 'integer', name: 'principal_minor' }) principalMinor: number
  @Column({ type: 'integer', name: 'interest_minor' }) interestMinor: number
}

@Entity('loan_reschedule')
export class LoanRescheduleEntity {
  @PrimaryGeneratedColumn({ type: 'integer' }) id: number
  @Column({ type: 'integer', name: 'loan_id' }) loanId: number
  @Column({ type: 'integer', name: 'schedule_no' }) scheduleNo: number
  @Column({ type: 'text', name: 'rescheduled_on' }) rescheduledOn: string
  @Column({ type: 'integer', name: 'meeting_id' }) meetingId: number
  @Column({ type: 'text' }) reason: string
  @Column({ type: 'text', name: 'created_at' }) createdAt: string
  @Column({ type: 'text', name: 'created_by' }) createdBy: string
}

@Entity('loan_repayment')
export class LoanRepaymentEntity {
  @PrimaryGeneratedColumn({ type: 'integer' }) id: number
  @Column({ type: 'integer', name: 'loan_id' }) loanId: number
  @Column({ type: 'text', name: 'paid_on' }) paidOn: string
  @Column({ type: 'integer', name: 'meeting_id', nullable: true }) meetingId: number | null
  @Column({ type: 'integer', name: 'amount_minor' }) amountMinor: number
  @Column({ type: 'integer', name: 'fines_minor' }) finesMinor: number
  @Column({ type: 'integer', name: 'interest_minor' }) interestMinor: number
  @Column({ type: 'integer', name: 'principal_minor' }) principalMinor: number
  @Column({ type: 'integer', name: 'reverses_id', nullable: true }) reversesId: number | null
  @Column({ type: 'text', nullable: true }) reason: string | null
  @Column({ type: 'text', name: 'created_at' }) createdAt: string
  @Column({ type: 'text', name: 'created_by' }) createdBy: string
}

@Entity('loan_allocation')
export class LoanAllocationEntity {
  @PrimaryGeneratedColumn({ type: 'integer' }) id: number
  @Column({ type: 'integer', name: 'repayment_id' }) repaymentId: number
  @Column({ type: 'integer', name: 'instalment_id' }) instalmentId: number
  @Column({ type: 'integer', name: 'interest_minor' }) interestMinor: number
  @Column({ type: 'integer', name: 'principal_minor' }) principalMinor: number
}

@Entity('loan_fine')
export class LoanFineEntity {
  @PrimaryGeneratedColumn({ type: 'integer' }) id: number
  @Column({ type: 'integer', name: 'loan_id' }) loanId: number
  @Column({ type: 'text', name: 'imposed_on' }) imposedOn: string
  @Column({ type: 'integer', name: 'amount_minor' }) amountMinor: number
  @Column({ type: 'text' }) reason: string
  @Column({ type: 'integer', name: 'meeting_id', nullable: true }) meetingId: number | null
  @Column({ type: 'text', name: 'created_at' }) createdAt: string
  @Column({ type: 'text', name: 'created_by' }) createdBy: string
}

@Entity('loan_write_off')
export class LoanWriteOffEntity {
  @PrimaryGeneratedColumn({ type: 'integer' }) id: number
  @Column({ type: 'integer', name: 'loan_id' }) loanId: number
  @Column({ type: 'text', name: 'written_off_on' }) writtenOffOn: string
  @Column({ type: 'integer', name: 'meeting_id' }) meetingId: number
  @Column({ type: 'integer', name: 'principal_minor' }) principalMinor: number
  @Column({ type: 'integer', name: 'interest_minor' }) interestMinor: number
  @Column({ type: 'text' }) reason: string
  @Column({ type: 'text', name: 'created_at' }) createdAt: string
  @Column({ type: 'text', name: 'created_by' }) createdBy: string
}

@Entity('group_fund_entry')
export class GroupFundEntryEntity {
  @PrimaryGeneratedColumn({ type: 'integer' }) id: number
  @Column({ type: 'integer', name: 'branch_id' }) branchId: number
  @Column({ type: 'integer', name: 'lsg_id', nullable: true }) lsgId: number | null
  @Column({ type: 'text' }) fund: 'f1' | 'f2' | 'f3'
  @Column({ type: 'text', name: 'entry_on' }) entryOn: string
  @Column({ type: 'text' }) kind: 'allocation' | 'capital' | 'disbursement' | 'spending'
  @Column({ type: 'integer', name: 'amount_minor' }) amountMinor: number
  @Column({ type: 'integer', name: 'repayment_id', nullable: true }) repaymentId: number | null
  @Column({ type: 'integer', name: 'loan_id', nullable: true }) loanId: number | null
  @Column({ type: 'integer', name: 'expense_id', nullable: true }) expenseId: number | null
  @Column({ type: 'text', nullable: true }) purpose: string | null
  @Column({ type: 'integer', nullable: true }) households: number | null
  @Column({ type: 'integer', name: 'reverses_id', nullable: true }) reversesId: number | null
  @Column({ type: 'text', nullable: true }) reason: string | null
  @Column({ type: 'text', name: 'created_at' }) createdAt: string
  @Column({ type: 'text', name: 'created_by' }) createdBy: string
}

/** An instalment due on the day its small group's meeting was moved to (DOMAIN.md). */
@Entity('instalment_due_move')
export class InstalmentDueMoveEntity {
  @PrimaryGeneratedColumn({ type: 'integer' }) id: number
  @Column({ type: 'integer', name: 'instalment_id' }) instalmentId: number
  @Column({ type: 'text', name: 'due_on' }) dueOn: string
  @Column({ type: 'integer', name: 'meeting_id' }) meetingId: number
  @Column({ type: 'text', name: 'created_at' }) createdAt: string
}

export const LOAN_ENTITIES = [TrainingCompletionEntity, LoanEntity, LoanInstalmentEntity, LoanRescheduleEntity, LoanRepaymentEntity, LoanAllocationEntity, LoanFineEntity, LoanWriteOffEntity, GroupFundEntryEntity, InstalmentDueMoveEntity]
