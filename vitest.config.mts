import { defineConfig } from 'vitest/config'

/*
 * The unit, service and report suites run twice: on SQLite files in temp
 * folders, and on a throwaway PostgreSQL cluster that test/helpers/pgGlobal.ts
 * starts from the system's binaries (it fails, saying how to install them,
 * where they are missing). Files named *.sqlite.test.ts are about the SQLite
 * file itself (backups, the folder lock, the CLI's --data) and run once;
 * *.postgres.test.ts are about the shared server (several users at once, the
 * two engines side by side) and run in the PostgreSQL project.
 */
export default defineConfig({
  test: {
    environment: 'node',
    // Tests that load the whole demo (now with its savings and loans) take 10-30 s on a busy 2-core machine.
    testTimeout: 90000,
    hookTimeout: 60000,
    pool: 'forks',
    // Both cores: with one worker (the default on a 2-core machine) the suites ran one after another.
    maxWorkers: 2,
    projects: [
      {
        extends: true,
        test: {
          name: 'sqlite',
          include: ['src/**/*.test.ts', 'test/integration/**/*.test.ts', 'test/*.test.ts'],
          exclude: ['test/integration/**/*.postgres.test.ts'],
          env: { SPN_TEST_ENGINE: 'sqlite' },
          globalSetup: ['test/helpers/sqliteGlobal.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'postgres',
          include: ['test/integration/**/*.test.ts'],
          exclude: ['test/integration/**/*.sqlite.test.ts', 'test/integration/electron-glue.test.ts'],
          env: { SPN_TEST_ENGINE: 'postgres' },
          globalSetup: ['test/helpers/pgGlobal.ts'],
        },
      },
    ],
  },
})
