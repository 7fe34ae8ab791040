#!/usr/bin/env node
// npm start: build, then run the desktop app where Electron's binary is present, else web mode.
import { spawnSync, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';

const run = (cmd, args) => {
  const r = spawnSync(cmd, args, { stdio: 'inherit', shell: process.platform === 'win32' });
  if (r.status !== 0) process.exit(r.status ?? 1);
};

/** The electron package exports its binary's path, downloading it on first use; null if it cannot. */
function electronBinary() {
  const probe = spawnSync(process.execPath, ['-e', "process.stdout.write(require('electron'))"], { encoding: 'utf8', timeout: 300_000 });
  return probe.status === 0 && probe.stdout ? probe.stdout : null;
}

const binary = process.env.DIGEST_READER_WEB ? null : electronBinary();
run('npx', ['vite', 'build', '--logLevel', 'warn']);
if (binary) {
  run(process.execPath, ['scripts/build-electron.mjs']);
  // Arguments go to the app: a digest file named here is imported (`npm start -- digest.txt`).
  spawn(binary, ['.', ...process.argv.slice(2)], { stdio: 'inherit' }).on('exit', (code) => process.exit(code ?? 0));
} else {
  console.log(
    process.env.DIGEST_READER_WEB
      ? 'Digest Reader: starting in web mode.'
      : 'Digest Reader: the Electron binary is not available on this machine, so the app runs in web mode in your browser instead.',
  );
  // Web mode runs built JavaScript (dist/web), as the desktop app does: it starts faster than through tsx.
  run(process.execPath, ['scripts/build-web.mjs']);
  // V8's flags for the core, as the desktop app's core process has them (src/shared/core-flags.ts).
  const { v8: flags } = JSON.parse(readFileSync('src/shared/core-flags.json', 'utf8'));
  spawn(process.execPath, [...flags, 'dist/web/main.js', ...process.argv.slice(2)], { stdio: 'inherit' }).on('exit', (code) => process.exit(code ?? 0));
}
