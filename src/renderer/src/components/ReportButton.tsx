import { useState, type ReactNode } from 'react'
import { Button, Text, type ButtonProps } from '@mantine/core'
import type { z } from 'zod'
import type { reportRequest } from '../../../shared/api/contract'
import type { ApiError } from '../../../shared/domain/result'
import { call } from '../api'
import { write } from '../query'
import { useI18n } from '../i18n'
import { downloadFile } from './download'
import { withVerbatim } from './Verbatim'

type ReportInput = z.input<typeof reportRequest>
type T = ReturnType<typeof useI18n>['t']

/**
 * A report as a file: in the desktop app the user chooses where to save it;
 * in a browser it downloads. Says what happened, or gives the refusal.
 */
export async function saveReport(input: ReportInput, t: T): Promise<{ ok: true; message: ReactNode } | { ok: false; error: ApiError }> {
  if (window.spn) {
    const r = await write('reports.save', input)
    if (!r.ok) return r
    return { ok: true, message: r.value.path ? withVerbatim(t('reports.saved', { path: r.value.path }), r.value.path) : t('reports.cancelled') }
  }
  const r = await call('reports.generate', input)
  if (!r.ok) return r
  downloadFile(r.value)
  return { ok: true, message: withVerbatim(t('reports.downloaded', { name: r.value.fileName, size: Math.ceil(r.value.byteLength / 1024) }), r.value.fileName) }
}

/** A button for a report of the page's subject; what happened is said through `onDone`. */
export function ReportButton({ input, label, onDone, ...props }: { input: ReportInput; label: string; onDone(message: ReactNode, ok: boolean): void } & ButtonProps) {
  const { t, errorText } = useI18n()
  const [busy, setBusy] = useState(false)
  const run = async () => {
    setBusy(true)
    try {
      const r = await saveReport(input, t)
      onDone(r.ok ? r.message : errorText(r.error), r.ok)
    } finally {
      setBusy(false)
    }
  }
  return (
    <Button variant="light" size="xs" {...props} loading={busy} onClick={() => void run()}>
      {label}
    </Button>
  )
}

/** What a report button did, in a line under it. */
export type ReportMessage = { text: ReactNode; ok: boolean } | null

export function ReportMessageLine({ message, mb }: { message: ReportMessage; mb?: string }) {
  if (!message) return null
  return (
    <Text size="sm" c={message.ok ? 'teal' : 'red'} role={message.ok ? 'status' : 'alert'} mb={mb}>
      {message.text}
    </Text>
  )
}
