import flags from './core-flags.json' with { type: 'json' };

/**
 * V8's flags for a process that runs the core: web mode (scripts/start.mjs, the end-to-end tests)
 * and the bench's app, which reads them from the checkout it measures (scripts/bench.ts), pass
 * them to Node; the desktop app's core process as one switch (below). All from core-flags.json.
 *
 * The young generation's semi-spaces at 8 MB, not V8's 16: typing allocates some 450 KB a key on
 * the main thread, V8 grows the young generation to its largest and keeps it, so the main thread
 * and the index worker each held 34 MB of it, resident, long after the last key. At 8 MB a library
 * of 100,000 papers holds some 35 MB less at rest and through an import, typing as fast
 * (BENCHMARKS.md, tenth round); at 4 MB an import's indexing was slower in some runs. The cost is
 * in bulk: a first build of a million papers promotes more of its garbage early and peaks at
 * 3.6–3.8 GB against 2.9 (the index worker alone left at 16 MB kept 3.6).
 */
export const CORE_V8_FLAGS: readonly string[] = flags.v8;

/**
 * The flags for Electron's utility process, which takes V8's flags as one Chromium switch and
 * ignores Node's (read in Electron's source; not run here, where Electron's binary is missing).
 */
export const CORE_V8_SWITCH = `--js-flags=${CORE_V8_FLAGS.join(' ')}`;
