import { Register1764000000001 } from './0001-register'
import { HouseholdRegistered1764000000002 } from './0002-household-registered'
import { Governance1764000000003 } from './0003-governance'
import { Finance1764000000004 } from './0004-finance'
import { MembershipEventBranch1764000000005 } from './0005-membership-event-branch'
import { RecordVersions1764000000006 } from './0006-record-versions'
import { ProjectNamesMn1764000000007 } from './0007-project-names-mn'
import { Voids1764000000008 } from './0008-voids'
import { ProjectSetup1764000000009 } from './0009-project-setup'
import { Corrections1764000000010 } from './0010-corrections'
import { SourceCurrency1764000000011 } from './0011-source-currency'
import { Groups1764000000012 } from './0012-groups'
import { Meetings1764000000013 } from './0013-meetings'
import { GroupDocuments1764000000014 } from './0014-group-documents'
import { Cbo1764000000015 } from './0015-cbo'
import { Indicators1764000000016 } from './0016-indicators'
import { Savings1764000000017 } from './0017-savings'
import { Loans1764000000018 } from './0018-loans'
import { LoanSettings1764000000019 } from './0019-loan-settings'
import { DueMoves1764000000020 } from './0020-due-moves'
import { Activities1764000000021 } from './0021-activities'
import { ActivityLinks1764000000022 } from './0022-activity-links'
import { IndicatorValues1764000000023 } from './0023-indicator-values'
import { OrganisationProfile1764000000024 } from './0024-organisation-profile'
import { HouseholdSurvey1764000000025 } from './0025-household-survey'
import { SubmittedReports1764000000026 } from './0026-submitted-reports'

/** Every migration, in order. A static list: globs do not survive bundling. */
export const MIGRATIONS = [Register1764000000001, HouseholdRegistered1764000000002, Governance1764000000003, Finance1764000000004, MembershipEventBranch1764000000005, RecordVersions1764000000006, ProjectNamesMn1764000000007, Voids1764000000008, ProjectSetup1764000000009, Corrections1764000000010, SourceCurrency1764000000011, Groups1764000000012, Meetings1764000000013, GroupDocuments1764000000014, Cbo1764000000015, Indicators1764000000016, Savings1764000000017, Loans1764000000018, LoanSettings1764000000019, DueMoves1764000000020, Activities1764000000021, ActivityLinks1764000000022, IndicatorValues1764000000023, OrganisationProfile1764000000024, HouseholdSurvey1764000000025, SubmittedReports1764000000026]

/** The schema version this build of the app writes: the number of migrations. */
export const SCHEMA_VERSION = MIGRATIONS.length
export const MIGRATION_NAMES = MIGRATIONS.map((M) => new M().name)
