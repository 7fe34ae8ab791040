#!/usr/bin/env node
// The digest-reader command: runs src/cli/main.ts (the same core as the app) through tsx.
import { register } from 'tsx/esm/api';

let finished = false;
// Every way out says something: a process that ends before the command returned (it ran out of
// work while waiting, or something called process.exit) is reported, never silent. (128 and up:
// stopped by a signal, which the command line reports itself.)
process.on('exit', (code) => {
  if (!finished && code !== 0 && code < 128) console.error(`digest-reader: stopped before the command finished (exit code ${code}).`);
});
// A reader that closes the pipe (`digest-reader list | head`) has what it wanted: later output goes
// nowhere, and the command still finishes and closes the library.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error) => {
    if (error.code !== 'EPIPE') throw error;
  });
}
register();
const { run } = await import('../src/cli/main.ts');
process.exitCode = await run(process.argv.slice(2));
finished = true;
