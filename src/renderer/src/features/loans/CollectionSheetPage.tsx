import { useState } from 'react'
import { Alert, Button, Card, Group, NativeSelect, Stack, Table, Text, TextInput, Title } from '@mantine/core'
import { getRouteApi, useNavigate } from '@tanstack/react-router'
import { z } from 'zod'
import { ATTENDANCE_STATUSES, type AttendanceStatus } from '../../../../shared/api/groupsTypes'
import type { CollectionSheet, SheetResult } from '../../../../shared/api/sheetsTypes'
import { amountText, parseAmount } from '../../../../shared/domain/amount'
import { isIsoDate, normalizeDate, todayIso } from '../../../../shared/domain/dates'
import { useOperation, write } from '../../query'
import { useI18n } from '../../i18n'
import { PageState } from '../../components/PageState'
import { DateField } from '../../components/DateField'
import { BackLink } from '../../components/links'
import { Verbatim } from '../../components/Verbatim'
import { useCanWrite } from '../../components/permissions'
import { SheetFiles } from './SheetFiles'

export const sheetSearch = z.object({ ssg: z.coerce.number().int().positive().catch(1), date: z.string().optional().catch(undefined) })
const route = getRouteApi('/groups/sheet')

const COLUMNS = ['compulsoryMinor', 'voluntaryMinor', 'withdrawalMinor', 'repaymentMinor'] as const
type Column = (typeof COLUMNS)[number]
interface Row { personId: number; status: AttendanceStatus; amounts: Record<Column, string> }

/**
 * A small group's collection sheet for a meeting: every member with her
 * saving due (this week and arrears) and her loan's instalments due filled
 * in; change only what differs, then save: the attendance, deposits,
 * withdrawals and repayments go in as one, or nothing does.
 */
export function CollectionSheetPage() {
  const { t, date, mnt } = useI18n()
  const search = route.useSearch()
  const navigate = useNavigate({ from: '/groups/sheet' })
  const heldOn = search.date && isIsoDate(search.date) ? search.date : todayIso()
  const sheet = useOperation('sheets.get', { ssgId: search.ssg, heldOn })
  const [typed, setTyped] = useState(heldOn)
  // What was just entered here, kept above the form: once saved, the sheet reloads as entered and the form goes.
  const [saved, setSaved] = useState<{ key: string; result: SheetResult } | null>(null)
  return (
    <Stack>
      <Group justify="space-between" align="flex-end">
        <Group>
          <BackLink to="/groups" label={t('nav.groups')} />
          <Title order={2}>
            {t('sheet.title')}
            {sheet.data && (
              <>
                {': '}
                <Verbatim>{sheet.data.ssgCode}</Verbatim> {sheet.data.ssgName}
              </>
            )}
          </Title>
        </Group>
        <DateField
          label={t('g.heldOn')}
          value={typed}
          onChange={(v) => {
            setTyped(v)
            const iso = normalizeDate(v.trim())
            if (isIsoDate(iso)) void navigate({ search: { ssg: search.ssg, date: iso } })
          }}
          w={180}
        />
      </Group>
      <PageState state={sheet} reload={sheet.reload}>
        {(s) => (
          <>
            <SheetFiles ssgCode={s.ssgCode} lsgCode={s.lsgCode} heldOn={s.heldOn} />
            {saved?.key === `${s.ssgId}-${s.heldOn}` && (
              <Alert color="teal" title={t('sheet.saved')} data-testid="sheet-saved">
                {t('sheet.savedLine', { cash: mnt(saved.result.totals.cashMinor), f1: mnt(saved.result.funds.f1), f2: mnt(saved.result.funds.f2), f3: mnt(saved.result.funds.f3) })}
              </Alert>
            )}
            {s.entered ? (
              <Alert color="teal">{t('sheet.entered', { date: date(s.heldOn) })}</Alert>
            ) : (
              <SheetForm key={`${s.ssgId}-${s.heldOn}`} sheet={s} onSaved={(result) => setSaved({ key: `${s.ssgId}-${s.heldOn}`, result })} />
            )}
          </>
        )}
      </PageState>
    </Stack>
  )
}

