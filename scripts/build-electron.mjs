#!/usr/bin/env node
// Builds the desktop app into dist/electron: main.js (ESM, the shell), core-process.js (ESM, the
// core, which main.js starts as a utility process), the core's worker threads beside them, and
// preload.cjs (CommonJS, as a sandboxed preload must be).
// The renderer is built separately (`vite build`). Runtime dependencies stay in node_modules.
import { bundleNode, WORKERS } from './node-bundle.mjs';

const outDir = 'dist/electron';
// One folder: main finds the core process, and the core its workers, next to the file they run from.
await bundleNode({ outDir, target: 'node22', entries: { main: 'electron/main.ts', 'core-process': 'src/desktop/core-process.ts', ...WORKERS } });
await bundleNode({ outDir, target: 'node22', format: 'cjs', clean: false, entries: { preload: 'electron/preload.ts' } });
