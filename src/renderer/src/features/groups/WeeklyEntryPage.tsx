import { useEffect, useRef, useState } from 'react'
import { Alert, Badge, Button, Card, Grid, Group, SegmentedControl, Select, Stack, Table, Text, Title, UnstyledButton } from '@mantine/core'
import { getRouteApi, useNavigate } from '@tanstack/react-router'
import { z } from 'zod'
import { ATTENDANCE_STATUSES, type AttendanceStatus, type WeekSheet } from '../../../../shared/api/groupsTypes'
import { isIsoDate, normalizeDate, todayIso } from '../../../../shared/domain/dates'
import { weekdayOf } from '../../../../shared/domain/meetings'
import { useOperation, write } from '../../query'
import { useI18n } from '../../i18n'
import { DateField } from '../../components/DateField'
import { PageState } from '../../components/PageState'
import { Verbatim } from '../../components/Verbatim'
import { useCanWrite } from '../../components/permissions'

export const weekSearch = z.object({ lsg: z.coerce.number().int().positive().optional().catch(undefined), week: z.string().optional().catch(undefined) })
type Search = z.infer<typeof weekSearch>
const route = getRouteApi('/groups/week')

const KEYS: Record<string, AttendanceStatus> = { '1': 'present', '2': 'late', '3': 'represented', '4': 'excused', '5': 'absent' }

/**
 * A facilitator's sitting: the weekly sheets of a large group's small groups
 * one after another, keyboard only — 1-5 sets the status of the member row
 * in focus (↑ ↓ move), Enter saves the sheet and opens the next group's.
 */
export function WeeklyEntryPage() {
  const { t, local } = useI18n()
  const search = route.useSearch()
  const navigate = useNavigate({ from: '/groups/week' })
  const set = (patch: Partial<Search>) => void navigate({ search: (s: Search) => ({ ...s, ...patch }) })
  const tree = useOperation('groups.tree', {})
  const lsgs = (tree.data ?? []).flatMap((a) => a.lsgs.map((l) => ({ value: String(l.id), label: `${l.code} ${l.name} (${local(a.branchName)})` })))
  const lsgId = search.lsg ?? (lsgs[0] ? Number(lsgs[0].value) : undefined)
  const [weekText, setWeekText] = useState(search.week ?? todayIso())
  const week = normalizeDate(weekText.trim())
  return (
    <Stack>
      <Title order={2}>{t('g.weekTitle')}</Title>
      <Text size="sm" c="dimmed">
        {t('g.weekHelp')}
      </Text>
      <Group align="flex-end">
        <Select label={t('g.lsg')} allowDeselect={false} searchable data={lsgs} value={lsgId ? String(lsgId) : null} onChange={(v) => v && set({ lsg: Number(v) })} w={360} />
        <DateField
          label={t('g.weekOf')}
          value={weekText}
          onChange={(v) => {
            setWeekText(v)
            const d = normalizeDate(v.trim())
            if (isIsoDate(d)) set({ week: d })
          }}
          w={200}
        />
      </Group>
      {lsgId && isIsoDate(week) ? <WeekSheets lsgId={lsgId} week={week} /> : null}
    </Stack>
  )
}

function WeekSheets({ lsgId, week }: { lsgId: number; week: string }) {
  const sheets = useOperation('meetings.week', { lsgId, weekOf: week })
  return <PageState state={sheets} reload={sheets.reload}>{(list) => <Sitting key={`${lsgId}/${week}`} sheets={list} />}</PageState>
}

