/** `npm run stack` (foreground), `stack:start` (background, returns when ready), `stack:stop`, `stack:reset`. */
import { readStackEnv, resetStack, runStack, startStack, stopStack } from './lifecycle.ts';

const command = process.argv[2];
const t0 = performance.now();
switch (command) {
  case 'run':
    await runStack();
    break;
  case 'start': {
    const { started } = await startStack();
    const seconds = ((performance.now() - t0) / 1000).toFixed(1);
    console.log(
      started
        ? `Local stack started in ${seconds} s at ${readStackEnv().PUBLIC_SUPABASE_URL} (logs: .stack/logs/).`
        : `Local stack already running at ${readStackEnv().PUBLIC_SUPABASE_URL}.`,
    );
    break;
  }
  case 'stop':
    await stopStack();
    console.log('Local stack stopped.');
    break;
  case 'reset':
    await resetStack();
    console.log('Local stack removed; the next start migrates and seeds from scratch.');
    break;
  default:
    console.error('Usage: node scripts/stack/cli.ts run|start|stop|reset');
    process.exit(2);
}
