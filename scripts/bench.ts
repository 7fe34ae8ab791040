/**
 * npm run bench [-- --quick] [-- --sizes 10000,100000] [-- --rounds 3] [-- --baseline <git ref>] [-- --skip-notes]
 *                [-- --import-papers 100000] [-- --skip-search] [-- --json]
 *
 * Synthetic libraries (scripts/bench/synthetic-library.ts), each size measured by fresh processes:
 * the app through its contract (scripts/bench/measure-app.ts), the same app at a baseline commit
 * if asked, and a ranking scan as the floor (measure-scan.ts). The systems are interleaved round
 * by round and each figure is reported as min / median over the rounds, with the load beside it.
 * --quick (what `npm test` runs): 10,000 papers, one round, every third keystroke. --skip-app
 * (with --baseline) measures a commit alone: its code is a copy, so editing this checkout meanwhile
 * does not change what is measured. Then note saves against library and note size
 * (scripts/bench/note-save.ts), unless --skip-notes. Then issue 13's import target: a 2,000-entry
 * arXiv RSS listing imported into a library of --import-papers papers (100,000; 10,000 with
 * --quick; 0 leaves it out) while the reader searches (measure-rss-import.ts). --skip-search
 * leaves out the search sizes (the import and note saves alone). The daily loop's and the
 * ranker's benches run on their own: `npx tsx scripts/bench/daily.ts`, `.../ranking.ts`.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { prepareBaseline } from './bench/baseline';
import { printNoteSaves, printReport, printRssImport, type NoteSaveFigures, type RssImportFigures, type Run } from './bench/report';
import { distinctWords, writeSyntheticLibrary } from './bench/synthetic-library';
import { load } from './bench/probes';
import { bundleNode } from './node-bundle.mjs';

const { values } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    json: { type: 'boolean', default: false },
    sizes: { type: 'string' },
    rounds: { type: 'string' },
    baseline: { type: 'string' },
    /** Leave this checkout out: with --baseline, the figures of a commit alone (and the scan). */
    'skip-app': { type: 'boolean', default: false },
    /** Leave out the note saves (measured once, apart from the library sizes). */
    'skip-notes': { type: 'boolean', default: false },
    /** The library size the arXiv RSS import is measured in (0: not measured). */
    'import-papers': { type: 'string' },
    /** Leave out the search sizes: only the import and the note saves. */
    'skip-search': { type: 'boolean', default: false },
    /** Prints the tables of a run saved in .tmp (its JSON) again, without measuring. */
    report: { type: 'string' },
  },
});
if (values.report) {
  const saved = JSON.parse(fs.readFileSync(values.report, 'utf8')) as {
    machine: Record<string, unknown>;
    runs: Run[];
    noteSaves?: NoteSaveFigures[];
    rssImport?: RssImportFigures;
  };
  printReport(saved.machine, saved.runs, [...new Set(saved.runs.map((r) => r.system))]);
  if (saved.noteSaves) printNoteSaves(saved.noteSaves);
  if (saved.rssImport) printRssImport(saved.rssImport);
  process.exit(0);
}
const repo = path.join(import.meta.dirname, '..');
const sizes = values['skip-search'] ? [] : values.sizes ? values.sizes.split(',').map(Number) : values.quick ? [10_000] : [10_000, 100_000];
const importPapers = Number(values['import-papers'] ?? (values.quick ? 10_000 : 100_000));
const rounds = Number(values.rounds ?? (values.quick ? 1 : 3));
const log = (s: string) => process.stderr.write(`${s}\n`);

/** Libraries are generated once per size and kept (1M papers take minutes to write). */
const GENERATOR_VERSION = 2;
function library(papers: number): { dir: string; distinctWords: number } {
  const dir = path.join(repo, '.tmp', `bench-library-v${GENERATOR_VERSION}-${papers}`);
  const marker = path.join(dir, 'complete.json');
  if (!fs.existsSync(marker)) {
    log(`writing a synthetic library of ${papers.toLocaleString('en')} papers…`);
    fs.rmSync(dir, { recursive: true, force: true });
    writeSyntheticLibrary(dir, papers);
    fs.writeFileSync(marker, JSON.stringify({ distinctWords: distinctWords(papers) }));
  }
  return { dir, distinctWords: (JSON.parse(fs.readFileSync(marker, 'utf8')) as { distinctWords: number }).distinctWords };
}

/**
 * The bench's own scripts, built to plain JavaScript as the core is (build-core.mjs) and run so:
 * through tsx, its loader thread and compiler added about 45 MB to every figure of resident memory
 * (a bare Node process: 39 MB; with `--import tsx`: 81–88 MB), memory the app never has.
 */
const harness = path.join(repo, 'dist', 'bench-harness', String(process.pid)); // a run's own: two benches may run at once
process.on('exit', () => fs.rmSync(harness, { recursive: true, force: true }));
await bundleNode({
  root: repo,
  outDir: path.relative(repo, harness),
  entries: {
    'measure-app': 'scripts/bench/measure-app.ts',
    'measure-scan': 'scripts/bench/measure-scan.ts',
    'measure-rss-import': 'scripts/bench/measure-rss-import.ts',
    'http-typist': 'scripts/bench/http-typist.ts',
  },
});
const script = (name: string) => path.join(harness, name.replace(/\.ts$/, '.js'));

