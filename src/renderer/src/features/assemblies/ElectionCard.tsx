import { Alert, Badge, Button, Card, Checkbox, Group, NumberInput, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core'
import { BOARD_ROLES, type BoardRole } from '../../../../shared/domain/governance'
import type { AssemblyRow, Election } from '../../../../shared/api/governanceTypes'
import { electionInput, rolesInput, tieResolutionInput } from '../../../../shared/api/governance'
import { useOperation, write } from '../../query'
import { useI18n } from '../../i18n'
import { useContractForm } from '../../components/useContractForm'
import { useCanWrite } from '../../components/permissions'
import { Verbatim } from '../../components/Verbatim'

function RecordElection({ assembly }: { assembly: AssemblyRow }) {
  const { t } = useI18n()
  const members = useOperation('members.list', { status: 'active', memberType: 'person', pageSize: 200, ...(assembly.branchId ? { branchId: assembly.branchId } : {}) })
  const f = useContractForm(electionInput, { seats: 3 as number | string, candidates: [{ membershipId: null as string | null, votes: 0 as number | string }] })
  // Namesakes are told apart by the register number.
  const options = (members.data?.rows ?? []).map((m) => ({ value: String(m.id), label: m.registerNumber ? `${m.memberName} (${m.registerNumber})` : m.memberName }))
  const save = async () => {
    const input = f.parse((v) => ({
      assemblyId: assembly.id,
      seats: v.seats === '' ? undefined : Number(v.seats),
      candidates: v.candidates.map((c) => ({ membershipId: c.membershipId === null ? undefined : Number(c.membershipId), votes: c.votes === '' ? undefined : Number(c.votes) })),
    }))
    if (!input) return
    f.setBusy(true)
    const r = await write('elections.record', input)
    f.setBusy(false)
    if (!r.ok) f.serverError(r.error)
  }
  return (
    <Stack gap="xs">
      <NumberInput label={t('election.seats')} required min={1} max={50} {...f.input('seats')} w={120} />
      <Text size="sm" fw={500}>
        {t('election.candidates')}
      </Text>
      {f.values.candidates.map((_, i) => (
        <Group key={i} align="flex-start">
          <Select aria-label={`${t('election.candidate')} ${i + 1}`} placeholder={t('election.candidate')} searchable data={options} {...f.input(`candidates.${i}.membershipId`)} w={280} />
          <NumberInput aria-label={`${t('election.votes')} ${i + 1}`} min={0} {...f.input(`candidates.${i}.votes`)} w={110} />
          {f.values.candidates.length > 1 && (
            <Button variant="subtle" color="gray" size="xs" onClick={() => f.form.removeListItem('candidates', i)}>
              {t('election.remove')}
            </Button>
          )}
        </Group>
      ))}
      <Group>
        <Button variant="light" size="xs" onClick={() => f.form.insertListItem('candidates', { membershipId: null, votes: 0 })}>
          {t('election.addCandidate')}
        </Button>
        <Button size="xs" onClick={save} loading={f.busy}>
          {t('election.record')}
        </Button>
      </Group>
      {f.formError && (
        <Alert color="red" role="alert">
          {f.formError}
        </Alert>
      )}
    </Stack>
  )
}

function ElectionResult({ election, readOnly }: { election: Election; readOnly: boolean }) {
  const { t, num } = useI18n()
  const tie = useContractForm(tieResolutionInput, { winners: [] as string[], decision: '' })
  const roles = useContractForm(rolesInput, { roles: Object.fromEntries(election.candidates.filter((c) => c.elected).map((c) => [String(c.membershipId), c.role as BoardRole | null])) })
  const resolve = async () => {
    const input = tie.parse((v) => ({ electionId: election.id, winners: v.winners.map(Number), decision: v.decision }))
    if (!input) return
    const r = await write('elections.resolveTie', input)
    if (!r.ok) tie.serverError(r.error)
  }
  const saveRoles = async () => {
    const input = roles.parse((v) => ({
      electionId: election.id,
      roles: Object.entries(v.roles)
        .filter(([, role]) => role)
        .map(([membershipId, role]) => ({ membershipId: Number(membershipId), role })),
    }))
    if (!input) return
    const r = await write('elections.assignRoles', input)
    if (!r.ok) roles.serverError(r.error)
  }
  const error = tie.formError ?? roles.formError
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
              <Table.Td>
                {c.name}
                {c.registerNumber && (
                  <Text span size="xs" c="dimmed" ml={6}>
                    <Verbatim nowrap>{c.registerNumber}</Verbatim>
                  </Text>
                )}
              </Table.Td>
              <Table.Td ta="right">{num(c.votes)}</Table.Td>
              <Table.Td>
                {c.elected && <Badge color="green">{t('election.elected')}</Badge>}
                {c.tied && !c.elected && <Badge color="orange">{t('election.tied')}</Badge>}
              </Table.Td>
              <Table.Td>
                {c.elected && !election.tieOpen && !readOnly ? (
                  <Select
                    aria-label={`${t('election.roles')}: ${c.name}`}
                    size="xs"
                    clearable
                    {...roles.input(`roles.${c.membershipId}`)}
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
      {election.tieOpen && readOnly ? (
        <Alert color="orange">{t('election.tieOpen')}</Alert>
      ) : election.tieOpen ? (
        <Stack gap="xs">
          <Alert color="orange">{t('election.tieOpen')}</Alert>
          <Text size="sm" fw={500}>
            {t('election.winners')}
          </Text>
          <Checkbox.Group aria-label={t('election.winners')} {...tie.input('winners')}>
            <Group>
              {election.candidates
                .filter((c) => c.tied)
                .map((c) => (
                  <Checkbox key={c.id} label={c.name} value={String(c.membershipId)} />
                ))}
            </Group>
          </Checkbox.Group>
          <TextInput label={t('election.resolution')} required {...tie.input('decision')} />
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
          {!readOnly && (
            <Group>
              <Button size="xs" variant="light" onClick={saveRoles}>
                {t('election.saveRoles')}
              </Button>
            </Group>
          )}
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

export function ElectionCard({ assembly, election }: { assembly: AssemblyRow; election: Election | null }) {
  const { t } = useI18n()
  const canWrite = useCanWrite()
  return (
    <Card withBorder>
      <Title order={4} mb="sm">
        {t('election.title')}
      </Title>
      {election ? (
        <ElectionResult key={JSON.stringify(election)} election={election} readOnly={!canWrite} />
      ) : canWrite ? (
        <RecordElection assembly={assembly} />
      ) : (
        <Text size="sm" c="dimmed">
          {t('election.none')}
        </Text>
      )}
    </Card>
  )
}
