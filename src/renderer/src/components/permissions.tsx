import type { ReactNode } from 'react'
import { useOperation } from '../query'

/** Whether this session may write (the board's read-only role is offered no add, edit, record or void). */
export function useCanWrite(): boolean {
  const info = useOperation('system.info', {}, { lookup: true })
  return info.data?.role === 'secretariat'
}

/** What only a session that may write is offered: shown to the secretariat, not to a read-only board member. */
export function Writes({ children }: { children: ReactNode }) {
  return useCanWrite() ? <>{children}</> : null
}
