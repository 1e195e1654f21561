import { useState } from 'react'
import { Alert, Badge, Button, Card, Checkbox, Group, NumberInput, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core'
import { BOARD_ROLES, type BoardRole } from '../../../../shared/domain/governance'
import type { AssemblyRow, Election } from '../../../../shared/api/governanceTypes'
import { write } from '../../query'
import { useI18n } from '../../i18n'
import { useOperation } from '../../query'

function RecordElection({ assembly, onSaved }: { assembly: AssemblyRow; onSaved(): void }) {
  const { t, errorText } = useI18n()
  const members = useOperation('members.list', { status: 'active', memberType: 'person', pageSize: 200, ...(assembly.branchId ? { branchId: assembly.branchId } : {}) })
  const [seats, setSeats] = useState<number | string>(3)
  const [rows, setRows] = useState<Array<{ membershipId: string | null; votes: number | string }>>([{ membershipId: null, votes: 0 }])
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const options = (members.data?.rows ?? []).map((m) => ({ value: String(m.id), label: m.memberName }))
  const save = async () => {
    setBusy(true)
    const r = await write('elections.record', {
      assemblyId: assembly.id,
      seats: Number(seats),
      candidates: rows.filter((x) => x.membershipId).map((x) => ({ membershipId: Number(x.membershipId), votes: Number(x.votes) })),
    })
    setBusy(false)
    if (r.ok) onSaved()
    else setError(errorText(r.error))
  }
  return (
    <Stack gap="xs">
      <NumberInput label={t('election.seats')} min={1} max={50} value={seats} onChange={setSeats} w={120} />
      <Text size="sm" fw={500}>
        {t('election.candidates')}
      </Text>
      {rows.map((row, i) => (
        <Group key={i} align="flex-end">
          <Select
            aria-label={`${t('election.candidate')} ${i + 1}`}
            placeholder={t('election.candidate')}
            searchable
            data={options}
            value={row.membershipId}
            onChange={(v) => setRows(rows.map((x, j) => (j === i ? { ...x, membershipId: v } : x)))}
            w={280}
          />
          <NumberInput aria-label={`${t('election.votes')} ${i + 1}`} min={0} value={row.votes} onChange={(v) => setRows(rows.map((x, j) => (j === i ? { ...x, votes: v } : x)))} w={110} />
          {rows.length > 1 && (
            <Button variant="subtle" color="gray" size="xs" onClick={() => setRows(rows.filter((_, j) => j !== i))}>
              {t('election.remove')}
            </Button>
          )}
        </Group>
      ))}
      <Group>
        <Button variant="light" size="xs" onClick={() => setRows([...rows, { membershipId: null, votes: 0 }])}>
          {t('election.addCandidate')}
        </Button>
        <Button size="xs" onClick={save} loading={busy}>
          {t('election.record')}
        </Button>
      </Group>
      {error && (
        <Alert color="red" role="alert">
          {error}
        </Alert>
      )}
    </Stack>
  )
}

function ElectionResult({ election, onSaved }: { election: Election; onSaved(): void }) {
  const { t, num, errorText } = useI18n()
  const [winners, setWinners] = useState<number[]>([])
  const [decision, setDecision] = useState('')
  const [roles, setRoles] = useState<Record<number, BoardRole | null>>(Object.fromEntries(election.candidates.filter((c) => c.elected).map((c) => [c.membershipId, c.role])))
  const [error, setError] = useState<string | null>(null)
  const resolve = async () => {
    const r = await write('elections.resolveTie', { electionId: election.id, winners, decision })
    if (r.ok) onSaved()
    else setError(errorText(r.error))
  }
  const saveRoles = async () => {
    const r = await write('elections.assignRoles', {
      electionId: election.id,
      roles: Object.entries(roles).filter(([, role]) => role).map(([membershipId, role]) => ({ membershipId: Number(membershipId), role: role! })),
    })
    if (r.ok) onSaved()
    else setError(errorText(r.error))
  }
  return (
    <Stack gap="xs">
      <Text size="sm" c="dimmed">
        {t('election.seats')}: {election.seats} · {t('election.totalVotes', { total: num(election.totalVotes), max: num(election.maxVotes) })}
      </Text>
      <Table withTableBorder aria-label={t('election.candidates')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('election.candidate')}</Table.Th>
            <Table.Th ta="right">{t('election.votes')}</Table.Th>
            <Table.Th>{t('election.title')}</Table.Th>
            <Table.Th>{t('election.roles')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {election.candidates.map((c) => (
            <Table.Tr key={c.id}>
              <Table.Td>{c.name}</Table.Td>
              <Table.Td ta="right">{num(c.votes)}</Table.Td>
              <Table.Td>
                {c.elected && <Badge color="green">{t('election.elected')}</Badge>}
                {c.tied && !c.elected && <Badge color="orange">{t('election.tied')}</Badge>}
              </Table.Td>
              <Table.Td>
                {c.elected && !election.tieOpen ? (
                  <Select
                    aria-label={`${t('election.roles')}: ${c.name}`}
                    size="xs"
                    clearable
                    value={roles[c.membershipId] ?? null}
                    onChange={(v) => setRoles({ ...roles, [c.membershipId]: v as BoardRole | null })}
                    data={BOARD_ROLES.map((r) => ({ value: r, label: t(`role.${r}`) }))}
                    w={160}
                  />
                ) : c.role ? (
                  t(`role.${c.role}`)
                ) : (
                  ''
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {election.tieOpen ? (
        <Stack gap="xs">
          <Alert color="orange">{t('election.tieOpen')}</Alert>
          <Text size="sm" fw={500}>
            {t('election.winners')}
          </Text>
          <Group>
            {election.candidates
              .filter((c) => c.tied)
              .map((c) => (
                <Checkbox key={c.id} label={c.name} checked={winners.includes(c.membershipId)} onChange={(e) => setWinners(e.currentTarget.checked ? [...winners, c.membershipId] : winners.filter((w) => w !== c.membershipId))} />
              ))}
          </Group>
          <TextInput label={t('election.resolution')} value={decision} onChange={(e) => setDecision(e.currentTarget.value)} />
          <Group>
            <Button size="xs" onClick={resolve}>
              {t('election.resolve')}
            </Button>
          </Group>
        </Stack>
      ) : (
        <>
          {election.tieResolution && (
            <Text size="sm">
              {t('election.resolution')}: {election.tieResolution}
            </Text>
          )}
          <Group>
            <Button size="xs" variant="light" onClick={saveRoles}>
              {t('election.saveRoles')}
            </Button>
          </Group>
        </>
      )}
      {error && (
        <Alert color="red" role="alert">
          {error}
        </Alert>
      )}
    </Stack>
  )
}

export function ElectionCard({ assembly, election, onSaved }: { assembly: AssemblyRow; election: Election | null; onSaved(): void }) {
  const { t } = useI18n()
  return (
    <Card withBorder>
      <Title order={4} mb="sm">
        {t('election.title')}
      </Title>
      {election ? <ElectionResult key={JSON.stringify(election)} election={election} onSaved={onSaved} /> : <RecordElection assembly={assembly} onSaved={onSaved} />}
    </Card>
  )
}
