#!/usr/bin/env node
// Packs the built app with electron-builder (`--linux dir`) around a stub in place of Electron's
// binary, which this machine cannot download, and checks what would ship: the asar holds the
// built app and its runtime dependencies only (the core's utility-process entry among them), the
// sample digest sits in resources, the main process does not carry the core, and the fuses are flipped. Run `vite build` and `node scripts/build-electron.mjs` first.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

const TMP = path.resolve('.tmp/package');
const STUB = path.join(TMP, 'electron-stub');
const OUT = path.join(TMP, 'release');
const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX'; // where @electron/fuses finds the fuse wire
// Electron's defaults, in @electron/fuses order: RunAsNode, CookieEncryption, NodeOptions,
// NodeCliInspect, EmbeddedAsarIntegrity, OnlyLoadAppFromAsar, BrowserV8Snapshot, FileProtocolPrivileges.
const DEFAULT_WIRE = '10110001';
const EXPECTED_WIRE = '01001100';

fs.rmSync(TMP, { recursive: true, force: true });
fs.mkdirSync(path.join(STUB, 'resources'), { recursive: true });
fs.writeFileSync(
  path.join(STUB, 'electron'),
  Buffer.concat([Buffer.from('#!/bin/sh\n# stub\n'), Buffer.from(SENTINEL), Buffer.from([1, DEFAULT_WIRE.length]), Buffer.from(DEFAULT_WIRE)]),
  { mode: 0o755 },
);
fs.writeFileSync(path.join(STUB, 'version'), JSON.parse(fs.readFileSync('node_modules/electron/package.json', 'utf8')).version);

const pack = spawnSync('npx', ['electron-builder', '--linux', 'dir', '--publish', 'never', `-c.electronDist=${STUB}`, `-c.directories.output=${OUT}`], {
  stdio: 'inherit',
  env: { ...process.env, ELECTRON_SKIP_BINARY_DOWNLOAD: '1' },
});
if (pack.status !== 0) fail('electron-builder failed');

/** The file paths inside an asar archive, from its JSON header (a pickled size, then the JSON). */
function asarFiles(file) {
  const buf = fs.readFileSync(file);
  const header = JSON.parse(buf.subarray(16, 16 + buf.readUInt32LE(12)).toString('utf8'));
  const walk = (node, prefix) =>
    Object.entries(node.files ?? {}).flatMap(([name, child]) => (child.files ? walk(child, `${prefix}${name}/`) : [`${prefix}${name}`]));
  return walk(header, '');
}

const app = path.join(OUT, 'linux-unpacked');
const problems = [];
const expect = (ok, message) => ok || problems.push(message);
const asar = path.join(app, 'resources', 'app.asar');
expect(fs.existsSync(asar), 'resources/app.asar is missing');
const files = fs.existsSync(asar) ? asarFiles(asar) : [];
// The core's worker threads, each an entry of its own beside core-process.js (scripts/build-electron.mjs).
const worker = ['index-worker', 'rank-worker', 'parse-worker'].map((w) => `dist/electron/${w}.js`);
for (const f of [
  'package.json',
  'dist/electron/main.js',
  'dist/electron/core-process.js',
  'dist/electron/preload.cjs',
  ...worker,
  'dist/renderer/index.html',
]) {
  expect(files.includes(f), `${f} is not in the asar`);
}
for (const dep of ['electron-store', 'conf', 'minisearch', 'zod'])
  expect(
    files.some((f) => f.startsWith(`node_modules/${dep}/`)),
    `runtime dependency ${dep} is not in the asar`,
  );
const topLevel = new Set(files.map((f) => f.split('/')[0]));
expect(
  [...topLevel].every((t) => ['dist', 'node_modules', 'package.json'].includes(t)),
  `unexpected files at the asar's root: ${[...topLevel].join(', ')}`,
);
const ours = files.filter((f) => !f.startsWith('node_modules/'));
const stray = ours.filter((f) => f !== 'package.json' && (!/^dist\/(electron|renderer)\//.test(f) || /\.(tsx?|map)$|(^|\/)tests?\//.test(f)));
expect(stray.length === 0, `source or test files in the asar: ${stray.join(', ')}`);
const bundled = ['react', 'react-dom', 'zustand', 'tsx', 'esbuild', 'electron', 'vite', 'typescript', '@playwright'];
for (const dep of bundled) expect(!files.some((f) => f.startsWith(`node_modules/${dep}/`)), `${dep} (a build-time package) is in the asar`);
expect(fs.existsSync(path.join(app, 'resources', 'trending-papers.txt')), 'the sample digest is not in resources/');

// A sandboxed preload can require nothing but electron, and only as CommonJS.
const preload = fs.readFileSync('dist/electron/preload.cjs', 'utf8');
const required = [...preload.matchAll(/require\((['"])(.+?)\1\)/g)].map((m) => m[2]);
expect(
  required.join() === 'electron' && !/^\s*(import|export)\s/m.test(preload),
  `preload.cjs must be CommonJS requiring only electron; it requires ${required.join(', ')}`,
);

// The core runs in its own process: main.js and the chunks it imports must not bundle it.
const mainFiles = new Set(['main.js']);
for (const file of mainFiles) {
  const code = fs.readFileSync(path.join('dist/electron', file), 'utf8');
  for (const m of code.matchAll(/from\s*["']\.\/([^"']+)["']/g)) mainFiles.add(m[1]);
  expect(!/function openCore\(/.test(code), `dist/electron/${file} (loaded by the main process) bundles the core`);
}

const binary = fs.readFileSync(path.join(app, 'digest-reader'));
const at = binary.indexOf(SENTINEL) + SENTINEL.length;
const wire = binary.subarray(at + 2, at + 2 + EXPECTED_WIRE.length).toString('latin1');
expect(wire === EXPECTED_WIRE, `fuses are ${wire}, expected ${EXPECTED_WIRE} (RunAsNode, NODE_OPTIONS, inspect off; asar integrity, asar only on)`);

if (problems.length) fail(problems.join('\n'));
console.log(`Package layout OK: ${files.length} files in app.asar (${ours.length} of the app's own), sample digest in resources, fuses ${wire}.`);

function fail(message) {
  console.error(`Package check failed:\n${message}`);
  process.exit(1);
}
