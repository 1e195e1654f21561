import { Column, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm'

@Entity('indicator')
export class IndicatorEntity {
  @PrimaryGeneratedColumn({ type: 'integer' }) id: number
  @Column({ type: 'integer', name: 'project_id' }) projectId: number
  @Column({ type: 'text' }) code: string
  @Column({ type: 'text' }) level: 'outcome' | 'output'
  @Column({ type: 'text', name: 'name_en' }) nameEn: string
  @Column({ type: 'text', name: 'name_mn' }) nameMn: string
  @Column({ type: 'text', name: 'definition_en', nullable: true }) definitionEn: string | null
  @Column({ type: 'text', name: 'definition_mn', nullable: true }) definitionMn: string | null
  @Column({ type: 'text' }) unit: 'number' | 'percent'
  @Column({ type: 'integer' }) cumulative: number
  @Column({ type: 'text', nullable: true }) measure: string | null
  @Column({ type: 'text', name: 'baseline_value', nullable: true }) baselineValue: string | null
  @Column({ type: 'text', name: 'baseline_on', nullable: true }) baselineOn: string | null
  @Column({ type: 'text', name: 'means_of_verification', nullable: true }) meansOfVerification: string | null
  @Column({ type: 'text' }) disaggregation: string
  @Column({ type: 'integer' }) version: number
  @Column({ type: 'text', name: 'created_at' }) createdAt: string
  @Column({ type: 'text', name: 'updated_at' }) updatedAt: string
}

@Entity('indicator_target')
export class IndicatorTargetEntity {
  @PrimaryGeneratedColumn({ type: 'integer' }) id: number
  @Column({ type: 'integer', name: 'indicator_id' }) indicatorId: number
  @Column({ type: 'integer', name: 'project_year' }) projectYear: number
  @Column({ type: 'text' }) target: string
}


@Entity('activity')
export class ActivityEntity {
  @PrimaryGeneratedColumn({ type: 'integer' }) id: number
  @Column({ type: 'integer', name: 'project_id', nullable: true }) projectId: number | null
  @Column({ type: 'text' }) type: string
  @Column({ type: 'text' }) title: string
  @Column({ type: 'text', name: 'starts_on' }) startsOn: string
  @Column({ type: 'text', name: 'ends_on' }) endsOn: string
  @Column({ type: 'text', nullable: true }) facilitator: string | null
  @Column({ type: 'integer', name: 'budget_line_id', nullable: true }) budgetLineId: number | null
  @Column({ type: 'text', nullable: true }) notes: string | null
  @Column({ type: 'text', nullable: true }) issue: string | null
  @Column({ type: 'integer', name: 'copies_printed', nullable: true }) copiesPrinted: number | null
  @Column({ type: 'integer', name: 'copies_distributed', nullable: true }) copiesDistributed: number | null
  @Column({ type: 'text', name: 'created_at' }) createdAt: string
  @Column({ type: 'text', name: 'created_by' }) createdBy: string
}

@Entity('activity_area')
export class ActivityAreaEntity {
  @PrimaryColumn({ type: 'integer', name: 'activity_id' }) activityId: number
  @PrimaryColumn({ type: 'integer', name: 'branch_id' }) branchId: number
}

@Entity('activity_participant')
export class ActivityParticipantEntity {
  @PrimaryGeneratedColumn({ type: 'integer' }) id: number
  @Column({ type: 'integer', name: 'activity_id' }) activityId: number
  @Column({ type: 'integer', name: 'person_id', nullable: true }) personId: number | null
  @Column({ type: 'text', nullable: true }) name: string | null
  @Column({ type: 'text', nullable: true }) sex: 'female' | 'male' | null
  @Column({ type: 'integer', name: 'branch_id', nullable: true }) branchId: number | null
}

@Entity('partner')
export class PartnerEntity {
  @PrimaryGeneratedColumn({ type: 'integer' }) id: number
  @Column({ type: 'text', name: 'name_en' }) nameEn: string
  @Column({ type: 'text', name: 'name_mn' }) nameMn: string
  @Column({ type: 'text', name: 'created_at' }) createdAt: string
}

@Entity('activity_partner')
export class ActivityPartnerEntity {
  @PrimaryColumn({ type: 'integer', name: 'activity_id' }) activityId: number
  @PrimaryColumn({ type: 'integer', name: 'partner_id' }) partnerId: number
}

@Entity('activity_expense')
export class ActivityExpenseEntity {
  @PrimaryColumn({ type: 'integer', name: 'activity_id' }) activityId: number
  @PrimaryColumn({ type: 'integer', name: 'expense_id' }) expenseId: number
}

@Entity('indicator_value')
export class IndicatorValueEntity {
  @PrimaryGeneratedColumn({ type: 'integer' }) id: number
  @Column({ type: 'integer', name: 'indicator_id' }) indicatorId: number
  @Column({ type: 'integer', name: 'project_year' }) projectYear: number
  @Column({ type: 'text', nullable: true }) value: string | null
  @Column({ type: 'text', nullable: true }) source: string | null
  @Column({ type: 'text', nullable: true }) comment: string | null
  @Column({ type: 'text', name: 'entered_at' }) enteredAt: string
  @Column({ type: 'text', name: 'entered_by' }) enteredBy: string
}

@Entity('project_narrative')
export class ProjectNarrativeEntity {
  @PrimaryGeneratedColumn({ type: 'integer' }) id: number
  @Column({ type: 'integer', name: 'project_id' }) projectId: number
  @Column({ type: 'integer', name: 'project_year' }) projectYear: number
  @Column({ type: 'text' }) section: 'summary' | 'challenges' | 'lessons'
  @Column({ type: 'text' }) text: string
  @Column({ type: 'text', name: 'entered_at' }) enteredAt: string
  @Column({ type: 'text', name: 'entered_by' }) enteredBy: string
}

@Entity('organisation_profile')
export class OrganisationProfileEntity {
  @PrimaryGeneratedColumn({ type: 'integer' }) id: number
  @Column({ type: 'text', name: 'effective_on' }) effectiveOn: string
  @Column({ type: 'text', name: 'name_mn' }) nameMn: string
  @Column({ type: 'text', name: 'name_en' }) nameEn: string
  @Column({ type: 'text', name: 'registration_number', nullable: true }) registrationNumber: string | null
  @Column({ type: 'text' }) address: string
  @Column({ type: 'text', nullable: true }) phone: string | null
  @Column({ type: 'text', name: 'executive_director' }) executiveDirector: string
  @Column({ type: 'text', name: 'entered_at' }) enteredAt: string
  @Column({ type: 'text', name: 'entered_by' }) enteredBy: string
}

@Entity('household_survey')
export class HouseholdSurveyEntity {
  @PrimaryGeneratedColumn({ type: 'integer' }) id: number
  @Column({ type: 'integer', name: 'household_id' }) householdId: number
  @Column({ type: 'text' }) round: 'baseline' | 'follow_up'
  @Column({ type: 'text', name: 'surveyed_on' }) surveyedOn: string
  @Column({ type: 'integer', name: 'income_minor' }) incomeMinor: number
  @Column({ type: 'text' }) housing: 'ger' | 'house' | 'apartment' | 'other'
  @Column({ type: 'integer' }) electricity: number
  @Column({ type: 'integer', name: 'children_school_age' }) childrenSchoolAge: number
  @Column({ type: 'integer', name: 'children_in_school' }) childrenInSchool: number
  @Column({ type: 'text', nullable: true }) notes: string | null
  @Column({ type: 'integer', name: 'replaces_id', nullable: true }) replacesId: number | null
  @Column({ type: 'text', name: 'entered_at' }) enteredAt: string
  @Column({ type: 'text', name: 'entered_by' }) enteredBy: string
}

export const RESULTS_ENTITIES = [IndicatorEntity, IndicatorTargetEntity, ActivityEntity, ActivityAreaEntity, ActivityParticipantEntity, PartnerEntity, ActivityPartnerEntity, ActivityExpenseEntity, IndicatorValueEntity, ProjectNarrativeEntity, OrganisationProfileEntity, HouseholdSurveyEntity]
