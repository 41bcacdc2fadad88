/**
 * `npm test`: every check the project has, in one command, stopping at the first failure
 * (pass `-- --keep-going` to run every step anyway).
 * Installs missing Debian packages, starts the local stack when it is not running (and stops only what it
 * started), builds the site against it, and runs: lint, astro check, unit, database (pgTAP), schema types,
 * integration, page-weight budget, browser (e2e) and accessibility suites.
 */
import { spawn } from 'node:child_process';
import { readStackEnv, startStack, stopStack } from './stack/lifecycle.ts';

interface Step {
  name: string;
  cmd: string;
  args: string[];
  /** Needs the local stack's URL and keys in its environment. */
  stackEnv?: boolean;
}

const steps: Step[] = [
  { name: 'system packages', cmd: 'bash', args: ['scripts/setup/system-deps.sh'] },
  { name: 'lint', cmd: 'npm', args: ['run', '-s', 'lint'] },
  { name: 'astro check', cmd: 'npm', args: ['run', '-s', 'check'] },
  { name: 'unit tests', cmd: 'npm', args: ['run', '-s', 'test:unit'] },
  { name: 'database tests (pgTAP)', cmd: 'npm', args: ['run', '-s', 'test:db'], stackEnv: true },
  { name: 'schema types', cmd: 'node', args: ['scripts/db-types.ts', '--check'], stackEnv: true },
  { name: 'integration tests', cmd: 'npm', args: ['run', '-s', 'test:integration'], stackEnv: true },
  { name: 'build', cmd: 'npm', args: ['run', '-s', 'build'], stackEnv: true },
  { name: 'page-weight budget', cmd: 'node', args: ['scripts/budget.ts', '--no-build'] },
  { name: 'browser tests', cmd: 'npx', args: ['playwright', 'test', '--project', 'e2e'], stackEnv: true },
  {
    name: 'accessibility tests',
    cmd: 'npx',
    args: ['playwright', 'test', '--project', 'a11y'],
    stackEnv: true,
  },
];

function runStep(step: Step, env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(step.cmd, step.args, { stdio: 'inherit', env });
    child.on('close', (code) => resolve(code ?? 1));
  });
}

// --keep-going runs every step even after a failure (useful to see the whole picture locally).
const keepGoing = process.argv.includes('--keep-going');
const t0 = performance.now();
const results: { name: string; ok: boolean; seconds: number }[] = [];
let startedStack = false;
let failed = false;

try {
  for (const step of steps) {
    let env: NodeJS.ProcessEnv = process.env;
    if (step.stackEnv) {
      if (!startedStack) {
        const started = await startStack();
        startedStack = started.started || startedStack;
      }
      env = { ...process.env, ...readStackEnv() };
    }
    console.log(`\n▶ ${step.name}`);
    const s0 = performance.now();
    const code = await runStep(step, env);
    const seconds = (performance.now() - s0) / 1000;
    results.push({ name: step.name, ok: code === 0, seconds });
    if (code !== 0) {
      failed = true;
      if (!keepGoing) break;
    }
  }
} finally {
  if (startedStack) await stopStack();
}

console.log('\nSummary');
for (const r of results) console.log(`  ${r.ok ? 'ok  ' : 'FAIL'} ${r.name} (${r.seconds.toFixed(1)} s)`);
const passed = results.filter((r) => r.ok).length;
console.log(`Total ${((performance.now() - t0) / 1000).toFixed(1)} s`);
console.log(`steps: ${passed} passed, ${results.length - passed + (steps.length - results.length)} failed`);
process.exit(failed ? 1 : 0);
