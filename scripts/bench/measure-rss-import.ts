/**
 * Issue 13's speed target, in a process of its own: a day's arXiv RSS listing of `--entries`
 * papers (2,000 by default) imported through `dispatch` into a library of `--papers` papers that
 * has just restarted from its saved index. Meanwhile the reader keeps searching, as the window
 * would: each search's time and the longest the main thread was held up are reported. Prints one
 * JSON line: `node --expose-gc --import tsx measure-rss-import.ts --library DIR --papers N [--entries 2000]`.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { load, peakDuring, steadyMemory, watchWorkers } from './probes';
import { AppSession, freshDataDir, loadApp, maxBlock, ownCheckout, searchWhile, since } from './app-session';
import { arxivRssFeed } from './arxiv-feed';
import { keystrokes, latency } from './workload';

watchWorkers(); // before the code under test starts its index worker (loadApp imports it)

const { values } = parseArgs({ options: { library: { type: 'string' }, papers: { type: 'string' }, entries: { type: 'string' }, root: { type: 'string' } } });
const papers = Number(values.papers);
const entries = Number(values.entries ?? 2000);
const root = path.resolve(values.root ?? ownCheckout(import.meta.dirname));
const began = performance.now();
const step = (name: string) => process.stderr.write(`  [rss import, ${papers}] ${((performance.now() - began) / 1000).toFixed(1)} s: ${name}\n`);

const app = await loadApp(root);
const dataDir = freshDataDir(values.library!);
const loadAtStart = load();
try {
  step('first build');
  const first = await AppSession.open(app, dataDir);
  await first.untilSearchable();
  await first.close();

  step('restart');
  const restartStart = performance.now();
  const session = await AppSession.open(app, dataDir);
  await session.untilSearchable();
  const restartMs = since(restartStart);
  const source = await session.indexSource();
  const keys = keystrokes();
  for (const q of keystrokes(['language model', 'attention'])) await session.list(q); // warm up
  const before = await steadyMemory();

  step(`import ${entries} RSS entries`);
  const feed = arxivRssFeed(entries);
  let during: number[] = [];
  const imported = await peakDuring(() =>
    maxBlock(async () => {
      const start = performance.now();
      const call = () =>
        session.call('digests.import', { fileName: 'cs.CL.xml', text: feed.text, source: 'file' }) as Promise<{
          format: string;
          added: number;
          merged: number;
          skipped: unknown[];
        }>;
      // The window meanwhile: a key typed every 20 ms, each search timed from its key.
      const { value: report, times } = await searchWhile(session, call, keys);
      during = times;
      const ms = since(start);
      await session.untilFound(feed.lastTitle, (row) => row.title === feed.lastTitle);
      return { report, ms, searchableMs: since(start) };
    }),
  );
  const { report, ms, searchableMs } = imported.value.value;
  await session.close();
  console.log(
    JSON.stringify({
      papers,
      entries,
      feedMB: Math.round(Buffer.byteLength(feed.text) / 1e5) / 10,
      load: { start: loadAtStart, end: load() },
      restart: { ms: restartMs, source },
      memoryBefore: before,
      import: {
        format: report.format,
        added: report.added,
        merged: report.merged,
        skipped: report.skipped.length,
        ms,
        searchableMs,
        blockedMs: imported.value.blockedMs,
        peakMB: imported.peakMB,
        searchesMeanwhile: latency(during),
      },
    }),
  );
} finally {
  fs.rmSync(dataDir, { recursive: true, force: true });
}
process.exit(0);
