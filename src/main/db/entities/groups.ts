import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm'

@Entity('cbo')
export class CboEntity {
  @PrimaryGeneratedColumn({ type: 'integer' }) id: number
  @Column({ type: 'integer', name: 'branch_id' }) branchId: number
  @Column({ type: 'text' }) name: string
  @Column({ type: 'text', name: 'founded_on' }) foundedOn: string
  @Column({ type: 'text', name: 'created_at' }) createdAt: string
}

@Entity('lsg')
export class LsgEntity {
  @PrimaryGeneratedColumn({ type: 'integer' }) id: number
  @Column({ type: 'integer', name: 'branch_id' }) branchId: number
  @Column({ type: 'text' }) code: string
  @Column({ type: 'text' }) name: string
  @Column({ type: 'text', name: 'formed_on' }) formedOn: string
  @Column({ type: 'integer', name: 'project_year' }) projectYear: number
  @Column({ type: 'integer', name: 'meeting_week' }) meetingWeek: number
  @Column({ type: 'integer', name: 'meeting_weekday' }) meetingWeekday: number
  @Column({ type: 'integer' }) version: number
  @Column({ type: 'text', name: 'created_at' }) createdAt: string
  @Column({ type: 'text', name: 'updated_at' }) updatedAt: string
}

@Entity('ssg')
export class SsgEntity {
  @PrimaryGeneratedColumn({ type: 'integer' }) id: number
  @Column({ type: 'integer', name: 'lsg_id' }) lsgId: number
  @Column({ type: 'text' }) code: string
  @Column({ type: 'text' }) name: string
  @Column({ type: 'text', name: 'formed_on' }) formedOn: string
  @Column({ type: 'integer', name: 'meeting_weekday' }) meetingWeekday: number
  @Column({ type: 'integer' }) version: number
  @Column({ type: 'text', name: 'created_at' }) createdAt: string
  @Column({ type: 'text', name: 'updated_at' }) updatedAt: string
}

/** A period of a person in a small group; ended once (left or moved), never rewritten. */
@Entity('group_member')
export class GroupMemberEntity {
  @PrimaryGeneratedColumn({ type: 'integer' }) id: number
  @Column({ type: 'integer', name: 'ssg_id' }) ssgId: number
  @Column({ type: 'integer', name: 'person_id' }) personId: number
  @Column({ type: 'integer', name: 'household_id' }) householdId: number
  @Column({ type: 'text', name: 'joined_on' }) joinedOn: string
  @Column({ type: 'text', name: 'left_on', nullable: true }) leftOn: string | null
  @Column({ type: 'text', name: 'left_reason', nullable: true }) leftReason: string | null
  @Column({ type: 'integer', name: 'moved_to_ssg_id', nullable: true }) movedToSsgId: number | null
  @Column({ type: 'text', name: 'created_at' }) createdAt: string
  @Column({ type: 'text', name: 'created_by' }) createdBy: string
}

export const GROUP_ENTITIES = [CboEntity, LsgEntity, SsgEntity, GroupMemberEntity]
