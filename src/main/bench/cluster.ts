import { execFileSync } from 'node:child_process'
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir, userInfo } from 'node:os'
import { join } from 'node:path'

/*
 * A throwaway PostgreSQL cluster for the tests and the bench, from the
 * system's binaries: initdb in a temp folder, a free port on 127.0.0.1,
 * stopped and removed afterwards. Where the binaries are missing it fails and
 * says how to install them: never a silent skip.
 */

export interface Cluster {
  url: (db: string) => string
  stop(): void
}

function findBin(): string {
  const fromEnv = process.env.PG_BIN
  if (fromEnv && existsSync(join(fromEnv, 'initdb'))) return fromEnv
  const root = '/usr/lib/postgresql'
  const versions = existsSync(root)
    ? readdirSync(root)
        .filter((v) => existsSync(join(root, v, 'bin', 'initdb')))
        .sort((a, b) => Number(b) - Number(a))
    : []
  if (!versions.length || Number(versions[0]) < 15) {
    throw new Error(
      'The PostgreSQL tests need PostgreSQL 15 or later (initdb, pg_ctl). Install it with "apt-get install postgresql" ' +
        '(or set PG_BIN to the folder holding initdb); `.ci/run` installs it on a fresh machine.',
    )
  }
  return join(root, versions[0], 'bin')
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer()
    s.once('error', reject)
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port
      s.close(() => resolve(port))
    })
  })
}

export async function startCluster(): Promise<Cluster> {
  const bin = findBin()
  const dir = mkdtempSync(join(tmpdir(), 'spn-pg-'))
  const data = join(dir, 'data')
  // initdb refuses to run as root: the cluster then belongs to the postgres user.
  const asRoot = userInfo().uid === 0
  let run = (cmd: string, args: string[]) => execFileSync(join(bin, cmd), args, { stdio: 'pipe' })
  if (asRoot) {
    const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim())
    const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim())
    chownSync(dir, uid, gid)
    chmodSync(dir, 0o700)
    run = (cmd, args) => execFileSync(join(bin, cmd), args, { stdio: 'pipe', uid, gid, cwd: dir })
  }
  const port = await freePort()
  try {
    run('initdb', ['-D', data, '-A', 'trust', '-U', 'spn', '-E', 'UTF8', '--locale=C', '--no-sync'])
    run('pg_ctl', [
      '-D', data, '-l', join(dir, 'log'), '-w', '-t', '30',
      '-o', `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200`,
      'start',
    ])
  } catch (e) {
    rmSync(dir, { recursive: true, force: true })
    const err = e as { stderr?: Buffer; message: string }
    throw new Error(`The throwaway PostgreSQL cluster did not start: ${err.stderr?.toString() || err.message}`)
  }
  return {
    url: (db) => `postgresql://spn@127.0.0.1:${port}/${db}`,
    stop() {
      try {
        run('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop'])
      } finally {
        rmSync(dir, { recursive: true, force: true })
      }
    },
  }
}
