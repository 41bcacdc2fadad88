/**
 * `npm start`: installs missing system packages, starts the local backend with demo data, and serves the site
 * at http://localhost:4321 with hot reload. Ctrl-C stops the site and the backend it started.
 */
import { spawn, spawnSync } from 'node:child_process';
import { readStackEnv, startStack, stopStack } from './stack/lifecycle.ts';

const deps = spawnSync('bash', ['scripts/setup/system-deps.sh'], { stdio: 'inherit' });
if (deps.status !== 0) process.exit(deps.status ?? 1);

const { started } = await startStack();
const env = { ...process.env, ...readStackEnv() };
console.log(`Backend: ${env.PUBLIC_SUPABASE_URL} — demo accounts are listed in README.md.`);

const site = spawn('npx', ['astro', 'dev', '--host', '127.0.0.1', '--port', '4321'], {
  stdio: 'inherit',
  env,
});
const stop = async () => {
  site.kill('SIGTERM');
  if (started) await stopStack();
  process.exit(0);
};
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
site.on('exit', () => void stop());
