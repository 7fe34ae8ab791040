import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';

/**
 * Starts the worker thread whose entry is `name` beside the module `from` (its import.meta.url):
 * `name.js` in the build, where every entry sits in one folder, or `name.ts` from source (tsx,
 * Vitest), where the worker registers tsx's loader before importing its entry.
 */
export function startWorker(name: string, from: string, workerData?: unknown): Worker {
  const here = fileURLToPath(from);
  const entry = new URL(`./${name}${path.extname(here)}`, from);
  if (!here.endsWith('.ts')) return new Worker(entry, { workerData });
  return new Worker(`import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(entry.href)}); });`, { eval: true, workerData });
}
