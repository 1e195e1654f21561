import type { CorrectionField } from '../api/governanceTypes'
import type { MessageKey } from './index'

/** The label of a corrected field: the same words as the form's, in the app and the reports. */
export const CORRECTION_LABELS: Record<CorrectionField, MessageKey> = {
  heldOn: 'assembly.heldOn',
  place: 'assembly.place',
  membersPresent: 'assembly.present',
  quorumPercent: 'assembly.quorumPercent',
  quorumStrict: 'assembly.quorumStrict',
  decisions: 'assembly.decisions',
  minutes: 'assembly.minutes',
  'attendees.added': 'assembly.attendeesAdded',
  'attendees.removed': 'assembly.attendeesRemoved',
  amountMinor: 'fee.amount',
  minimumMinor: 'fee.minimum',
  referenceDate: 'fee.referenceDate',
}
