#!/usr/bin/env node
// The `lantu` command: runs server/src/cli/main.ts through tsx, passing arguments, stdio,
// signals and the exit code through.
import { spawn } from 'node:child_process';
import { constants } from 'node:os';
import { URL, fileURLToPath } from 'node:url';

const main = fileURLToPath(new URL('../server/src/cli/main.ts', import.meta.url));
const tsx = import.meta.resolve('tsx');
const child = spawn(process.execPath, ['--import', tsx, main, ...process.argv.slice(2)], { stdio: 'inherit' });

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => child.kill(signal));
}
child.on('error', (err) => {
  console.error(`lantu: could not start: ${err.message}`);
  process.exit(1);
});
child.on('exit', (code, signal) => {
  process.exit(code ?? 128 + (constants.signals[signal] ?? 0));
});
