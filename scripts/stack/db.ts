/**
 * The private PostgreSQL 15 cluster of the local stack: created with initdb under .stack/db, listening on
 * 127.0.0.1 only, bootstrapped with Supabase's roles and schemas, migrated with the Supabase CLI.
 * The machine's own PostgreSQL service is never touched.
 */
import fs from 'node:fs';
import path from 'node:path';
import {
  authenticatorPassword,
  dataDir,
  databaseUrl,
  host,
  logDir,
  pgBin,
  repoRoot,
  socketDir,
} from './config.ts';
import { run, waitFor } from './processes.ts';

const isRoot = process.getuid?.() === 0;

/** PostgreSQL refuses to run as root: as root, run its binaries as the `postgres` system user. */
function pgCommand(binary: string, args: string[]): [string, string[]] {
  const full = path.join(pgBin, binary);
  return isRoot ? ['runuser', ['-u', 'postgres', '--', full, ...args]] : [full, args];
}

function chownToPostgres(dir: string) {
  if (isRoot) return run('chown', ['-R', 'postgres:postgres', dir]);
}

/** Creates the cluster once; returns true when it was created now (so the caller seeds it). */
export async function ensureCluster(): Promise<boolean> {
  if (fs.existsSync(path.join(dataDir, 'PG_VERSION'))) return false;
  fs.mkdirSync(dataDir, { recursive: true });
  fs.mkdirSync(socketDir, { recursive: true });
  fs.mkdirSync(logDir, { recursive: true });
  await chownToPostgres(dataDir);
  await chownToPostgres(socketDir);
  await chownToPostgres(logDir);
  const [cmd, args] = pgCommand('initdb', [
    '-D',
    dataDir,
    '-U',
    'postgres',
    '--auth=trust',
    '--encoding=UTF8',
    '--locale=C.UTF-8',
  ]);
  await run(cmd, args);
  return true;
}

export async function startDb(port: number) {
  const [cmd, args] = pgCommand('pg_ctl', [
    '-D',
    dataDir,
    '-l',
    path.join(logDir, 'postgres.log'),
    '-w',
    '-t',
    '30',
    '-o',
    `-p ${port} -c listen_addresses=${host} -k ${socketDir} -c fsync=off -c max_connections=200`,
    'start',
  ]);
  await run(cmd, args);
  await waitFor('PostgreSQL', async () => (await psql(port, 'select 1', { allowFail: true })).code === 0);
}

export async function stopDb() {
  if (!fs.existsSync(path.join(dataDir, 'postmaster.pid'))) return;
  const [cmd, args] = pgCommand('pg_ctl', ['-D', dataDir, '-m', 'fast', '-w', 'stop']);
  await run(cmd, args, { allowFail: true });
}

/** Port of a running cluster, read from its postmaster.pid (line 4), or null. */
export function runningDbPort(): number | null {
  try {
    const lines = fs.readFileSync(path.join(dataDir, 'postmaster.pid'), 'utf8').split('\n');
    return Number(lines[3]) || null;
  } catch {
    return null;
  }
}

export function psql(
  port: number,
  sql: string,
  options: { allowFail?: boolean; vars?: Record<string, string> } = {},
) {
  const vars = Object.entries(options.vars ?? {}).flatMap(([k, v]) => ['-v', `${k}=${v}`]);
  return run('psql', [databaseUrl(port), '-X', '-q', '-v', 'ON_ERROR_STOP=1', ...vars, '-c', sql], {
    allowFail: options.allowFail,
  });
}

export function psqlFile(port: number, file: string, vars: Record<string, string> = {}) {
  const args = Object.entries(vars).flatMap(([k, v]) => ['-v', `${k}=${v}`]);
  return run('psql', [databaseUrl(port), '-X', '-q', '-v', 'ON_ERROR_STOP=1', ...args, '-f', file]);
}

/** Supabase's roles, schemas and extensions (idempotent). */
export async function bootstrap(port: number) {
  const dir = path.join(import.meta.dirname, 'sql');
  for (const file of fs.readdirSync(dir).sort()) {
    if (file.endsWith('.sql')) {
      await psqlFile(port, path.join(dir, file), { authenticator_password: authenticatorPassword });
    }
  }
}

/** Applies pending migrations with the same command used against production. */
export async function migrate(port: number) {
  const supabase = path.join(repoRoot, 'node_modules', '.bin', 'supabase');
  await run(supabase, ['db', 'push', '--db-url', databaseUrl(port), '--yes', '--include-all'], {
    cwd: repoRoot,
  });
  await psql(port, 'select extensions.notify_pgrst_reload()');
}

export async function seed(port: number) {
  const file = path.join(repoRoot, 'supabase', 'seed.sql');
  if (fs.existsSync(file)) await psqlFile(port, file);
}
