/**
 * Starting and stopping the whole local stack. `runStack` runs it in this process (foreground);
 * `startStack` runs it detached and returns once it is ready; `stopStack` stops a running one.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type http from 'node:http';
import {
  databaseUrl,
  envFile,
  host,
  jwtSecret,
  logDir,
  pidFile,
  ports,
  stackDir,
  stateFile,
} from './config.ts';
import { bootstrap, ensureCluster, migrate, runningDbPort, seed, startDb, stopDb } from './db.ts';
import { apiKeys } from './jwt.ts';
import { startPostgrest } from './postgrest.ts';
import { startGateway } from './gateway.ts';
import { freePort, isAlive, waitFor } from './processes.ts';

export const gatewayUrl = `http://${host}:${ports.gateway}`;

export interface StackEnv {
  PUBLIC_SUPABASE_URL: string;
  PUBLIC_SUPABASE_ANON_KEY: string;
  SUPABASE_SERVICE_ROLE_KEY: string;
  DATABASE_URL: string;
}

/** Reads .stack/.env of a running stack. */
export function readStackEnv(): StackEnv {
  const text = fs.readFileSync(envFile, 'utf8');
  const env = Object.fromEntries(
    text
      .split('\n')
      .filter((line) => line.includes('='))
      .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
  );
  return env as unknown as StackEnv;
}

function runningPid(): number | null {
  try {
    const pid = Number(fs.readFileSync(pidFile, 'utf8'));
    return pid && isAlive(pid) ? pid : null;
  } catch {
    return null;
  }
}

export async function isStackReady(): Promise<boolean> {
  if (!runningPid() || !fs.existsSync(envFile)) return false;
  try {
    return (await fetch(`${gatewayUrl}/health`)).ok;
  } catch {
    return false;
  }
}

/** Runs the stack in this process until SIGINT/SIGTERM. */
export async function runStack(): Promise<void> {
  fs.mkdirSync(logDir, { recursive: true });
  if (runningPid()) {
    console.log(`The stack is already running (pid ${runningPid()}).`);
    return;
  }
  fs.writeFileSync(pidFile, String(process.pid));
  fs.rmSync(envFile, { force: true });
  const t0 = performance.now();
  let postgrest: ChildProcess | undefined;
  let gateway: http.Server | undefined;

  const shutdown = async (code: number) => {
    gateway?.close();
    gateway?.closeAllConnections();
    postgrest?.kill('SIGTERM');
    await stopDb();
    fs.rmSync(envFile, { force: true });
    fs.rmSync(pidFile, { force: true });
    process.exit(code);
  };
  process.on('SIGINT', () => void shutdown(0));
  process.on('SIGTERM', () => void shutdown(0));

  try {
    const created = await ensureCluster();
    let dbPort = runningDbPort();
    if (!dbPort) {
      dbPort = await freePort(ports.db);
      await startDb(dbPort);
    }
    await bootstrap(dbPort);
    await migrate(dbPort);
    if (created) await seed(dbPort);
    postgrest = await startPostgrest(dbPort);
    postgrest.on('exit', (code) => {
      console.error(`PostgREST exited (${code}); stopping the stack.`);
      void shutdown(1);
    });
    gateway = await startGateway(dbPort);

    const keys = apiKeys(jwtSecret);
    const env: StackEnv = {
      PUBLIC_SUPABASE_URL: gatewayUrl,
      PUBLIC_SUPABASE_ANON_KEY: keys.anon,
      SUPABASE_SERVICE_ROLE_KEY: keys.serviceRole,
      DATABASE_URL: databaseUrl(dbPort),
    };
    fs.writeFileSync(stateFile, JSON.stringify({ dbPort, postgrestPid: postgrest.pid }, null, 2));
    fs.writeFileSync(
      envFile,
      Object.entries(env)
        .map(([k, v]) => `${k}=${v}`)
        .join('\n') + '\n',
    );
    const seconds = ((performance.now() - t0) / 1000).toFixed(1);
    console.log(`Local stack ready in ${seconds} s at ${gatewayUrl} (database on port ${dbPort}).`);
    console.log(`Keys and URLs: ${path.relative(process.cwd(), envFile)}`);
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    await shutdown(1);
  }
}

/** Starts the stack in the background; resolves with whether this call started it. */
export async function startStack(): Promise<{ started: boolean }> {
  if (await isStackReady()) return { started: false };
  if (runningPid()) {
    // Starting up in another process: wait for it rather than starting twice.
    await waitFor('the local stack', isStackReady, 180_000);
    return { started: false };
  }
  fs.mkdirSync(logDir, { recursive: true });
  const logPath = path.join(logDir, 'stack.log');
  const log = fs.openSync(logPath, 'a');
  const child = spawn(process.execPath, [path.join(import.meta.dirname, 'cli.ts'), 'run'], {
    detached: true,
    stdio: ['ignore', log, log],
  });
  child.unref();
  try {
    await waitFor(
      'the local stack',
      async () => {
        if (child.exitCode !== null) throw new Error('exited');
        return isStackReady();
      },
      180_000,
    );
  } catch (error) {
    const tail = fs.readFileSync(logPath, 'utf8').split('\n').slice(-30).join('\n');
    throw new Error(`The local stack did not start (${String(error)}). Last lines of ${logPath}:\n${tail}`, {
      cause: error,
    });
  }
  return { started: true };
}

/** Stops a running stack (safe to repeat). */
export async function stopStack(): Promise<void> {
  const pid = runningPid();
  if (pid) {
    process.kill(pid, 'SIGTERM');
    await waitFor('the stack to stop', async () => !isAlive(pid), 30_000);
  }
  // Leftovers of a stack that was killed hard: its PostgREST and its cluster.
  try {
    const state = JSON.parse(fs.readFileSync(stateFile, 'utf8')) as { postgrestPid?: number };
    if (state.postgrestPid && isAlive(state.postgrestPid)) process.kill(state.postgrestPid, 'SIGTERM');
  } catch {
    // no state file: nothing else was started
  }
  await stopDb();
  fs.rmSync(pidFile, { force: true });
  fs.rmSync(envFile, { force: true });
}

/** Removes the cluster and stored files so the next start migrates and seeds from scratch. */
export async function resetStack(): Promise<void> {
  await stopStack();
  fs.rmSync(stackDir, { recursive: true, force: true });
}
