import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm'

@Entity('savings_entry')
export class SavingsEntryEntity {
  @PrimaryGeneratedColumn({ type: 'integer' }) id: number
  @Column({ type: 'integer', name: 'person_id' }) personId: number
  @Column({ type: 'text' }) account: 'compulsory' | 'voluntary'
  @Column({ type: 'text', name: 'entry_on' }) entryOn: string
  @Column({ type: 'text' }) kind: 'deposit' | 'withdrawal' | 'reversal'
  @Column({ type: 'integer', name: 'amount_minor' }) amountMinor: number
  @Column({ type: 'integer', name: 'ssg_id' }) ssgId: number
  @Column({ type: 'integer', name: 'meeting_id', nullable: true }) meetingId: number | null
  @Column({ type: 'text', nullable: true }) receipt: string | null
  @Column({ type: 'integer', name: 'reverses_id', nullable: true }) reversesId: number | null
  @Column({ type: 'text', nullable: true }) reason: string | null
  @Column({ type: 'text', name: 'created_at' }) createdAt: string
  @Column({ type: 'text', name: 'created_by' }) createdBy: string
}

export const SAVINGS_ENTITIES = [SavingsEntryEntity]
