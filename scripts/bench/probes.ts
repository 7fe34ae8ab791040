/**
 * What the bench reads of its own process: peak resident memory over a phase (Linux VmHWM, reset
 * through clear_refs), the heaps of the main thread and of every worker thread, the load.
 *
 * Worker heaps: `Worker` is wrapped (before the code under test is imported) so that every worker,
 * from a file or from source, also answers on a BroadcastChannel with its heap in use. (A listener on the
 * worker's parentPort would take the messages sent before the code under test listens.)
 */
import * as fs from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
import * as os from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import { pathToFileURL } from 'node:url';
import workerThreads, { BroadcastChannel } from 'node:worker_threads';

const CHANNEL = 'digest-reader-bench-heap';
const RESPONDER = `{ const { BroadcastChannel } = require('node:worker_threads'); const c = new BroadcastChannel('${CHANNEL}'); c.unref(); c.onmessage = (e) => { if (e.data === 'ask') c.postMessage({ heap: require('node:v8').getHeapStatistics().used_heap_size }); }; }\n`;
let workers = 0;

/** Call before importing the code under test. */
export function watchWorkers(): void {
  const Original = workerThreads.Worker;
  class Watched extends Original {
    constructor(filename: string | URL, options?: workerThreads.WorkerOptions) {
      // A worker from a file becomes source that answers, then imports the file.
      const source =
        options?.eval && typeof filename === 'string'
          ? filename
          : `import(${JSON.stringify(filename instanceof URL ? filename.href : pathToFileURL(filename).href)});`;
      super(RESPONDER + source, { ...options, eval: true });
      workers++;
      this.on('exit', () => workers--);
    }
  }
  workerThreads.Worker = Watched as typeof Original;
  syncBuiltinESMExports();
}

/** Heap in use by every live worker thread, in bytes (those that do not answer within a second count 0). */
export async function workerHeap(): Promise<number> {
  if (workers === 0) return 0;
  const channel = new BroadcastChannel(CHANNEL);
  let total = 0;
  let answers = 0;
  await new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, 1000);
    channel.onmessage = (e) => {
      total += (e as unknown as { data: { heap: number } }).data.heap;
      if (++answers === workers) {
        clearTimeout(timer);
        resolve();
      }
    };
    channel.postMessage('ask');
  });
  channel.close();
  return total;
}

const gc = (globalThis as { gc?: () => void }).gc ?? (() => {});
const MB = (bytes: number) => Math.round(bytes / 1e6);

function status(key: 'VmHWM' | 'VmRSS'): number {
  const line = fs
    .readFileSync('/proc/self/status', 'utf8')
    .split('\n')
    .find((l) => l.startsWith(`${key}:`));
  return line ? Math.round(Number(line.split(/\s+/)[1]) / 1000) : 0;
}

/** Runs `work` and returns its result with the peak resident memory meanwhile (MB). */
export async function peakDuring<T>(work: () => Promise<T>): Promise<{ value: T; peakMB: number }> {
  try {
    fs.writeFileSync('/proc/self/clear_refs', '5'); // resets VmHWM to the current RSS
  } catch {
    // not Linux, or not allowed: the peak is then since the process started
  }
  const value = await work();
  return { value, peakMB: status('VmHWM') };
}

/** How long the app is left idle before its steady memory is read: the index's thread collects 2 s after the last search. */
const SETTLE_MS = 2500;

/**
 * Resident memory and both heaps once the app has settled, after a GC in the main thread, in MB;
 * `soonRssMB` is read 200 ms after the work, as the bench read steady memory until the fifteenth
 * round (before the index's thread collected what searches left once they pause).
 */
export async function steadyMemory(): Promise<{ rssMB: number; soonRssMB: number; mainHeapMB: number; workerHeapMB: number }> {
  gc();
  await sleep(200);
  gc();
  const soonRssMB = status('VmRSS');
  await sleep(SETTLE_MS);
  gc();
  return { rssMB: status('VmRSS'), soonRssMB, mainHeapMB: MB(process.memoryUsage().heapUsed), workerHeapMB: MB(await workerHeap()) };
}

export function load(): string {
  return os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');
}
