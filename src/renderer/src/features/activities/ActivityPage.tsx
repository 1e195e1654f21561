import { useState } from 'react'
import { Alert, Badge, Button, Checkbox, Group, Modal, Paper, ScrollArea, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core'
import type { ActivityDetail } from '../../../../shared/api/activitiesTypes'
import type { Expense } from '../../../../shared/api/financeTypes'
import { addDays } from '../../../../shared/domain/dates'
import { useOperation, write } from '../../query'
import { useI18n } from '../../i18n'
import { PageState } from '../../components/PageState'
import { Fact } from '../../components/Fact'
import { AnchorLink } from '../../components/links'
import { Writes } from '../../components/permissions'
import { DataTable } from '../../components/DataTable'
import { Verbatim } from '../../components/Verbatim'
import { voidedRow } from '../../components/voids'
import { useProject } from '../finance/useProject'
import { ParticipantPicker, type Outsider, type Picked } from './ParticipantPicker'

/** An activity: what it was, its participants (more can be added), and its cost as the expenses linked to it. */
export function ActivityPage({ id }: { id: number }) {
  const activity = useOperation('activities.get', { id })
  return (
    <PageState state={activity} reload={activity.reload}>
      {(a) => <Activity a={a} />}
    </PageState>
  )
}

function Activity({ a }: { a: ActivityDetail }) {
  const { t, local, date, num } = useI18n()
  const { projects } = useProject()
  const project = projects.find((p) => p.id === a.projectId) ?? null
  const line = project?.lines.find((l) => l.id === a.budgetLineId) ?? null
  const [adding, setAdding] = useState(false)
  const women = a.participants.filter((p) => p.sex === 'female').length
  return (
    <Stack>
      <AnchorLink to="/activities" size="sm">
        ← {t('nav.activities')}
      </AnchorLink>
      <Group gap="sm" align="baseline">
        <Title order={2}>
          <Verbatim>{a.title}</Verbatim>
        </Title>
        <Badge variant="light" tt="none">
          {t(`act.type.${a.type}`)}
        </Badge>
      </Group>
      <Paper withBorder p="md">
        <SimpleGrid cols={3} spacing="xs">
          <Fact label={t('act.dates')}>{a.startsOn === a.endsOn ? date(a.startsOn) : `${date(a.startsOn)} – ${date(a.endsOn)}`}</Fact>
          <Fact label={t('act.areas')}>{a.areas.map(local).join(', ')}</Fact>
          <Fact label={t('sheet.sign.facilitator')}>{a.facilitator ?? '—'}</Fact>
          <Fact label={t('act.partners')}>{a.partners.length ? a.partners.map((p) => local(p.name)).join('; ') : '—'}</Fact>
          <Fact label={t('fin.project')}>{project ? (
              <>
                <Verbatim>{project.code}</Verbatim> · {local(project.name)}
              </>
            ) : (
              t('act.noProject')
            )}</Fact>
          <Fact label={t('act.line')}>{line ? `${line.code} ${local(line.name)}` : '—'}</Fact>
          {(a.issue !== null || a.copiesPrinted !== null) && (
            <>
              <Fact label={t('act.issue')}>{a.issue ?? '—'}</Fact>
              <Fact label={t('act.copiesPrinted')}>{a.copiesPrinted === null ? '—' : num(a.copiesPrinted)}</Fact>
              <Fact label={t('act.copiesDistributed')}>{a.copiesDistributed === null ? '—' : num(a.copiesDistributed)}</Fact>
            </>
          )}
        </SimpleGrid>
        {a.notes && (
          <Text size="sm" mt="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {a.notes}
          </Text>
        )}
      </Paper>
      {a.trainingRecorded > 0 && (
        <Alert color="teal" role="status">
          {t('act.trainingRecorded', { n: a.trainingRecorded })}
        </Alert>
      )}
      <Costs a={a} />
      <Group justify="space-between">
        <Title order={3}>
          {t('act.participants')} · {num(a.participants.length)}
          <Text span size="sm" c="dimmed" ml="sm">
            {t('act.female')} {num(women)} · {t('act.male')} {num(a.participants.length - women)}
          </Text>
        </Title>
        <Writes>
          <Button variant="light" onClick={() => setAdding(true)}>
            {t('act.addParticipants')}
          </Button>
        </Writes>
      </Group>
      <DataTable
        label={t('act.participants')}
        data={a.participants}
        rows={(r) => r}
        rowKey={(r) => r.id}
        emptyText={t('act.noParticipants')}
        columns={[
          {
            key: 'name',
            header: t('g.name'),
            cell: (p) =>
              p.personId === null ? (
                p.name
              ) : (
                <AnchorLink to="/persons/$id" params={{ id: p.personId }} size="sm">
                  {p.name}
                </AnchorLink>
              ),
          },
          { key: 'sex', header: t('act.sex'), cell: (p) => (p.sex === null ? '' : t(p.sex === 'female' ? 'act.female' : 'act.male')) },
          { key: 'area', header: t('g.area'), cell: (p) => (p.branch ? local(p.branch) : '') },
          { key: 'kind', header: '', cell: (p) => <Text size="xs" c="dimmed">{t(p.personId === null ? 'act.fromOutside' : 'act.recorded')}</Text> },
        ]}
      />
      {adding && <AddParticipants a={a} onClose={() => setAdding(false)} />}
    </Stack>
  )
}


function Costs({ a }: { a: ActivityDetail }) {
  const { t, mnt, dkk, date } = useI18n()
  const [choosing, setChoosing] = useState(false)
  return (
    <Stack gap="xs">
      <Group justify="space-between">
        <Title order={3}>
          {t('act.cost')}: <span data-testid="activity-cost">{t('act.costLine', { mnt: mnt(a.cost.mntMinor), dkk: dkk(a.cost.dkkMinor) })}</span>
        </Title>
        <Writes>
          <Button variant="light" disabled={a.projectId === null} title={a.projectId === null ? t('act.needsProject') : undefined} onClick={() => setChoosing(true)}>
            {t('act.setExpenses')}
          </Button>
        </Writes>
      </Group>
      {a.cost.uncoveredMntMinor > 0 && (
        <Text size="sm" c="orange">
          {t('act.uncovered', { mnt: mnt(a.cost.uncoveredMntMinor) })}
        </Text>
      )}
      <DataTable
        label={t('act.expenses')}
        data={a.expenses}
        rows={(r) => r}
        rowKey={(r) => r.id}
        emptyText={a.projectId === null ? t('act.needsProject') : t('act.noExpenses')}
        rowProps={(e) => voidedRow(e.voided, t)}
        columns={expenseColumns(t, mnt, dkk, date)}
      />
      {choosing && a.projectId !== null && <ChooseExpenses a={a} projectId={a.projectId} onClose={() => setChoosing(false)} />}
    </Stack>
  )
}

type I = ReturnType<typeof useI18n>
const expenseColumns = (t: I['t'], mnt: I['mnt'], dkk: I['dkk'], date: I['date']) => [
  { key: 'spentOn', header: t('fin.date'), numeric: true, cell: (e: Expense) => date(e.spentOn) },
  { key: 'voucher', header: t('fin.voucher'), cell: (e: Expense) => <Verbatim>{e.voucher}</Verbatim> },
  { key: 'line', header: t('fin.line'), cell: (e: Expense) => <Verbatim>{e.lineCode}</Verbatim> },
  { key: 'description', header: t('fin.description'), cell: (e: Expense) => e.description },
  { key: 'amount', header: t('fin.amount'), numeric: true, cell: (e: Expense) => (e.currency === 'MNT' ? mnt(e.amountMinor) : dkk(e.amountMinor)) },
  { key: 'dkk', header: t('act.costDkk'), numeric: true, cell: (e: Expense) => (e.dkkMinor === null ? '' : dkk(e.dkkMinor)) },
]

/** The project's expenses around the activity's dates (of its sub-line when it has one), ticked to pay for it. */
function ChooseExpenses({ a, projectId, onClose }: { a: ActivityDetail; projectId: number; onClose(): void }) {
  const { t, mnt, dkk, date, errorText } = useI18n()
  const found = useOperation('expenses.search', {
    projectId,
    ...(a.budgetLineId !== null ? { lineId: a.budgetLineId } : {}),
    from: addDays(a.startsOn, -31),
    to: addDays(a.endsOn, 62),
    pageSize: 200,
  })
  const [ticked, setTicked] = useState(new Set(a.expenses.filter((e) => !e.voided).map((e) => e.id)))
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const rows = [...a.expenses.filter((e) => !e.voided), ...(found.data?.rows ?? []).filter((e) => !a.expenses.some((x) => x.id === e.id))]
  const save = async () => {
    setBusy(true)
    const r = await write('activities.linkExpenses', { id: a.id, expenseIds: [...ticked] })
    setBusy(false)
    if (r.ok) onClose()
    else setError(errorText(r.error))
  }
  return (
    <Modal opened onClose={onClose} title={t('act.setExpenses')} size="xl">
      <Stack>
        <Text size="sm" c="dimmed">
          {t('act.expensesHelp')}
        </Text>
        <ScrollArea.Autosize mah={380}>
          <Table fz="sm" verticalSpacing={4}>
            <Table.Tbody>
              {rows.map((e) => (
                <Table.Tr key={e.id}>
                  <Table.Td w={30}>
                    <Checkbox
                      aria-label={e.voucher}
                      checked={ticked.has(e.id)}
                      onChange={(ev) => {
                        const next = new Set(ticked)
                        if (ev.currentTarget.checked) next.add(e.id)
                        else next.delete(e.id)
                        setTicked(next)
                      }}
                    />
                  </Table.Td>
                  <Table.Td>{date(e.spentOn)}</Table.Td>
                  <Table.Td>
                    <Verbatim>{e.voucher}</Verbatim>
                  </Table.Td>
                  <Table.Td>{e.description}</Table.Td>
                  <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                    {e.currency === 'MNT' ? mnt(e.amountMinor) : dkk(e.amountMinor)}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          {found.data && rows.length === 0 && (
            <Text size="sm" c="dimmed">
              {t('act.noExpenses')}
            </Text>
          )}
        </ScrollArea.Autosize>
        {error && (
          <Alert color="red" role="alert">
            {error}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button loading={busy} onClick={() => void save()}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  )
}

function AddParticipants({ a, onClose }: { a: ActivityDetail; onClose(): void }) {
  const { t, errorText } = useI18n()
  const [picked, setPicked] = useState<Picked[]>([])
  const [outsiders, setOutsiders] = useState<Outsider[]>([])
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const known = new Set(a.participants.flatMap((p) => (p.personId === null ? [] : [p.personId])))
  const save = async () => {
    setBusy(true)
    const r = await write('activities.addParticipants', { id: a.id, personIds: picked.map((p) => p.personId), outsiders })
    setBusy(false)
    if (r.ok) onClose()
    else setError(errorText(r.error))
  }
  return (
    <Modal opened onClose={onClose} title={`${t('act.addParticipants')}: ${a.title}`} size={1100}>
      <Stack>
        <ParticipantPicker on={a.startsOn} already={known} picked={picked} onPicked={setPicked} outsiders={outsiders} onOutsiders={setOutsiders} />
        {error && (
          <Alert color="red" role="alert">
            {error}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button loading={busy} disabled={picked.length + outsiders.length === 0} onClick={() => void save()}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  )
}
