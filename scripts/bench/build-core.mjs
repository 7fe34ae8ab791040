#!/usr/bin/env node
// Builds a checkout's core as the app ships it (plain JavaScript, worker threads beside it) into
// <checkout>/dist/bench, for the bench to measure: `node scripts/bench/build-core.mjs <checkout>`.
// The same build for this checkout and a baseline's, so the two are compared alike. The renderer's
// text-segments.ts too: the bench times its pure part (large-text.ts).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { bundleNode, WORKERS } from '../node-bundle.mjs';

const root = path.resolve(process.argv[2] ?? '.');
// The contract's boundary moved from src/api to src/boundary: a baseline may have either.
const dispatch = fs.existsSync(path.join(root, 'src/boundary/dispatch.ts')) ? 'src/boundary/dispatch.ts' : 'src/api/dispatch.ts';
await bundleNode({
  root,
  outDir: 'dist/bench',
  entries: { core: 'src/core.ts', dispatch, server: 'src/web/server.ts', ...WORKERS, 'text-segments': 'renderer/text-segments.ts' },
});
