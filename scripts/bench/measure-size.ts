/**
 * Measures one library size in a process of its own (so memory figures are its own) and prints
 * one JSON line. Run by scripts/bench.ts: `node --expose-gc --import tsx measure-size.ts --papers N`.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import { openCore, type Core } from '../../src/core';
import { Corpus } from '../../src/library/corpus';
import { syntheticDigestText, writeSyntheticLibrary } from './synthetic-library';
import { keystrokes, linearScan, typeQueries, type TypingFigures } from './workload';

const { values } = parseArgs({ options: { papers: { type: 'string' } } });
const papers = Number(values.papers);
const gc = (globalThis as { gc?: () => void }).gc ?? (() => {});
const ms = (since: number) => Math.round(performance.now() - since);

type Query = { q?: string; limit?: number };
const query = (core: Core, arg: Query) => core.handlers['papers.query'].run(arg);

/** Longest time the main thread could not answer a request while `work` ran. */
async function maxBlock(work: () => Promise<unknown>): Promise<number> {
  const histogram = monitorEventLoopDelay({ resolution: 5 });
  histogram.enable();
  await sleep(20); // the monitor's timer starts on the next turn of the loop
  try {
    await work();
    await sleep(20); // a block is recorded when the monitor's timer next runs
  } finally {
    histogram.disable();
  }
  return Math.round(histogram.max / 1e6);
}

/** Searchable means a search answers with results, not with "the index is loading". */
async function untilSearchable(core: Core) {
  for (;;) {
    const page = await query(core, { q: 'model', limit: 1 });
    if (!('indexing' in page) || !page.indexing) return;
    await sleep(10);
  }
}

/** Waits until a search for `q` puts a paper that `is` what was wanted first (fails after 10 s). */
async function untilFound(core: Core, q: string, is: (row: { id: string; title: string }) => boolean) {
  for (let waited = 0; waited < 10_000; waited += 5) {
    const first = (await query(core, { q, limit: 1 })).items[0];
    if (first && is(first)) return;
    await sleep(5);
  }
  throw new Error(`bench: a search for "${q}" never found what was just added`);
}

/** Resident memory of the whole process (the index worker's thread included), after a GC. */
async function residentMB(): Promise<number> {
  gc();
  await sleep(200);
  gc();
  return Math.round(process.memoryUsage().rss / 1e6);
}

/** A cold start: the first page of the list, then the moment a search works. */
async function coldStart(dataDir: string) {
  let start = 0;
  let core!: Core;
  let firstListMs = 0;
  const blockedMs = await maxBlock(async () => {
    start = performance.now();
    core = await openCore({ dataDir });
    await query(core, { limit: 50 });
    firstListMs = ms(start);
    await untilSearchable(core);
  });
  return { core, figures: { firstListMs, searchableMs: ms(start), blockedMs } };
}

async function main() {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dr-bench-'));
  try {
    writeSyntheticLibrary(dataDir, papers);
    const indexFiles = () => fs.readdirSync(dataDir).filter((f) => f.startsWith('search-index'));

    let built: Core | undefined;
    let build;
    ({ core: built, figures: build } = await coldStart(dataDir));
    const builtMemory = await residentMB();
    await built.close();
    built = undefined; // its corpus must not count in what the next start holds
    const indexMB = Math.round(indexFiles().reduce((sum, f) => sum + fs.statSync(path.join(dataDir, f)).size, 0) / 1e5) / 10;

    const { core, figures: load } = await coldStart(dataDir);
    for (const q of keystrokes(['language model'])) await query(core, { q, limit: 50 }); // warm up
    const typing: TypingFigures = await typeQueries((q) => query(core, { q, limit: 50 }));

    const digest = syntheticDigestText(100, 424242);
    const imported = digest.split('\n')[0];
    let importMs = 0;
    let importSearchableMs = 0;
    const importBlockedMs = await maxBlock(async () => {
      const start = performance.now();
      await core.handlers['digests.import'].run({ name: 'Bench import', text: digest, source: 'paste' });
      importMs = ms(start);
      await untilFound(core, imported, (row) => row.title === imported);
      importSearchableMs = ms(start);
      await sleep(1500); // any deferred index work (a save) happens inside the window too
    });

    const paperId = (await query(core, { limit: 1 })).items[0].id;
    const noteStart = performance.now();
    core.handlers['notes.save'].run({ paperId, text: 'A note about wombatology and its uses.' });
    const noteSaveMs = Math.round((performance.now() - noteStart) * 10) / 10;
    await untilFound(core, 'wombatology', (row) => row.id === paperId);
    const noteSearchableMs = ms(noteStart);

    // Related papers of a paper, the first time (document frequencies counted for its words).
    let relatedMs = 0;
    const relatedBlockedMs = await maxBlock(async () => {
      const start = performance.now();
      await core.handlers['papers.related'].run({ id: paperId });
      relatedMs = ms(start);
    });

    const memory = { rssMB: await residentMB(), heapMB: Math.round(process.memoryUsage().heapUsed / 1e6), afterBuildMB: builtMemory };
    await core.close();

    // The reference, last: its copy of the corpus must not count in the core's memory.
    const scan = linearScan([...new Corpus(dataDir).papers]);
    for (const q of keystrokes(['language model'])) scan(q, 50);
    const scanTyping = await typeQueries(async (q) => scan(q, 50));

    const ratio = (a: number, b: number) => Math.round((a / b) * 1000) / 1000;
    console.log(
      JSON.stringify({
        papers,
        build,
        load: { ...load, indexMB },
        typing,
        scan: { ...scanTyping, ratioP50: ratio(typing.p50, scanTyping.p50), ratioP95: ratio(typing.p95, scanTyping.p95) },
        import: { ms: importMs, searchableMs: importSearchableMs, blockedMs: importBlockedMs },
        noteSave: { ms: noteSaveMs, searchableMs: noteSearchableMs },
        related: { ms: relatedMs, blockedMs: relatedBlockedMs },
        memory,
      }),
    );
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
