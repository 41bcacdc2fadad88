/**
 * `npm run test:db`: runs the pgTAP files in supabase/tests/database/ with pg_prove against the local stack's
 * database and exits with pg_prove's code. The database comes from DATABASE_URL, else from $STACK_DIR/.env
 * (default .stack/.env, written by `npm run stack:start`). Extra arguments go to pg_prove, e.g. a single file
 * or --verbose.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { envFile, repoRoot } from './config.ts';

function databaseUrl(): string {
  if (process.env.DATABASE_URL) return process.env.DATABASE_URL;
  if (fs.existsSync(envFile)) {
    const line = fs
      .readFileSync(envFile, 'utf8')
      .split('\n')
      .find((l) => l.startsWith('DATABASE_URL='));
    if (line) return line.slice('DATABASE_URL='.length).trim();
  }
  console.error(
    `No DATABASE_URL and no ${path.relative(repoRoot, envFile)}: start the stack (npm run stack:start).`,
  );
  process.exit(2);
}

/**
 * pg_prove mangles a --dbname that has a query string ("database HASH(0x…)"), so the URL goes without it and
 * its parameters (sslmode) go to psql as PG* environment variables.
 */
function connection(url: string): { dbname: string; env: NodeJS.ProcessEnv } {
  const parsed = new URL(url);
  const env: NodeJS.ProcessEnv = {};
  const sslmode = parsed.searchParams.get('sslmode');
  if (sslmode) env.PGSSLMODE = sslmode;
  parsed.search = '';
  return { dbname: parsed.toString(), env };
}

const extra = process.argv.slice(2);
const targets = extra.length > 0 ? extra : [path.join('supabase', 'tests', 'database')];
const { dbname, env } = connection(databaseUrl());
const child = spawn('pg_prove', ['--ext', '.sql', '-d', dbname, ...targets], {
  cwd: repoRoot,
  stdio: 'inherit',
  env: { ...process.env, ...env },
});
child.on('error', (error) => {
  console.error(`Could not run pg_prove (${error.message}): npm run setup:system installs it.`);
  process.exit(2);
});
child.on('close', (code) => process.exit(code ?? 1));
