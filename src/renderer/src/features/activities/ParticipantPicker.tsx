import { useState } from 'react'
import { ActionIcon, Button, Checkbox, Group, Paper, ScrollArea, SegmentedControl, Select, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core'
import type { Candidate } from '../../../../shared/api/activitiesTypes'
import { useOperation } from '../../query'
import { useI18n } from '../../i18n'
import { useBranches } from '../../components/pickers'
import { Verbatim } from '../../components/Verbatim'
import { groupBy } from '../../../../shared/domain/lists'

/** A recorded person picked as a participant. */
export interface Picked {
  personId: number
  name: string
  group: string
}

export interface Outsider {
  name: string
  sex: 'female' | 'male'
  branchId: number | null
}

/**
 * Fast picking of an activity's participants: a large group (its small
 * groups' members on the first day) or a local organisation's SPN members,
 * all ticked, untick who did not come, add; a person found by name; and
 * people from outside by name, sex and area. Each recorded person once.
 */
export function ParticipantPicker(props: { on: string; /** Already taking part: not offered. */ already?: ReadonlySet<number>; picked: Picked[]; onPicked(p: Picked[]): void; outsiders: Outsider[]; onOutsiders(o: Outsider[]): void; error?: string | null }) {
  const { t } = useI18n()
  const [mode, setMode] = useState<'group' | 'name' | 'outside'>('group')
  const taken = new Set([...(props.already ?? []), ...props.picked.map((p) => p.personId)])
  const add = (more: Picked[]) => {
    const known = taken
    props.onPicked([...props.picked, ...more.filter((p) => !known.has(p.personId))])
  }
  return (
    <Stack gap="sm">
      <Title order={4}>{t('act.participants')}</Title>
      <SimpleGrid cols={2} spacing="md">
        <Paper withBorder p="sm">
          <Stack gap="sm">
            <SegmentedControl
              aria-label={t('act.pickFrom')}
              value={mode}
              onChange={(v) => setMode(v as typeof mode)}
              data={[
                { value: 'group', label: t('act.byGroup') },
                { value: 'name', label: t('act.byName') },
                { value: 'outside', label: t('act.fromOutside') },
              ]}
            />
            {mode === 'group' && <FromGroup on={props.on} onAdd={add} taken={taken} />}
            {mode === 'name' && <ByName onAdd={add} taken={taken} />}
            {mode === 'outside' && <FromOutside onAdd={(o) => props.onOutsiders([...props.outsiders, o])} />}
          </Stack>
        </Paper>
        <Chosen picked={props.picked} outsiders={props.outsiders} onPicked={props.onPicked} onOutsiders={props.onOutsiders} error={props.error} />
      </SimpleGrid>
    </Stack>
  )
}

function FromGroup({ on, onAdd, taken }: { on: string; onAdd(p: Picked[]): void; taken: ReadonlySet<number> }) {
  const { t, local } = useI18n()
  const tree = useOperation('groups.tree', { on }, { lookup: true })
  const branches = useBranches()
  const [source, setSource] = useState<string | null>(null)
  const [from, id] = (source ?? ':').split(':') as ['lsg' | 'branch' | '', string]
  const candidates = useOperation('activities.candidates', { from: from === '' ? 'lsg' : from, id: Number(id) || 1, on }, { enabled: from !== '' })
  const [unticked, setUnticked] = useState<Set<number>>(new Set())
  const rows = (candidates.data ?? []).filter((c) => !taken.has(c.personId))
  const ticked = rows.filter((c) => !unticked.has(c.personId))
  const groups = [...groupBy(rows, (c) => c.group)]
  const toggle = (ids: number[], on: boolean) =>
    setUnticked((u) => {
      const next = new Set(u)
      for (const i of ids) if (on) next.delete(i)
      else next.add(i)
      return next
    })
  const data = [
    ...(tree.data ?? []).map((a) => ({
      group: local(a.branchName),
      items: [{ value: `branch:${a.branchId}`, label: t('act.branchMembers', { area: local(a.branchName) }) }, ...a.lsgs.map((l) => ({ value: `lsg:${l.id}`, label: `${l.code} ${l.name}` }))],
    })),
    ...(branches.data ?? [])
      .filter((b) => !(tree.data ?? []).some((a) => a.branchId === b.id))
      .map((b) => ({ group: local({ mn: b.nameMn, en: b.nameEn }), items: [{ value: `branch:${b.id}`, label: t('act.branchMembers', { area: local({ mn: b.nameMn, en: b.nameEn }) }) }] })),
  ]
  return (
    <Stack gap="xs">
      <Select label={t('act.pickGroup')} searchable value={source} onChange={(v) => { setSource(v); setUnticked(new Set()) }} data={data} />
      {source && (
        <>
          <Text size="xs" c="dimmed">
            {t('act.pickHelp')}
          </Text>
          <ScrollArea.Autosize mah={260}>
            <Stack gap={4}>
              {groups.map(([group, people]) => (
                <Stack key={group} gap={2}>
                  <Checkbox
                    fw={600}
                    label={t('act.tickGroup', { group })}
                    checked={people.every((c) => !unticked.has(c.personId))}
                    indeterminate={people.some((c) => unticked.has(c.personId)) && people.some((c) => !unticked.has(c.personId))}
                    onChange={(e) => toggle(people.map((c) => c.personId), e.currentTarget.checked)}
                  />
                  {people.map((c: Candidate) => (
                    <Checkbox key={c.personId} ml="lg" label={c.name} checked={!unticked.has(c.personId)} onChange={(e) => toggle([c.personId], e.currentTarget.checked)} />
                  ))}
                </Stack>
              ))}
              {candidates.data && rows.length === 0 && (
                <Text size="sm" c="dimmed">
                  {t('common.noMatches')}
                </Text>
              )}
            </Stack>
          </ScrollArea.Autosize>
          <Group>
            <Button size="xs" disabled={ticked.length === 0} onClick={() => onAdd(ticked.map((c) => ({ personId: c.personId, name: c.name, group: c.group })))}>
              {t('act.addTicked', { n: ticked.length })}
            </Button>
          </Group>
        </>
      )}
    </Stack>
  )
}

function ByName({ onAdd, taken }: { onAdd(p: Picked[]): void; taken: ReadonlySet<number> }) {
  const { t, local } = useI18n()
  const [query, setQuery] = useState('')
  const found = useOperation('persons.search', { query: query.trim(), sort: 'givenName', dir: 'asc', page: 1, pageSize: 10 }, { enabled: query.trim().length > 1 })
  return (
    <Stack gap="xs">
      <TextInput label={t('act.findPerson')} value={query} onChange={(e) => setQuery(e.currentTarget.value)} />
      {(found.data?.rows ?? []).map((p) => (
        <Group key={p.id} justify="space-between" wrap="nowrap">
          <Text size="sm">
            {p.shortName}{' '}
            <Text span size="xs" c="dimmed">
              {p.registerNumber && <Verbatim>{p.registerNumber}</Verbatim>} · {local(p.branchName)}
            </Text>
          </Text>
          <Button size="compact-xs" variant="light" disabled={taken.has(p.id)} onClick={() => onAdd([{ personId: p.id, name: p.shortName, group: local(p.branchName) }])}>
            {t('act.addOutsider')}
          </Button>
        </Group>
      ))}
    </Stack>
  )
}

function FromOutside({ onAdd }: { onAdd(o: Outsider): void }) {
  const { t, local } = useI18n()
  const branches = useBranches()
  const [name, setName] = useState('')
  const [sex, setSex] = useState<'female' | 'male'>('female')
  const [branch, setBranch] = useState<string | null>(null)
  const [error, setError] = useState<string | null>(null)
  const submit = () => {
    if (!name.trim()) return setError(t('v.required'))
    onAdd({ name: name.trim(), sex, branchId: branch ? Number(branch) : null })
    setName('')
    setError(null)
  }
  return (
    <Stack gap="xs">
      <TextInput
        label={t('g.name')}
        value={name}
        error={error}
        onChange={(e) => setName(e.currentTarget.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault()
            submit()
          }
        }}
      />
      <Group grow align="flex-end">
        <SegmentedControl aria-label={t('act.sex')} value={sex} onChange={(v) => setSex(v as 'female' | 'male')} data={[{ value: 'female', label: t('act.female') }, { value: 'male', label: t('act.male') }]} />
        <Select label={t('g.area')} clearable value={branch} onChange={setBranch} data={(branches.data ?? []).map((b) => ({ value: String(b.id), label: local({ mn: b.nameMn, en: b.nameEn }) }))} />
      </Group>
      <Group>
        <Button size="xs" onClick={submit}>
          {t('act.addOutsider')}
        </Button>
      </Group>
    </Stack>
  )
}

