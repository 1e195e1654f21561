import type { ReactNode } from 'react'

/**
 * Text shown as it was written, in whatever script: a name, a code, a
 * receipt number, a file path. `translate="no"` says so to the browser (and
 * to the test that finds English words on a Mongolian screen).
 */
export function Verbatim({ children, mono, nowrap }: { children: ReactNode; mono?: boolean; /** A number or code, kept on one line. */ nowrap?: boolean }) {
  return (
    <span translate="no" style={{ ...(mono ? { fontFamily: 'var(--mantine-font-family-monospace)' } : {}), ...(nowrap ? { whiteSpace: 'nowrap' } : {}) }}>
      {children}
    </span>
  )
}

/** A translated sentence with one of its values (a path, a file name) marked as written. */
export function withVerbatim(sentence: string, value: string): ReactNode {
  const at = value ? sentence.indexOf(value) : -1
  if (at < 0) return sentence
  return (
    <>
      {sentence.slice(0, at)}
      <Verbatim>{value}</Verbatim>
      {sentence.slice(at + value.length)}
    </>
  )
}
