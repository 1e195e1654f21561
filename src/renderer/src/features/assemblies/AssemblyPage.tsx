import { useState } from 'react'
import { Alert, Button, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core'
import { useI18n } from '../../i18n'
import { BackLink } from '../../components/links'
import { useOperation } from '../../query'
import { PageState } from '../../components/PageState'
import { AuditTable } from '../../components/AuditTable'
import { AssemblyForm } from './AssemblyForm'
import { QuorumBadge } from './AssembliesPage'
import { FeeDecisionCard } from './FeeDecisionCard'
import { ElectionCard } from './ElectionCard'
import { Writes } from '../../components/permissions'
import { Verbatim } from '../../components/Verbatim'
import { Corrections } from './Corrections'

export function AssemblyPage({ id }: { id: number }) {
  const { t, date, local, num } = useI18n()
  const detail = useOperation('assemblies.get', { id })
  const [editing, setEditing] = useState(false)
  return (
    <PageState state={detail} reload={detail.reload}>
      {(d) => {
        const a = d.assembly
        return (
          <Stack>
            <Group justify="space-between">
              <Group>
                <BackLink to="/assemblies" label={t('nav.assemblies')} />
                <Title order={2}>
                  {a.kind === 'general' ? t('assembly.general') : `${t('assembly.local')}: ${local(a.bodyName)}`} · {date(a.heldOn)}
                </Title>
                <QuorumBadge met={a.quorumMet} />
              </Group>
              <Writes>
              <Button variant="light" onClick={() => setEditing(true)}>
                {t('assembly.correct')}
              </Button>
              </Writes>
            </Group>
            {!a.quorumMet && (
              <Alert color="red" title={t('assembly.noQuorum')}>
                {t('assembly.noQuorumBody', { present: a.membersPresent, eligible: a.membersEligible, needed: a.quorumNeeded })}
              </Alert>
            )}
            <Card withBorder>
              <SimpleGrid cols={{ base: 2, md: 4 }}>
                <div>
                  <Text size="xs" c="dimmed">{t('assembly.place')}</Text>
                  <Text size="sm">{a.place ?? '—'}</Text>
                </div>
                <div>
                  <Text size="xs" c="dimmed">{t('assembly.quorum')}</Text>
                  <Text size="sm" data-testid="quorum-line">{t('assembly.quorumLine', { present: num(a.membersPresent), eligible: num(a.membersEligible), needed: num(a.quorumNeeded) })}</Text>
                </div>
              </SimpleGrid>
              {d.decisions && (
                <>
                  <Title order={5} mt="md">{t('assembly.decisions')}</Title>
                  <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>{d.decisions}</Text>
                </>
              )}
              {d.minutes && (
                <>
                  <Title order={5} mt="md">{t('assembly.minutes')}</Title>
                  <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>{d.minutes}</Text>
                </>
              )}
            </Card>
            <Card withBorder>
              <Title order={4} mb="sm">{t('assembly.attendance')}</Title>
              {d.attendees === null ? (
                <Text size="sm" c="dimmed">{t('assembly.countOnly')}</Text>
              ) : d.attendees.length === 0 ? (
                <Text size="sm" c="dimmed">—</Text>
              ) : (
                <Text size="sm" data-testid="attendees">
                  {d.attendees.map((m, i) => (
                    <span key={m.membershipId}>
                      {i > 0 && ', '}
                      {m.name}
                      {m.registerNumber && <Text span size="xs" c="dimmed"> <Verbatim>{m.registerNumber}</Verbatim></Text>}
                    </span>
                  ))}
                </Text>
              )}
            </Card>
            <FeeDecisionCard assembly={a} fee={d.feeDecision} />
            <ElectionCard assembly={a} election={d.election} />
            <Corrections corrections={d.corrections} />
            <Card withBorder>
              <Title order={4} mb="sm">{t('person.audit')}</Title>
              <AuditTable entries={d.audit} />
            </Card>
            {editing && (
              <AssemblyForm
                assembly={a}
                detail={d}
                onClose={() => setEditing(false)}
                onSaved={() => setEditing(false)}
              />
            )}
          </Stack>
        )
      }}
    </PageState>
  )
}
