import tseslint from 'typescript-eslint'

// Import boundaries from DESIGN.md: renderer -> shared, main -> shared,
// preload -> shared (names only); shared imports no other part; only the
// Electron glue imports electron.
const restrict = (patterns, message) => ({
  'no-restricted-imports': ['error', { patterns: [{ group: patterns, message }] }],
})

export default tseslint.config(
  { ignores: ['out/**', 'node_modules/**', 'native/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
      'no-console': 'off',
    },
  },
  {
    files: ['src/shared/**'],
    rules: restrict(['**/main/**', '**/renderer/**', '**/preload/**', 'electron', 'node:*', 'typeorm', 'better-sqlite3', 'react'], 'src/shared is pure TypeScript: no app parts, no Node, no Electron, no DOM libraries'),
  },
  {
    files: ['src/renderer/**'],
    rules: restrict(['**/main/**', '**/preload/**', 'electron', 'node:*', 'typeorm', 'better-sqlite3'], 'The renderer talks to the backend only through src/renderer/src/api.ts'),
  },
  {
    files: ['src/preload/**'],
    rules: restrict(['**/main/**', '**/renderer/**', '**/shared/api/contract*', 'zod'], 'The preload uses operation names only'),
  },
  {
    files: ['src/main/**'],
    ignores: ['src/main/index.ts', 'src/main/window.ts', 'src/main/transport/ipc.ts'],
    rules: restrict(['electron', '**/renderer/**', '**/preload/**'], 'Only the Electron glue (index.ts, window.ts, transport/ipc.ts) may import electron'),
  },
  {
    // One data layer: the drivers live behind src/main/db (the bench's raw baselines measure beneath it on purpose).
    files: ['src/main/**'],
    ignores: ['src/main/db/**', 'src/main/bench/**', 'src/main/index.ts', 'src/main/window.ts', 'src/main/transport/ipc.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['better-sqlite3', 'pg'], message: 'Services are engine-blind: use the SQL helper (db/sql) and TypeORM, not a driver' },
            { group: ['electron', '**/renderer/**', '**/preload/**'], message: 'Only the Electron glue (index.ts, window.ts, transport/ipc.ts) may import electron' },
          ],
        },
      ],
    },
  },
)