const systems: { name: string; script: string; root?: string }[] = values['skip-app'] ? [] : [{ name: 'app', script: 'measure-app.ts', root: repo }];
if (values.baseline) systems.push({ name: `baseline ${values.baseline}`, script: 'measure-app.ts', root: prepareBaseline(repo, values.baseline) });
systems.push({ name: 'scan', script: 'measure-scan.ts' });
// Each checkout's core is measured as the app runs it: built to plain JavaScript (dist/bench).
for (const { root } of systems)
  if (root) execFileSync(process.execPath, [path.join(import.meta.dirname, 'bench', 'build-core.mjs'), root], { stdio: 'inherit' });

const machine = {
  cpus: os.cpus().length,
  cpu: os.cpus()[0]?.model ?? 'unknown',
  memoryGB: Math.round(os.totalmem() / 1e9),
  node: process.version,
  commit: execFileSync('git', ['-C', repo, 'rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim(),
  dirty: execFileSync('git', ['-C', repo, 'status', '--porcelain', '--', 'src', 'scripts'], { encoding: 'utf8' }).trim() !== '',
  loadAtStart: load(),
  loadAtEnd: '',
};

/** V8's flags for the core as the checkout at `root` runs it (none for the scan, or before the file existed). */
function coreFlags(root: string | undefined): string[] {
  const file = root && path.join(root, 'src', 'shared', 'core-flags.json');
  return file && fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as { v8: string[] }).v8 : [];
}

const runs: Run[] = [];
for (const papers of sizes) {
  const lib = library(papers);
  for (let round = 1; round <= rounds; round++) {
    // Interleaved: each round starts with another system, so a burst of load hits them all alike.
    const order = systems.map((_, i) => systems[(i + round - 1) % systems.length]);
    for (const system of order) {
      log(`${papers.toLocaleString('en')} papers, round ${round}/${rounds}: ${system.name} (load ${load()})…`);
      const args = ['--expose-gc', `--max-old-space-size=${papers >= 500_000 ? 12_288 : 4096}`, ...coreFlags(system.root), script(system.script)];
      args.push('--library', lib.dir, '--papers', String(papers));
      if (system.root) args.push('--root', system.root);
      if (values.quick) args.push('--quick');
      try {
        const out = execFileSync(process.execPath, args, {
          encoding: 'utf8',
          stdio: ['ignore', 'pipe', 'inherit'],
          maxBuffer: 64 * 1024 * 1024,
          timeout: (papers >= 500_000 ? 4 * 3600 : 3600) * 1000, // a run that hangs is reported, not waited for
        });
        runs.push({ system: system.name, papers, round, distinctWords: lib.distinctWords, figures: JSON.parse(out.trim().split('\n').at(-1)!) });
      } catch (error) {
        const message = (error as Error).message.split('\n')[0];
        log(`  failed: ${message}`);
        runs.push({ system: system.name, papers, round, distinctWords: lib.distinctWords, error: message });
      }
    }
  }
}

// Note saves against library size and note size (scripts/bench/note-save.ts), in a fresh process too.
let noteSaves: NoteSaveFigures[] | undefined;
if (!values['skip-notes'] && !values['skip-app']) {
  log('measuring note saves…');
  const args = ['--expose-gc', '--import', 'tsx', path.join(import.meta.dirname, 'bench', 'note-save.ts'), ...(values.quick ? ['--quick'] : [])];
  noteSaves = JSON.parse(
    execFileSync(process.execPath, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] })
      .trim()
      .split('\n')
      .at(-1)!,
  ) as NoteSaveFigures[];
}

// Issue 13: a day's arXiv listing imported into a large library, in a fresh process.
let rssImport: RssImportFigures | undefined;
if (importPapers > 0 && !values['skip-app']) {
  const lib = library(importPapers);
  log(`measuring a 2,000-entry arXiv RSS import into ${importPapers.toLocaleString('en')} papers (load ${load()})…`);
  const args = ['--expose-gc', '--max-old-space-size=4096', script('measure-rss-import.ts')];
  args.push('--library', lib.dir, '--papers', String(importPapers), '--root', repo);
  rssImport = JSON.parse(
    execFileSync(process.execPath, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 16 * 1024 * 1024, timeout: 3600_000 })
      .trim()
      .split('\n')
      .at(-1)!,
  ) as RssImportFigures;
}
machine.loadAtEnd = load();

const out = path.join(repo, '.tmp', `bench-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
fs.mkdirSync(path.dirname(out), { recursive: true });
fs.writeFileSync(out, JSON.stringify({ machine, runs, noteSaves, rssImport }, null, 2));
if (values.json) console.log(JSON.stringify({ machine, runs, noteSaves, rssImport }, null, 2));
else {
  printReport(
    machine,
    runs,
    systems.map((s) => s.name),
  );
  if (noteSaves) printNoteSaves(noteSaves);
  if (rssImport) printRssImport(rssImport);
}
log(`figures of every run: ${path.relative(repo, out)}`);
