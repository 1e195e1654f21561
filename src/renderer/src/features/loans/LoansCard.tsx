import { useState } from 'react'
import { Badge, Button, Card, Group, Text, Title } from '@mantine/core'
import type { LoanRow } from '../../../../shared/api/loansTypes'
import { todayIso } from '../../../../shared/domain/dates'
import { rateText } from '../../../../shared/domain/loans'
import { useOperation } from '../../query'
import { ReportButton, ReportMessageLine, type ReportMessage } from '../../components/ReportButton'
import { useI18n } from '../../i18n'
import { DataTable } from '../../components/DataTable'
import { Writes } from '../../components/permissions'
import { AnchorLink } from '../../components/links'
import { GrantDialog, TrainingDialog } from './GrantDialog'
import { LoanDialog } from './LoanDialog'

const STATUS_COLOR = { active: 'teal', closed: 'gray', written_off: 'red' } as const

/** The status of a loan and how late it is, as a badge. */
export function LoanStatusBadge({ loan }: { loan: LoanRow }) {
  const { t } = useI18n()
  if (loan.status === 'active' && loan.daysInArrears > 0) {
    return (
      <Badge color="orange" variant="light" size="sm">
        {t('loan.late', { days: loan.daysInArrears })}
      </Badge>
    )
  }
  return (
    <Badge color={STATUS_COLOR[loan.status]} variant="light" size="sm">
      {t(`loan.status.${loan.status}`)}
    </Badge>
  )
}

/** The loan columns shared by a member's and a small group's list. */
function useLoanColumns(withName: boolean, open: (id: number) => void) {
  const { t, date, mnt } = useI18n()
  return [
    ...(withName
      ? [
          {
            key: 'name',
            header: t('g.member'),
            cell: (l: LoanRow) => (
              <AnchorLink to="/persons/$id" params={{ id: l.personId }}>
                {l.name}
              </AnchorLink>
            ),
          },
        ]
      : []),
    {
      key: 'disbursed',
      header: t('loan.disbursedOn'),
      numeric: true,
      cell: (l: LoanRow) => (
        <Button variant="subtle" size="compact-sm" onClick={() => open(l.id)} aria-label={`${t('loan.open')} ${date(l.disbursedOn)}`}>
          {date(l.disbursedOn)}
        </Button>
      ),
    },
    { key: 'cycle', header: t('loan.cycle'), numeric: true, cell: (l: LoanRow) => l.cycle },
    { key: 'principal', header: t('loan.principal'), numeric: true, cell: (l: LoanRow) => mnt(l.principalMinor) },
    { key: 'terms', header: t('loan.terms'), cell: (l: LoanRow) => t('loan.termsLine', { n: l.instalments, method: t(`loan.method.${l.method}`), rate: rateText(l.monthlyRateMicro) }) },
    { key: 'outstanding', header: t('loan.outstanding'), numeric: true, cell: (l: LoanRow) => mnt(l.outstandingPrincipalMinor) },
    { key: 'overdue', header: t('loan.overdue'), numeric: true, cell: (l: LoanRow) => mnt(l.overdueMinor) },
    { key: 'status', header: t('loan.status'), cell: (l: LoanRow) => <LoanStatusBadge loan={l} /> },
  ]
}

/** A group member's loans on her page: grant one (the checks shown as it is typed), open one to repay; her micro-credit training. */
export function PersonLoansCard({ personId }: { personId: number }) {
  const { t, date, lang } = useI18n()
  const [fileMessage, setFileMessage] = useState<ReportMessage>(null)
  const loans = useOperation('loans.ofPerson', { personId })
  const savings = useOperation('savings.ofPerson', { personId })
  const periods = useOperation('roster.ofPerson', { personId })
  const [dialog, setDialog] = useState<'grant' | 'training' | number | null>(null)
  const columns = useLoanColumns(false, setDialog)
  if ((periods.data ?? []).length === 0) return null
  const training = savings.data?.trainingCompletedOn ?? null
  return (
    <Card withBorder>
      <Group justify="space-between" mb="sm">
        <Group gap="sm">
          <Title order={4}>{t('loan.title')}</Title>
          {/* Said only once her savings are read: while they load it would wrongly say she has no training. */}
          {savings.data && (
            <Text size="sm" c={training ? undefined : 'dimmed'} data-testid="training">
              {training ? t('loan.trainingDone', { date: date(training) }) : t('loan.trainingNone')}
            </Text>
          )}
          <ReportButton input={{ report: 'passbook', person: String(personId), lang, format: 'pdf' }} label={t('loan.passbook')} onDone={(text, ok) => setFileMessage({ text, ok })} variant="subtle" />
        </Group>
        <Writes>
          <Group gap="xs">
            {!training && (
              <Button size="xs" variant="light" onClick={() => setDialog('training')}>
                {t('loan.recordTraining')}
              </Button>
            )}
            <Button size="xs" onClick={() => setDialog('grant')}>
              {t('loan.grant')}
            </Button>
          </Group>
        </Writes>
      </Group>
      <ReportMessageLine message={fileMessage} mb="xs" />
      <DataTable label={t('loan.title')} state={loans} rows={(x) => x} rowKey={(l) => l.id} onOpen={(l) => setDialog(l.id)} emptyText={t('loan.none')} columns={columns} />
      {dialog === 'grant' && <GrantDialog personId={personId} onClose={() => setDialog(null)} />}
      {dialog === 'training' && <TrainingDialog personId={personId} onClose={() => setDialog(null)} />}
      {typeof dialog === 'number' && <LoanDialog id={dialog} onClose={() => setDialog(null)} />}
    </Card>
  )
}

/** The loans of a small group's members, on its page. */
export function SsgLoansCard({ ssgId }: { ssgId: number }) {
  const { t } = useI18n()
  const loans = useOperation('loans.ofSsg', { ssgId, on: todayIso() })
  const [open, setOpen] = useState<number | null>(null)
  const columns = useLoanColumns(true, setOpen)
  return (
    <Card withBorder>
      <Title order={4} mb="sm">
        {t('loan.title')}
      </Title>
      <DataTable label={t('loan.title')} state={loans} rows={(x) => x} rowKey={(l) => l.id} onOpen={(l) => setOpen(l.id)} emptyText={t('loan.none')} columns={columns} />
      {open !== null && <LoanDialog id={open} onClose={() => setOpen(null)} />}
    </Card>
  )
}
