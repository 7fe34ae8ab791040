/**
 * Note saves against library size and note size (run by scripts/bench.ts in a fresh process with
 * --expose-gc; prints one JSON line). For each library (papers, each with a note and highlights
 * spread over them) it measures `notes.save` through the contract, as the window calls it: the
 * store appends the change to its journal and flushes it, and the paper goes to the index worker.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import type { HandlerMap } from '../../src/api/contract';
import { dispatch } from '../../src/boundary/dispatch';
import { openCore } from '../../src/core';
import { UserStore } from '../../src/storage/user-store';
import { syntheticPapers, writeSyntheticLibrary } from './synthetic-library';
import { paperId } from '../../src/digest/identity';

const { values } = parseArgs({ options: { quick: { type: 'boolean', default: false } } });
const LIBRARIES = values.quick
  ? [{ notes: 2_000, highlights: 5_000 }]
  : [
      { notes: 2_000, highlights: 5_000 },
      { notes: 20_000, highlights: 50_000 },
    ];
const NOTE_SIZES = [100, 10_000, 1_000_000, 4_000_000];
const gc = (globalThis as { gc?: () => void }).gc ?? (() => {});

const percentile = (xs: number[], p: number) => xs.toSorted((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];
const round = (x: number) => Math.round(x * 100) / 100;

async function measure(notes: number, highlights: number) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dr-bench-notes-'));
  writeSyntheticLibrary(dir, notes);
  const ids = syntheticPapers(notes).map((p) => paperId(p.title, p.abstract));
  // The reader's data: a note of a few hundred characters on every paper, highlights spread over them.
  const store = new UserStore(dir);
  store.update((d) => {
    d.settings.sampleImported = true;
    ids.forEach((id, i) => (d.notes[id] = { text: `Note ${i}: ${'an ordinary remark about the method. '.repeat(8)}`, createdAt: 'x', updatedAt: 'x' }));
    for (let h = 0; h < highlights; h++) {
      const paper = ids[h % ids.length];
      (d.highlights[paper] ??= []).push({
        id: `h${h}`,
        paperId: paper,
        quote: { exact: 'the method', prefix: 'we show ', suffix: ' works', start: 10, end: 20 },
        color: 'yellow',
        comment: '',
        createdAt: 'x',
        updatedAt: 'x',
      });
    }
  });
  await store.close();
  const storeMB = round(fs.statSync(path.join(dir, 'userdata.json')).size / 1e6);

  const core = await openCore({ dataDir: dir });
  const save = async (paper: string, text: string) => {
    const t = performance.now();
    const r = await dispatch(core.handlers as HandlerMap, 'notes.save', { paperId: paper, text });
    if (!r.ok) throw new Error(r.error.message);
    return performance.now() - t;
  };
  const bySize: Record<string, { p50: number; p95: number; n: number }> = {};
  for (const size of NOTE_SIZES) {
    const n = size >= 1_000_000 ? 10 : 100;
    const times: number[] = [];
    for (let i = 0; i < n; i++) times.push(await save(ids[(i * 7919) % ids.length], `${i} ${'w'.repeat(size)}`));
    bySize[size] = { p50: round(percentile(times, 50)), p95: round(percentile(times, 95)), n };
  }
  // Memory: saving ten different 4 MB notes should grow the heap by about their size, no more.
  gc();
  const heapBefore = process.memoryUsage().heapUsed;
  for (let i = 0; i < 10; i++) await save(ids[i], `${'m'.repeat(4_000_000)}${i}`);
  gc();
  const heapGrowthMB = round((process.memoryUsage().heapUsed - heapBefore) / 1e6);
  const journalMB = round(fs.statSync(path.join(dir, 'userdata.journal')).size / 1e6);
  // Folding the journal in (normally in the background, once it is as large as the snapshot).
  let longestBlock = 0;
  let last = performance.now();
  const sampler = setInterval(() => {
    const now = performance.now();
    longestBlock = Math.max(longestBlock, now - last);
    last = now;
  }, 1);
  const t = performance.now();
  await core.close();
  clearInterval(sampler);
  const closeMs = Math.round(performance.now() - t);
  fs.rmSync(dir, { recursive: true, force: true });
  return { notes, highlights, storeMB, bySize, heapGrowthMBFor40MBOfNotes: heapGrowthMB, journalMB, closeMs, longestBlockMs: Math.round(longestBlock) };
}

const results = [];
for (const { notes, highlights } of LIBRARIES) results.push(await measure(notes, highlights));
console.log(JSON.stringify(results));
process.exit(0);
