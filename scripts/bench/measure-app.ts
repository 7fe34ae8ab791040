/**
 * Measures the app at one library size in a process of its own, and prints one JSON line:
 * `node --expose-gc --import tsx measure-app.ts --library DIR --papers N [--root CHECKOUT]`.
 * `--library` holds the synthetic digests (hard-linked into a fresh data folder); `--root` is
 * the checkout whose code is measured (a baseline's, for before/after in one run).
 */
import { execFile, execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs, promisify } from 'node:util';
import { load, peakDuring, steadyMemory, watchWorkers } from './probes';

watchWorkers(); // before the code under test starts its index worker

const { values } = parseArgs({
  options: {
    library: { type: 'string' },
    papers: { type: 'string' },
    root: { type: 'string' },
    quick: { type: 'boolean', default: false },
    /** Internal: the first build alone, in the data folder given, in a process of its own (see below). */
    'build-in': { type: 'string' },
  },
});
const papers = Number(values.papers);
const { AppSession, countsQuery, freshDataDir, loadApp, maxBlock, ownCheckout, searchWhile, since } = await import('./app-session');
const root = path.resolve(values.root ?? ownCheckout(import.meta.dirname));
const { keystrokes, latency, QUERIES, rareNames, typeKeys } = await import('./workload');
type Latency = import('./workload').Latency;
const { syntheticDigestText, syntheticPapers } = await import('./synthetic-library');
const { segmentsOf } = await import('./large-text');
const { referenceImport } = await import('./reference-import');

const app = await loadApp(root);
const began = performance.now();
/** Progress on stderr, so that a run that stalls shows where. */
let phase = 'start';
const step = (name: string) => {
  phase = name;
  process.stderr.write(`  [${papers}] ${((performance.now() - began) / 1000).toFixed(1)} s: ${name}\n`);
};
/** The figures so far: a run that breaks (a million papers) still reports what it measured, and where it broke. */
const out: Record<string, unknown> = { papers };

/** Runs http-typist beside this script (built, or through tsx), without blocking the server here; its output. */
async function runTypist(args: string[]): Promise<string> {
  const built = import.meta.filename.endsWith('.js');
  const file = path.join(import.meta.dirname, built ? 'http-typist.js' : 'http-typist.ts');
  const { stdout } = await promisify(execFile)(process.execPath, [...(built ? [] : ['--import', 'tsx']), file, ...args], { maxBuffer: 16 * 1024 * 1024 });
  return stdout.trim().split('\n').at(-1)!;
}

/** A cold start: the first page of the list, then the moment a search works. */
async function coldStart(dataDir: string) {
  const start = performance.now();
  let firstListMs = 0;
  const { value: session, blockedMs } = await maxBlock(async () => {
    const s = await AppSession.open(app, dataDir);
    await s.list();
    firstListMs = since(start);
    await s.untilSearchable();
    return s;
  });
  return { session, figures: { firstListMs, searchableMs: since(start), blockedMs, source: await session.indexSource() } };
}

/** The first build, then the app quits (its figures on stdout). */
async function firstBuild(dataDir: string) {
  const build = await peakDuring(() => coldStart(dataDir));
  await build.value.session.close();
  const diskMB = (prefix: string) =>
    Math.round(fs.readdirSync(dataDir).reduce((sum, f) => sum + (f.startsWith(prefix) ? fs.statSync(path.join(dataDir, f)).size : 0), 0) / 1e5) / 10;
  return { ...build.value.figures, peakMB: build.peakMB, indexMB: diskMB('search-index'), cacheMB: diskMB('corpus-') || undefined };
}

if (values['build-in']) {
  console.log(JSON.stringify(await firstBuild(values['build-in'])));
  process.exit(0);
}

