import type { ReactNode } from 'react'
import { Text } from '@mantine/core'

/** One fact of a record's page: a small grey label over its value. */
export function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm">{children}</Text>
    </div>
  )
}
