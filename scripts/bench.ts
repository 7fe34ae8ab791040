/**
 * npm run bench [-- --quick] [-- --json] [-- --sizes 1000,100000]: synthetic libraries of 1k,
 * 10k and 100k papers (no 100k with --quick), each measured in a fresh process by
 * scripts/bench/measure-size.ts; prints one table, or with --json the same figures as one JSON
 * document.
 */
import { execFileSync } from 'node:child_process';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { LENGTH_BUCKETS, type TypingFigures } from './bench/workload';

const { values } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    json: { type: 'boolean', default: false },
    /** Other sizes, comma-separated: --sizes 100000 */
    sizes: { type: 'string' },
  },
});
const sizes = values.sizes ? values.sizes.split(',').map(Number) : values.quick ? [1_000, 10_000] : [1_000, 10_000, 100_000];
const MEASURE = path.join(import.meta.dirname, 'bench', 'measure-size.ts');

interface SizeFigures {
  papers: number;
  build: { firstListMs: number; searchableMs: number; blockedMs: number };
  load: { firstListMs: number; searchableMs: number; blockedMs: number; indexMB: number };
  typing: TypingFigures;
  scan: TypingFigures & { ratioP50: number; ratioP95: number };
  import: { ms: number; searchableMs: number; blockedMs: number };
  noteSave: { ms: number; searchableMs: number };
  related: { ms: number; blockedMs: number };
  memory: { rssMB: number; heapMB: number; afterBuildMB: number };
}

const results: SizeFigures[] = [];
for (const papers of sizes) {
  if (!values.json) process.stderr.write(`measuring ${papers.toLocaleString('en')} papers…\n`);
  const out = execFileSync(process.execPath, ['--expose-gc', '--max-old-space-size=4096', '--import', 'tsx', MEASURE, '--papers', String(papers)], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 16 * 1024 * 1024,
  });
  results.push(JSON.parse(out.trim().split('\n').at(-1)!) as SizeFigures);
}

// Note saves against library size and note size (scripts/bench/note-save.ts), in a fresh process too.
interface NoteSaveFigures {
  notes: number;
  highlights: number;
  storeMB: number;
  bySize: Record<string, { p50: number; p95: number; n: number }>;
  heapGrowthMBFor40MBOfNotes: number;
}
if (!values.json) process.stderr.write('measuring note saves…\n');
const noteSaves = JSON.parse(
  execFileSync(
    process.execPath,
    ['--expose-gc', '--import', 'tsx', path.join(import.meta.dirname, 'bench', 'note-save.ts'), ...(values.quick ? ['--quick'] : [])],
    {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  )
    .trim()
    .split('\n')
    .at(-1)!,
) as NoteSaveFigures[];

const machine = { cpus: os.cpus().length, cpu: os.cpus()[0]?.model ?? 'unknown', memoryGB: Math.round(os.totalmem() / 1e9), node: process.version };

if (values.json) {
  console.log(JSON.stringify({ machine, sizes: results, noteSaves }, null, 2));
} else {
  const rows: [string, (r: SizeFigures) => string | number][] = [
    ['cold start, no index: first list (ms)', (r) => r.build.firstListMs],
    ['cold start, no index: searchable (ms) = build', (r) => r.build.searchableMs],
    ['cold start, no index: longest main-thread block (ms)', (r) => r.build.blockedMs],
    ['cold start, saved index: first list (ms)', (r) => r.load.firstListMs],
    ['cold start, saved index: searchable (ms) = load', (r) => r.load.searchableMs],
    ['cold start, saved index: longest main-thread block (ms)', (r) => r.load.blockedMs],
    ['saved index on disk (MB)', (r) => r.load.indexMB],
    [`typing: keystrokes`, (r) => r.typing.n],
    ['typing p50 / p95 (ms)', (r) => `${r.typing.p50} / ${r.typing.p95}`],
    ...LENGTH_BUCKETS.map((b): [string, (r: SizeFigures) => string] => [
      `  ${b} chars: p50 / p95 (ms)`,
      (r) => `${r.typing.byLength[b].p50} / ${r.typing.byLength[b].p95}`,
    ]),
    ['linear scan p50 / p95 (ms)', (r) => `${r.scan.p50} / ${r.scan.p95}`],
    ...LENGTH_BUCKETS.map((b): [string, (r: SizeFigures) => string] => [
      `  ${b} chars: p50 / p95 (ms)`,
      (r) => `${r.scan.byLength[b].p50} / ${r.scan.byLength[b].p95}`,
    ]),
    ['index ÷ scan, p50 / p95', (r) => `${r.scan.ratioP50} / ${r.scan.ratioP95}`],
    ['import 100 papers (ms)', (r) => r.import.ms],
    ['  until search finds them (ms)', (r) => r.import.searchableMs],
    ['  longest main-thread block (ms)', (r) => r.import.blockedMs],
    ['save a note (ms)', (r) => r.noteSave.ms],
    ['  until search finds it (ms)', (r) => r.noteSave.searchableMs],
    ['related papers, first time (ms)', (r) => r.related.ms],
    ['  longest main-thread block (ms)', (r) => r.related.blockedMs],
    ['resident memory, after the session (MB)', (r) => r.memory.rssMB],
    ['resident memory, right after a build (MB)', (r) => r.memory.afterBuildMB],
    ['heap, main thread (MB)', (r) => r.memory.heapMB],
  ];
  const head = ['', ...results.map((r) => `${r.papers.toLocaleString('en')} papers`)];
  const body = rows.map(([label, get]) => [label, ...results.map((r) => String(get(r)))]);
  const widths = head.map((_, i) => Math.max(...[head, ...body].map((row) => row[i].length)));
  const line = (row: string[]) => `| ${row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join(' | ')} |`;
  console.log(`${machine.cpus} × ${machine.cpu}, ${machine.memoryGB} GB, Node ${machine.node}\n`);
  console.log(line(head));
  console.log(`|${widths.map((w, i) => (i === 0 ? '-'.repeat(w + 2) : `${'-'.repeat(w + 1)}:`)).join('|')}|`);
  for (const row of body) console.log(line(row));
  const sizes = Object.keys(noteSaves[0].bySize);
  console.log(`\nSaving a note (notes.save through the contract), p50 / p95 in ms, by note size:\n`);
  console.log(`| library | store on disk | ${sizes.map((b) => `${Number(b).toLocaleString('en')} chars`).join(' | ')} | heap growth, ten 4 MB notes |`);
  console.log(`|---|---:|${sizes.map(() => '---:').join('|')}|---:|`);
  for (const r of noteSaves) {
    const cells = sizes.map((b) => `${r.bySize[b].p50} / ${r.bySize[b].p95}`);
    console.log(
      `| ${r.notes.toLocaleString('en')} notes, ${r.highlights.toLocaleString('en')} highlights | ${r.storeMB} MB | ${cells.join(' | ')} | ${r.heapGrowthMBFor40MBOfNotes} MB |`,
    );
  }
}