const dataDir = freshDataDir(values.library!);
const loadAtStart = load();
try {
  // The first build runs in a process of its own, and the restart in this one, as the app starts
  // anew after it quits. Until the seventh round both ran in one process, so the restart and all
  // that followed it (typing, imports, the steady memory) kept the build's high-water memory.
  step('first build (a process of its own)');
  const built = execFileSync(process.execPath, [...process.execArgv, process.argv[1], ...process.argv.slice(2), '--build-in', dataDir], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 16 * 1024 * 1024,
  });
  out.build = JSON.parse(built.trim().split('\n').at(-1)!);

  step('restart');
  const restart = await peakDuring(() => coldStart(dataDir));
  const session = restart.value.session;
  out.restart = { ...restart.value.figures, peakMB: restart.peakMB };
  const keys = values.quick ? keystrokes().filter((_, i) => i % 3 === 0) : keystrokes();
  for (const q of keystrokes(['language model', 'attention'])) await session.list(q); // warm up

  step('typing');
  const listOnly = await typeKeys((q) => session.list(q), keys);
  const openId = (await session.query({ limit: 1 })).items[0].id;
  const withPaper = await typeKeys(async (q) => {
    await session.list(q);
    await session.call('papers.get', { id: openId, q });
  }, keys);
  step('typing over HTTP');
  // The page's side in a process of its own, as the browser is: its HTTP client is not the app's memory.
  const http = await session.overHttp();
  const overHttp = JSON.parse(await runTypist([http.url, http.token, openId, JSON.stringify(keys)])) as Latency;
  await http.close();
  const rare = await typeKeys(
    (q) => session.list(q),
    rareNames().flatMap((q) => [q, q, q]),
  );
  // What the list asks once typing pauses (a baseline that counted at every key refuses `limit: 0`).
  const counts = await typeKeys((q) => session.call('papers.query', countsQuery(q)), QUERIES).catch(() => undefined);
  const steady = await steadyMemory();
  out.typing = { listOnly, withPaper, overHttp, rare, counts };
  out.memory = steady;

  step('import while searching');
  // A big digest imported while the reader searches: every search's time, and the peak memory.
  const big = Math.min(10_000, Math.max(500, papers / 10));
  // The bench's copies of the texts it imports are let go as they are handed over (pop, shift):
  // held to the end, they were 23 MB of the memory measured as the app's.
  const bigText = [syntheticDigestText(big, 424242)];
  const bigLast = syntheticPapers(big, 424242).at(-1)!.title;
  let during: number[] = [];
  const importing = await peakDuring(() =>
    maxBlock(async () => {
      const start = performance.now();
      let ms = 0;
      // "During the import" lasts until search finds its papers: the call, then the indexing.
      const imported = async () => {
        await session.call('digests.import', { name: 'Bench import', text: bigText.pop()!, source: 'paste' });
        ms = since(start);
        await session.untilFound(bigLast, (row) => row.title === bigLast);
      };
      during = (await searchWhile(session, imported, keys)).times;
      return { ms, searchableMs: since(start) };
    }),
  );

  out.importDuring = { papers: big, ...importing.value.value, blockedMs: importing.value.blockedMs, peakMB: importing.peakMB, search: latency(during) };

  step('ten files');
  // Ten files one after another, as the command line imports them.
  const each = Math.min(1_000, Math.max(100, papers / 100));
  const files = Array.from({ length: 10 }, (_, i) => syntheticDigestText(each, 9000 + i));
  const tenLast = syntheticPapers(each, 9009).at(-1)!.title;
  const tenFiles = await peakDuring(async () => {
    const start = performance.now();
    for (let i = 0; files.length > 0; i++) await session.call('digests.import', { name: `File ${i}`, text: files.shift()!, source: 'file' });
    const ms = since(start);
    await session.untilFound(tenLast, (row) => row.title === tenLast);
    return { ms, searchableMs: since(start) };
  });

  out.tenFiles = { papers: each * 10, ...tenFiles.value, peakMB: tenFiles.peakMB };
  // What the app keeps once the imports are over: the index saves (and packs) them 2 s after the
  // last; memory freed with it is returned within a second or so.
  const indexFile = path.join(dataDir, 'search-index.bin');
  const importsEnd = Date.now();
  for (const end = importsEnd + 30_000; Date.now() < end && fs.statSync(indexFile).mtimeMs < importsEnd;) await sleep(100);
  await sleep(1500);
  out.afterImports = await steadyMemory();

  step('note, related, large text');
  const noteStart = performance.now();
  await session.call('notes.save', { paperId: openId, text: 'A note about wombatology and its uses.' });
  const noteSaveMs = Math.round((performance.now() - noteStart) * 10) / 10;
  await session.untilFound('wombatology', (row) => row.id === openId);
  const noteSearchableMs = since(noteStart);
  const related = await maxBlock(async () => {
    const start = performance.now();
    await session.call('papers.related', { id: openId });
    return since(start);
  });

  const largeText = await segmentsOf(session, root);
  step('a reference manager export');
  const references = await referenceImport(session);
  await session.close();

  out.noteSave = { ms: noteSaveMs, searchableMs: noteSearchableMs };
  out.related = { ms: related.value, blockedMs: related.blockedMs };
  out.largeText = largeText;
  out.references = references;
} catch (error) {
  out.failed = `${phase}: ${(error as Error).message}`;
} finally {
  fs.rmSync(dataDir, { recursive: true, force: true });
}
console.log(JSON.stringify({ ...out, load: { start: loadAtStart, end: load() } }));
process.exit(0);