function SheetForm({ sheet, onSaved }: { sheet: CollectionSheet; onSaved(result: SheetResult): void }) {
  const { t, mnt, errorText } = useI18n()
  // A read-only session sees what is due, and is offered nothing to enter.
  const canWrite = useCanWrite()
  const due = (minor: number) => (minor > 0 ? amountText(minor, 'MNT') : '')
  const [rows, setRows] = useState<Row[]>(() =>
    sheet.lines.map((l) => ({
      personId: l.personId,
      status: 'present',
      amounts: { compulsoryMinor: due(l.weeklyMinor + l.savingsArrearsMinor), voluntaryMinor: '', withdrawalMinor: '', repaymentMinor: due(l.loan?.dueMinor ?? 0) },
    })),
  )
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const read = (text: string) => (text.trim() === '' ? { ok: true as const, minor: 0 } : parseAmount(text, 'MNT', 'any'))
  const total = (c: Column) => rows.reduce((s, r) => s + (read(r.amounts[c]).ok ? (read(r.amounts[c]) as { minor: number }).minor : 0), 0)
  const set = (i: number, change: Partial<Row> | { column: Column; value: string }) =>
    setRows((rs) => rs.map((r, k) => (k !== i ? r : 'column' in change ? { ...r, amounts: { ...r.amounts, [change.column]: change.value } } : { ...r, ...change })))
  const save = async () => {
    const found: Record<string, string> = {}
    const lines = rows.map((r, i) => {
      const out: Record<Column, number> = { compulsoryMinor: 0, voluntaryMinor: 0, withdrawalMinor: 0, repaymentMinor: 0 }
      for (const c of COLUMNS) {
        const v = read(r.amounts[c])
        if (v.ok) out[c] = v.minor
        else found[`${i}.${c}`] = t(v.key, v.vars)
      }
      return { personId: r.personId, status: r.status, ...out }
    })
    setErrors(found)
    if (Object.keys(found).length) return setError(t('sheet.fix'))
    setBusy(true)
    const res = await write('sheets.enter', { ssgId: sheet.ssgId, heldOn: sheet.heldOn, lines, minutes: null })
    setBusy(false)
    if (res.ok) {
      setError(null)
      onSaved(res.value)
      return
    }
    const m = /^lines\.(\d+)\.(\w+)$/.exec(res.error.field ?? '')
    if (m) setErrors({ [`${m[1]}.${m[2]}`]: errorText(res.error) })
    setError(errorText(res.error))
  }
  return (
    <Card withBorder>
      <Text size="sm" c="dimmed" mb="sm">
        {t('sheet.help', { group: sheet.lsgCode })}
      </Text>
      <Table withTableBorder fz="sm" aria-label={t('sheet.title')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('g.member')}</Table.Th>
            <Table.Th>{t('sheet.attendance')}</Table.Th>
            <Table.Th ta="right">{t('sheet.savingsDue')}</Table.Th>
            <Table.Th>{t('sheet.compulsory')}</Table.Th>
            <Table.Th>{t('sheet.voluntary')}</Table.Th>
            <Table.Th>{t('sheet.withdrawal')}</Table.Th>
            <Table.Th ta="right">{t('sheet.loanDue')}</Table.Th>
            <Table.Th>{t('sheet.repayment')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {sheet.lines.map((l, i) => (
            <Table.Tr key={l.personId}>
              <Table.Td>{l.name}</Table.Td>
              <Table.Td>
                <NativeSelect
                  size="xs"
                  disabled={!canWrite}
                  aria-label={`${t('sheet.attendance')}: ${l.name}`}
                  value={rows[i]!.status}
                  onChange={(e) => set(i, { status: e.currentTarget.value as AttendanceStatus })}
                  data={ATTENDANCE_STATUSES.map((s) => ({ value: s, label: t(`g.att.${s}`) }))}
                />
              </Table.Td>
              <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                {mnt(l.weeklyMinor)}
                {l.savingsArrearsMinor > 0 && (
                  <Text span size="xs" c="orange">
                    {' '}
                    + {mnt(l.savingsArrearsMinor)}
                  </Text>
                )}
              </Table.Td>
              {(['compulsoryMinor', 'voluntaryMinor', 'withdrawalMinor'] as const).map((c) => (
                <Table.Td key={c}>
                  <AmountCell readOnly={!canWrite} label={`${t(`sheet.${c}`)}: ${l.name}`} value={rows[i]!.amounts[c]} error={errors[`${i}.${c}`]} onChange={(v) => set(i, { column: c, value: v })} />
                </Table.Td>
              ))}
              <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                {l.loan ? mnt(l.loan.dueMinor) : '—'}
                {l.loan && l.loan.overdueMinor > 0 && (
                  <Text size="xs" c="orange">
                    {t('sheet.overdue', { amount: mnt(l.loan.overdueMinor), weeks: l.loan.weeksInArrears })}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                {l.loan ? <AmountCell readOnly={!canWrite} label={`${t('sheet.repaymentMinor')}: ${l.name}`} value={rows[i]!.amounts.repaymentMinor} error={errors[`${i}.repaymentMinor`]} onChange={(v) => set(i, { column: 'repaymentMinor', value: v })} /> : null}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
        <Table.Tfoot>
          <Table.Tr fw={700}>
            <Table.Td colSpan={3}>{t('common.total')}</Table.Td>
            {COLUMNS.slice(0, 3).map((c) => (
              <Table.Td key={c} ta="right" data-testid={`total-${c}`}>
                {mnt(total(c))}
              </Table.Td>
            ))}
            <Table.Td />
            <Table.Td ta="right" data-testid="total-repaymentMinor">
              {mnt(total('repaymentMinor'))}
            </Table.Td>
          </Table.Tr>
        </Table.Tfoot>
      </Table>
      <Group justify="space-between" mt="md">
        <Text size="sm" data-testid="sheet-cash">
          {t('sheet.cash', { amount: mnt(total('compulsoryMinor') + total('voluntaryMinor') - total('withdrawalMinor') + total('repaymentMinor')) })}
        </Text>
        {canWrite && (
          <Button onClick={() => void save()} loading={busy}>
            {t('common.save')}
          </Button>
        )}
      </Group>
      {error && (
        <Text c="red" size="sm" role="alert" mt="xs">
          {error}
        </Text>
      )}
    </Card>
  )
}

function AmountCell({ label, value, error, readOnly, onChange }: { label: string; value: string; error?: string; readOnly: boolean; onChange(v: string): void }) {
  return <TextInput size="xs" aria-label={label} value={value} error={error} readOnly={readOnly} inputMode="decimal" styles={{ input: { textAlign: 'right' } }} w={110} onChange={(e) => onChange(e.currentTarget.value)} />
}
