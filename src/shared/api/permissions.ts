/** Permission names an operation can require. */
export const PERMISSIONS = ['system.read', 'register.read', 'register.write', 'members.decide', 'audit.read', 'reports.read', 'governance.write', 'finance.write', 'groups.write', 'loans.write', 'settings.write', 'backups.write'] as const
export type Permission = (typeof PERMISSIONS)[number]

/** Roles and what they may do. Board members read; the secretariat does everything. */
export const ROLES: Record<string, readonly Permission[]> = {
  secretariat: PERMISSIONS,
  board: ['system.read', 'register.read', 'audit.read', 'reports.read'],
}
export type Role = keyof typeof ROLES
