#!/usr/bin/env node
// Builds the desktop app into dist/electron: main.js (ESM, the shell), core-process.js (ESM, the
// core, which main.js starts as a utility process), the search index's worker beside them, and
// preload.cjs (CommonJS, as a sandboxed preload must be).
// The renderer is built separately (`vite build`). Runtime dependencies stay in node_modules.
import * as fs from 'node:fs';
import { builtinModules } from 'node:module';
import { build } from 'vite';

const pkg = JSON.parse(fs.readFileSync('package.json', 'utf8'));
const runtime = Object.keys(pkg.dependencies);
const external = (id) =>
  id === 'electron' || id.startsWith('node:') || builtinModules.includes(id) || runtime.some((dep) => id === dep || id.startsWith(`${dep}/`));

const common = { configFile: false, logLevel: 'warn', publicDir: false };
const node = (input, output) => ({
  ...common,
  build: { ssr: true, target: 'node22', outDir: 'dist/electron', emptyOutDir: false, minify: false, rollupOptions: { input, external, output } },
});

fs.rmSync('dist/electron', { recursive: true, force: true });
// The core runs its search index, its ranking and large digests' parsing in worker threads, from files beside core-process.js.
const worker = 'src/search/index-worker.ts';
const rankWorker = 'src/rank/rank-worker.ts';
const parseWorker = 'src/digest/parse-worker.ts';
await build(
  node(
    {
      main: 'electron/main.ts',
      'core-process': 'src/desktop/core-process.ts',
      ...(fs.existsSync(worker) && { 'index-worker': worker }),
      ...(fs.existsSync(rankWorker) && { 'rank-worker': rankWorker }),
      ...(fs.existsSync(parseWorker) && { 'parse-worker': parseWorker }),
    },
    // One folder: main finds the core process, and the core its worker, next to the file they run from.
    { format: 'es', entryFileNames: '[name].js', chunkFileNames: '[name]-[hash].js' },
  ),
);
await build(node({ preload: 'electron/preload.ts' }, { format: 'cjs', entryFileNames: '[name].cjs' }));
