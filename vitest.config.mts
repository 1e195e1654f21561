import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/integration/**/*.test.ts', 'test/*.test.ts'],
    environment: 'node',
    testTimeout: 30000,
    pool: 'forks',
  },
})