function Sitting({ sheets }: { sheets: WeekSheet[] }) {
  const { t, date, errorText } = useI18n()
  const canWrite = useCanWrite()
  const firstOpen = Math.max(0, sheets.findIndex((s) => !s.recorded && s.members.length > 0))
  const [index, setIndex] = useState(firstOpen)
  const current = sheets[index]
  const [status, setStatus] = useState<Record<number, AttendanceStatus>>({})
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const rows = useRef<Array<HTMLTableRowElement | null>>([])
  const open = (i: number) => {
    setIndex(i)
    setStatus({})
    setError(null)
  }
  useEffect(() => {
    rows.current[0]?.focus()
  }, [index])
  if (!current) return <Text c="dimmed">{t('g.noSsgs')}</Text>
  const of = (personId: number) => status[personId] ?? 'present'
  const next = () => {
    const after = sheets.findIndex((s, i) => i > index && !s.recorded && s.members.length > 0)
    if (after >= 0) open(after)
  }
  const save = async () => {
    if (current.recorded || current.members.length === 0 || !canWrite) return next()
    setBusy(true)
    const r = await write('meetings.record', {
      groupType: 'ssg',
      groupId: current.ssgId,
      heldOn: current.heldOn,
      attendance: current.members.map((m) => ({ personId: m.personId, status: of(m.personId) })),
    })
    setBusy(false)
    if (!r.ok) return setError(`${t('g.weekNotSaved', { code: current.code })} ${errorText(r.error)}`)
    next()
  }
  const onKey = (e: React.KeyboardEvent, i: number, personId: number) => {
    const s = KEYS[e.key]
    if (s) {
      e.preventDefault()
      setStatus((x) => ({ ...x, [personId]: s }))
    } else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault()
      rows.current[i + (e.key === 'ArrowDown' ? 1 : -1)]?.focus()
    } else if (e.key === 'Enter') {
      e.preventDefault()
      void save()
    }
  }
  return (
    <Grid>
      <Grid.Col span={{ base: 12, md: 4 }}>
        <Card withBorder p="xs">
          <Stack gap={4} role="list" aria-label={t('g.ssgs')}>
            {sheets.map((s, i) => (
              <UnstyledButton key={s.ssgId} onClick={() => open(i)} role="listitem" aria-current={i === index} p={4} style={{ borderRadius: 4, background: i === index ? 'var(--mantine-color-teal-0)' : undefined }}>
                <Group justify="space-between" wrap="nowrap">
                  <Text size="sm">
                    <Verbatim>{s.code}</Verbatim> {s.name}
                  </Text>
                  {s.recorded ? (
                    <Badge size="xs" color="teal" variant="light">
                      {t('g.weekRecorded', { date: date(s.recorded.heldOn) })}
                    </Badge>
                  ) : s.members.length === 0 ? (
                    <Badge size="xs" color="gray" variant="light">
                      {t('g.weekNoMembers')}
                    </Badge>
                  ) : (
                    <Badge size="xs" color="orange" variant="light">
                      {t('g.weekToEnter')}
                    </Badge>
                  )}
                </Group>
              </UnstyledButton>
            ))}
          </Stack>
        </Card>
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 8 }}>
        <Card withBorder>
          <Title order={4} mb="xs" data-testid="week-sheet-title">
            {current.code} {current.name} · {date(current.heldOn)} ({t(`g.weekday.${weekdayOf(current.heldOn)}` as 'g.weekday.1')})
          </Title>
          {current.recorded ? (
            <Alert color="teal">{t('g.weekAlready', { date: date(current.recorded.heldOn) })}</Alert>
          ) : current.members.length === 0 ? (
            <Text c="dimmed">{t('g.noMembersOnDate')}</Text>
          ) : (
            <Table aria-label={t('g.sheet')}>
              <Table.Tbody>
                {current.members.map((m, i) => (
                  <Table.Tr key={m.personId} tabIndex={0} ref={(el) => void (rows.current[i] = el)} onKeyDown={(e) => onKey(e, i, m.personId)} aria-label={m.name}>
                    <Table.Td>{m.name}</Table.Td>
                    <Table.Td>
                      <SegmentedControl
                        size="xs"
                        tabIndex={-1}
                        aria-label={`${t('g.attendance')}: ${m.name}`}
                        value={of(m.personId)}
                        onChange={(v) => setStatus((x) => ({ ...x, [m.personId]: v as AttendanceStatus }))}
                        data={ATTENDANCE_STATUSES.map((s) => ({ value: s, label: t(`g.att.${s}` as 'g.att.present') }))}
                      />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
          {error && (
            <Alert color="red" role="alert" mt="xs">
              {error}
            </Alert>
          )}
          {canWrite && (
            <Group mt="sm">
              <Button onClick={() => void save()} loading={busy}>
                {current.recorded || current.members.length === 0 ? t('g.weekNext') : t('g.weekSaveNext')}
              </Button>
            </Group>
          )}
        </Card>
      </Grid.Col>
    </Grid>
  )
}
