#!/usr/bin/env node
// Builds web mode into dist/web: main.js (the server and the core) and the core's worker threads
// beside it, so `npm start` runs plain JavaScript: the index worker starts in about 0.1 s where
// compiling it through tsx took 0.5-0.9 s. The renderer is built separately (`vite build`).
import { bundleNode, WORKERS } from './node-bundle.mjs';

await bundleNode({ outDir: 'dist/web', entries: { main: 'src/web/main.ts', ...WORKERS } });
