import flags from './core-flags.json' with { type: 'json' };

/**
 * Node's flags for a process that runs the core: the desktop app's core process
 * (electron/main.ts), web mode (scripts/start.mjs, the end-to-end tests) and the bench's app,
 * which reads them from the checkout it measures (scripts/bench.ts); all from core-flags.json.
 *
 * The young generation's semi-spaces at 8 MB, not V8's 16: typing allocates some 450 KB a key on
 * the main thread, V8 grows the young generation to its largest and keeps it, so the main thread
 * and the index worker each held 34 MB of it, resident, long after the last key. At 8 MB a library
 * of 100,000 papers holds some 30 MB less at rest and through an import, and typing is as fast
 * (BENCHMARKS.md, tenth round); at 4 MB an import's indexing was slower some runs.
 */
export const CORE_NODE_FLAGS: readonly string[] = flags.node;
