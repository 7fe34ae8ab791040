/**
 * The daily loop's bench: `npx tsx scripts/bench/daily.ts [--json] [--quick]`.
 *
 * - "Best for you" through the ranking service and its worker, at 100,000 papers (10,000 with
 *   --quick): the first model (features built from every paper, sent in slices, then trained), a
 *   retrain after one more star, and a retrain after an import of 100 papers; with the longest the
 *   core's own thread was held up meanwhile (what the window would feel).
 * - Trends over 365 daily digests (36,500 papers): the first call, and again (terms cached).
 * - A smart list's live count at the same size, when the index cannot name every candidate (a scan).
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { EventBus } from '../../src/api/events';
import { Corpus } from '../../src/library/corpus';
import { RankingService } from '../../src/rank/ranking-service';
import { SmartEvaluator } from '../../src/smart/evaluate';
import { parseQuery } from '../../src/smart';
import { migrate, type UserData } from '../../src/storage/schema';
import { computeTrends, TermCache } from '../../src/trends/trends';
import { writeSyntheticLibrary } from './synthetic-library';

const { values: args } = parseArgs({ options: { json: { type: 'boolean', default: false }, quick: { type: 'boolean', default: false } } });
const log = (s: string) => {
  if (!args.json) console.log(s);
};
const report: Record<string, unknown> = {};

/**
 * Wall time of `work`, the CPU time of this thread's process meanwhile (on a shared machine the
 * figure that repeats; a worker's CPU counts too), and the longest the event loop was held up.
 */
async function measure<T>(work: () => Promise<T>): Promise<{ value: T; ms: number; cpuMs: number; blockedMs: number }> {
  const lag = monitorEventLoopDelay({ resolution: 5 });
  lag.enable();
  const cpu = process.cpuUsage();
  const t0 = performance.now();
  const value = await work();
  const ms = Math.round(performance.now() - t0);
  const used = process.cpuUsage(cpu);
  lag.disable();
  return { value, ms, cpuMs: Math.round((used.user + used.system) / 1000), blockedMs: Math.round(lag.max / 1e6) };
}

function library(papers: number): Corpus {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dr-bench-daily-'));
  writeSyntheticLibrary(dir, papers, 7);
  return new Corpus(dir);
}

async function ranking(papers: number) {
  const corpus = library(papers);
  const ids = Array.from(corpus.papers, (p) => p.id);
  let data: UserData = migrate({});
  const at = new Date().toISOString();
  const star = (id: string) => (data = { ...data, status: { ...data.status, [id]: { state: 'unread', starred: true, updatedAt: at } } });
  for (let i = 0; i < 20; i++) star(ids[(i * 7919) % ids.length]);
  const events = new EventBus();
  const service = new RankingService(corpus, events, () => data, { debounceMs: 0 });
  const next = () =>
    new Promise<void>((resolve) => {
      const off = events.on('ranking.changed', () => {
        off();
        resolve();
      });
    });
  const first = await measure(async () => {
    const done = next();
    service.activate();
    await done;
  });
  const retrain = await measure(async () => {
    const done = next();
    star(ids[12345 % ids.length]);
    events.emit('library.changed', { reason: 'data' });
    await done;
  });
  const order = await measure(async () => service.order(Array.from(corpus.papers)));
  const reasons = await measure(() => service.reasons(order.value!.slice(0, 100).map((p) => p.id)));
  await service.close();
  const figures = (m: { ms: number; cpuMs: number; blockedMs: number }) => ({ ms: m.ms, cpuMs: m.cpuMs, blockedMs: m.blockedMs });
  return {
    papers,
    first: figures(first),
    retrain: figures(retrain),
    orderAllMs: order.ms,
    reasons100Ms: reasons.ms,
    state: service.status().state,
  };
}

async function trends() {
  const corpus = library(36_500); // 365 digests of 100 papers, a day apart
  const cache = new TermCache();
  const last = corpus.digests
    .map((d) => d.importedAt.slice(0, 10))
    .sort()
    .at(-1)!;
  const first = await measure(async () => computeTrends(corpus, cache, last));
  const again = await measure(async () => computeTrends(corpus, cache, last));
  return {
    digests: corpus.digests.length,
    papers: corpus.paperCount,
    first: { ms: first.ms, cpuMs: first.cpuMs },
    again: { ms: again.ms, cpuMs: again.cpuMs },
    rising: first.value.rising.slice(0, 5).map((t) => t.term),
  };
}

async function smartCount(papers: number) {
  const corpus = library(papers);
  const notReady = { ready: false, search: async () => ({ matched: 0, hits: [] }) };
  const evaluator = new SmartEvaluator(corpus, notReady, () => migrate({}));
  const q = parseQuery('"speculative decoding" -survey');
  if (!q.ok) throw q.error;
  const scan = await measure(() => evaluator.members(q.query));
  const cached = await measure(() => evaluator.members(q.query));
  return { papers, matched: scan.value.size, scanMs: scan.ms, scanBlockedMs: scan.blockedMs, cachedMs: cached.ms };
}

// The service's timers do not hold a process open (an app has its window for that): this does.
const keepAlive = setInterval(() => {}, 1000);
const size = args.quick ? 10_000 : 100_000;
log(`The daily loop (load average ${os.loadavg()[0].toFixed(1)} on ${os.cpus().length} cores, ${process.version})`);
const r = (report.ranking = await ranking(size));
log(
  `"Best for you" at ${size.toLocaleString('en')} papers, through the service and its worker (wall ms / CPU ms of both threads / longest block of the core's thread):`,
);
log(`  first model (build features + train + score all): ${r.first.ms} / ${r.first.cpuMs} / ${r.first.blockedMs}`);
log(`  retrain after a star (train + score all):          ${r.retrain.ms} / ${r.retrain.cpuMs} / ${r.retrain.blockedMs}`);
log(`  order every paper by the scores: ${r.orderAllMs}; reasons for 100 rows: ${r.reasons100Ms}`);
const t = (report.trends = await trends());
log(
  `Trends over ${t.digests} daily digests (${t.papers.toLocaleString('en')} papers), wall / CPU ms: first ${t.first.ms} / ${t.first.cpuMs}, again ${t.again.ms} / ${t.again.cpuMs}; rising: ${t.rising.join(', ')}`,
);
const s = (report.smart = await smartCount(size));
log(
  `A smart list's count by a scan at ${size.toLocaleString('en')} papers: ${s.scanMs} ms (longest block ${s.scanBlockedMs} ms), ${s.matched} papers; cached ${s.cachedMs} ms`,
);
clearInterval(keepAlive);
if (args.json) console.log(JSON.stringify(report, null, 2));
