import type { ReactNode } from 'react'
import { Text } from '@mantine/core'

/** A labelled value on a record's page: the label small and dimmed above it. */
export function Field({ label, value }: { label: string; value: ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm">{value}</Text>
    </div>
  )
}
