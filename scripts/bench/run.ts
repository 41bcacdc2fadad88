/**
 * `npm run bench`: runs every benchmark in this folder one after another and lets each print its figures.
 * Benchmarks that talk to the backend get the local stack's env; the stack is started if needed and stopped
 * again only if this run started it.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { readStackEnv, startStack, stopStack } from '../stack/lifecycle.ts';

const dir = import.meta.dirname;
const only = process.argv.slice(2);
const benches = fs
  .readdirSync(dir)
  .filter((f) => f.endsWith('.ts') && f !== 'run.ts')
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
  .sort();

const { started } = await startStack();
let failed = 0;
try {
  const env = { ...process.env, ...readStackEnv() };
  for (const bench of benches) {
    console.log(`\n▶ ${bench}`);
    const result = spawnSync(process.execPath, [path.join(dir, bench)], { stdio: 'inherit', env });
    if (result.status !== 0) failed++;
  }
} finally {
  if (started) await stopStack();
}
process.exit(failed ? 1 : 0);
