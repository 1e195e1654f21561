import { useEffect, useState } from 'react'

/** Hash routes, so the same build works from file:// in Electron and from the browser-mode server. */
export type Route =
  | { page: 'dashboard' }
  | { page: 'branches' }
  | { page: 'persons' }
  | { page: 'person'; id: number }
  | { page: 'households' }
  | { page: 'household'; id: number }
  | { page: 'members' }
  | { page: 'reports' }
  | { page: 'assemblies' }
  | { page: 'assembly'; id: number }
  | { page: 'fees' }
  | { page: 'boards' }
  | { page: 'budget' }
  | { page: 'transfers' }
  | { page: 'expenses' }
  | { page: 'bva' }
  | { page: 'settings' }
  | { page: 'backups' }

export function parseRoute(hash: string): Route {
  const [, page, id] = hash.replace(/^#/, '').split('/')
  const n = Number(id)
  switch (page) {
    case 'branches':
      return { page: 'branches' }
    case 'persons':
      return Number.isInteger(n) && n > 0 ? { page: 'person', id: n } : { page: 'persons' }
    case 'households':
      return Number.isInteger(n) && n > 0 ? { page: 'household', id: n } : { page: 'households' }
    case 'members':
      return { page: 'members' }
    case 'reports':
      return { page: 'reports' }
    case 'assemblies':
      return Number.isInteger(n) && n > 0 ? { page: 'assembly', id: n } : { page: 'assemblies' }
    case 'fees':
      return { page: 'fees' }
    case 'boards':
      return { page: 'boards' }
    case 'budget':
    case 'transfers':
    case 'expenses':
    case 'bva':
    case 'settings':
    case 'backups':
      return { page }
    default:
      return { page: 'dashboard' }
  }
}

export function href(route: Route): string {
  switch (route.page) {
    case 'person':
      return `#/persons/${route.id}`
    case 'household':
      return `#/households/${route.id}`
    case 'assembly':
      return `#/assemblies/${route.id}`
    default:
      return `#/${route.page}`
  }
}

export function navigate(route: Route): void {
  window.location.hash = href(route)
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(window.location.hash))
  useEffect(() => {
    const on = () => setRoute(parseRoute(window.location.hash))
    window.addEventListener('hashchange', on)
    return () => window.removeEventListener('hashchange', on)
  }, [])
  return route
}
