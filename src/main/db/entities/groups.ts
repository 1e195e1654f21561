import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm'

@Entity('cbo')
export class CboEntity {
  @PrimaryGeneratedColumn({ type: 'integer' }) id: number
  @Column({ type: 'integer', name: 'branch_id' }) branchId: number
  @Column({ type: 'text' }) name: string
  @Column({ type: 'text', name: 'founded_on' }) foundedOn: string
  @Column({ type: 'text', name: 'registration_number', nullable: true }) registrationNumber: string | null
  @Column({ type: 'text', name: 'registered_on', nullable: true }) registeredOn: string | null
  @Column({ type: 'integer' }) version: number
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

@Entity('group_meeting')
export class GroupMeetingEntity {
  @PrimaryGeneratedColumn({ type: 'integer' }) id: number
  @Column({ type: 'text', name: 'group_type' }) groupType: 'ssg' | 'lsg' | 'cbo'
  @Column({ type: 'integer', name: 'group_id' }) groupId: number
  @Column({ type: 'text', name: 'held_on' }) heldOn: string
  @Column({ type: 'text', nullable: true }) minutes: string | null
  @Column({ type: 'text', nullable: true }) decisions: string | null
  @Column({ type: 'text', name: 'created_at' }) createdAt: string
  @Column({ type: 'text', name: 'created_by' }) createdBy: string
}

@Entity('meeting_attendance')
export class MeetingAttendanceEntity {
  @PrimaryGeneratedColumn({ type: 'integer' }) id: number
  @Column({ type: 'integer', name: 'meeting_id' }) meetingId: number
  @Column({ type: 'integer', name: 'person_id' }) personId: number
  @Column({ type: 'text' }) status: 'present' | 'late' | 'represented' | 'excused' | 'absent'
}

/** A correction of a meeting a later one has locked: appended, never rewritten. */
@Entity('meeting_correction')
export class MeetingCorrectionEntity {
  @PrimaryGeneratedColumn({ type: 'integer' }) id: number
  @Column({ type: 'integer', name: 'meeting_id' }) meetingId: number
  @Column({ type: 'text' }) field: string
  @Column({ type: 'text', name: 'old_value', nullable: true }) oldValue: string | null
  @Column({ type: 'text', name: 'new_value', nullable: true }) newValue: string | null
  @Column({ type: 'text' }) reason: string
  @Column({ type: 'text', name: 'corrected_at' }) correctedAt: string
  @Column({ type: 'text', name: 'corrected_by' }) correctedBy: string
}

/** An office holder elected at a meeting; the term runs to the next election of that office or her leaving the group. */
@Entity('group_office')
export class GroupOfficeEntity {
  @PrimaryGeneratedColumn({ type: 'integer' }) id: number
  @Column({ type: 'integer', name: 'meeting_id' }) meetingId: number
  @Column({ type: 'text' }) office: 'chair' | 'treasurer' | 'representative'
  @Column({ type: 'integer', name: 'person_id' }) personId: number
  @Column({ type: 'text', name: 'created_at' }) createdAt: string
  @Column({ type: 'text', name: 'created_by' }) createdBy: string
}

/** A version of a large group's regulations or a small group's rules, adopted at a meeting; kept as adopted. */
@Entity('group_document')
export class GroupDocumentEntity {
  @PrimaryGeneratedColumn({ type: 'integer' }) id: number
  @Column({ type: 'text', name: 'group_type' }) groupType: 'ssg' | 'lsg' | 'cbo'
  @Column({ type: 'integer', name: 'group_id' }) groupId: number
  @Column({ type: 'integer' }) version: number
  @Column({ type: 'integer', name: 'meeting_id' }) meetingId: number
  /** The clauses as JSON: clause key → text. */
  @Column({ type: 'text' }) clauses: string
  @Column({ type: 'bigint', name: 'weekly_savings_minor', nullable: true }) weeklySavingsMinor: number | null
  @Column({ type: 'text', name: 'created_at' }) createdAt: string
  @Column({ type: 'text', name: 'created_by' }) createdBy: string
}

export const GROUP_ENTITIES = [CboEntity, LsgEntity, SsgEntity, GroupMemberEntity, GroupMeetingEntity, MeetingAttendanceEntity, MeetingCorrectionEntity, GroupOfficeEntity, GroupDocumentEntity]