function Chosen(props: { picked: Picked[]; outsiders: Outsider[]; onPicked(p: Picked[]): void; onOutsiders(o: Outsider[]): void; error?: string | null }) {
  const { t } = useI18n()
  const n = props.picked.length + props.outsiders.length
  return (
    <Paper withBorder p="sm">
      <Stack gap={4}>
        <Text fw={600} size="sm" data-testid="participant-count">
          {t('act.participantCount', { n })}
        </Text>
        {props.error && (
          <Text size="sm" c="red" role="alert">
            {props.error}
          </Text>
        )}
        {n === 0 && (
          <Text size="sm" c="dimmed">
            {t('act.noParticipants')}
          </Text>
        )}
        <ScrollArea.Autosize mah={340}>
          <Table verticalSpacing={2} fz="sm">
            <Table.Tbody>
              {props.picked.map((p) => (
                <Table.Tr key={`p${p.personId}`}>
                  <Table.Td>{p.name}</Table.Td>
                  <Table.Td c="dimmed">{p.group}</Table.Td>
                  <Table.Td w={30}>
                    <ActionIcon size="sm" variant="subtle" color="red" aria-label={`${t('proj.remove')}: ${p.name}`} onClick={() => props.onPicked(props.picked.filter((x) => x.personId !== p.personId))}>
                      ×
                    </ActionIcon>
                  </Table.Td>
                </Table.Tr>
              ))}
              {props.outsiders.map((o, i) => (
                <Table.Tr key={`o${i}`}>
                  <Table.Td>{o.name}</Table.Td>
                  <Table.Td c="dimmed">
                    {t('act.fromOutside')} · {t(o.sex === 'female' ? 'act.female' : 'act.male')}
                  </Table.Td>
                  <Table.Td w={30}>
                    <ActionIcon size="sm" variant="subtle" color="red" aria-label={`${t('proj.remove')}: ${o.name}`} onClick={() => props.onOutsiders(props.outsiders.filter((_, j) => j !== i))}>
                      ×
                    </ActionIcon>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollArea.Autosize>
      </Stack>
    </Paper>
  )
}
