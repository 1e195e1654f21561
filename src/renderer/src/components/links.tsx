import { forwardRef, type AnchorHTMLAttributes, type MouseEvent } from 'react'
import { Anchor, NavLink, type AnchorProps, type NavLinkProps } from '@mantine/core'
import { createLink, useCanGoBack, useRouter } from '@tanstack/react-router'

/* Mantine's anchor and nav link taking typed routes (`to`, `params`, `search`) instead of a hand-made href. */
const AnchorBase = forwardRef<HTMLAnchorElement, AnchorProps & AnchorHTMLAttributes<HTMLAnchorElement>>((props, ref) => <Anchor component="a" ref={ref} {...props} />)
const NavLinkBase = forwardRef<HTMLAnchorElement, NavLinkProps & Omit<AnchorHTMLAttributes<HTMLAnchorElement>, keyof NavLinkProps>>((props, ref) => (
  <NavLink component="a" ref={ref} {...props} />
))
export const AnchorLink = createLink(AnchorBase)
export const NavLinkLink = createLink(NavLinkBase)

/**
 * "← Persons" on a record's page: when the user came from the list, Back to it
 * as she left it (filters, sort, page); opened from a deep link, the list.
 */
export function BackLink({ to, params, label }: { to: '/persons' | '/households' | '/assemblies' | '/groups' | '/groups/lsg/$id'; params?: { id: number }; label: string }) {
  const router = useRouter()
  const canGoBack = useCanGoBack()
  const back = (e: MouseEvent<HTMLAnchorElement>) => {
    if (!canGoBack) return
    e.preventDefault()
    router.history.back()
  }
  return (
    <AnchorLink to={to} params={params as never} size="sm" onClick={back}>
      ← {label}
    </AnchorLink>
  )
}
