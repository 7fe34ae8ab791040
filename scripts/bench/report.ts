/** The bench's tables: one per library size, a column per system, each cell "min / median" over the rounds. */

/** One run's figures as its measure script printed them (JSON): a baseline commit's may lack some, so every field is read loosely. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Figures = any;

export interface Run {
  system: string;
  papers: number;
  round: number;
  distinctWords: number;
  figures?: Figures;
  error?: string;
}

type Row = [label: string, get: (f: Figures) => number | string | undefined | null];

const ROWS: Row[] = [
  ['the run broke at', (f) => f.failed],
  ['cold start, no index: first list (ms)', (f) => f.build?.firstListMs],
  ['  searchable = first build (ms)', (f) => f.build?.searchableMs],
  ['  longest main-thread block (ms)', (f) => f.build?.blockedMs],
  ['  peak RSS during the build (MB)', (f) => f.build?.peakMB],
  ['restart, saved index: first list (ms)', (f) => f.restart?.firstListMs],
  ['  searchable (ms)', (f) => f.restart?.searchableMs],
  ['  longest main-thread block (ms)', (f) => f.restart?.blockedMs],
  ['  peak RSS (MB)', (f) => f.restart?.peakMB],
  ['  index came from', (f) => f.restart?.source],
  ['saved index on disk (MB)', (f) => f.build?.indexMB],
  ['corpus cache on disk (MB)', (f) => f.build?.cacheMB],
  ['typing, list only (dispatch): p50 (ms)', (f) => f.typing?.listOnly?.p50],
  ['  p95 / p99 (ms)', (f) => f.typing && `${f.typing.listOnly.p95} / ${f.typing.listOnly.p99}`],
  ['typing, paper open (dispatch): p50 (ms)', (f) => f.typing?.withPaper.p50],
  ['  p95 (ms)', (f) => f.typing?.withPaper.p95],
  ['  p99 / max (ms)', (f) => f.typing && `${f.typing.withPaper.p99} / ${f.typing.withPaper.max}`],
  ['typing, paper open (HTTP): p50 (ms)', (f) => f.typing?.overHttp.p50],
  ['  p95 (ms)', (f) => f.typing?.overHttp.p95],
  ['  p99 / max (ms)', (f) => f.typing && `${f.typing.overHttp.p99} / ${f.typing.overHttp.max}`],
  ['scan (the floor): p50 (ms)', (f) => f.scan?.p50],
  ['  p95 / p99 (ms)', (f) => f.scan && `${f.scan.p95} / ${f.scan.p99}`],
  ['rare word (a method name): p50 / max (ms)', (f) => f.typing?.rare && `${f.typing.rare.p50} / ${f.typing.rare.max}`],
  ['a search’s filter counts, once typing pauses: p50 / p95 (ms)', (f) => f.typing?.counts && `${f.typing.counts.p50} / ${f.typing.counts.p95}`],
  ['steady RSS after typing (MB)', (f) => f.memory?.rssMB],
  ['  200 ms after the last key (MB)', (f) => f.memory?.soonRssMB],
  ['  heap: main / worker (MB)', (f) => f.memory && `${f.memory.mainHeapMB} / ${f.memory.workerHeapMB}`],
  ['import while searching: papers', (f) => f.importDuring?.papers],
  ['  import (ms) / until found (ms)', (f) => f.importDuring && `${f.importDuring.ms} / ${f.importDuring.searchableMs}`],
  [
    '  a search meanwhile: p50 / p95 / max (ms)',
    (f) => f.importDuring && `${f.importDuring.search.p50} / ${f.importDuring.search.p95} / ${f.importDuring.search.max}`,
  ],
  ['  longest main-thread block (ms)', (f) => f.importDuring?.blockedMs],
  ['  peak RSS (MB)', (f) => f.importDuring?.peakMB],
  ['ten files imported: papers', (f) => f.tenFiles?.papers],
  ['  import (ms) / until found (ms)', (f) => f.tenFiles && `${f.tenFiles.ms} / ${f.tenFiles.searchableMs}`],
  ['  peak RSS (MB)', (f) => f.tenFiles?.peakMB],
  ['RSS once the imports settle (MB)', (f) => f.afterImports?.rssMB],
  ['  heap: main / worker (MB)', (f) => f.afterImports && `${f.afterImports.mainHeapMB} / ${f.afterImports.workerHeapMB}`],
  ['save a note (ms) / until found (ms)', (f) => f.noteSave && `${f.noteSave.ms} / ${f.noteSave.searchableMs}`],
  ['related papers (ms) / block (ms)', (f) => f.related && `${f.related.ms} / ${f.related.blockedMs}`],
  ['1 MB abstract: open (ms)', (f) => f.largeText?.openMs],
  ['  open with 1,000s of marks (ms)', (f) => f.largeText?.openMarkedMs],
  ['  marks', (f) => f.largeText?.marks],
  ['  renderer: cut into marked pieces (ms)', (f) => f.largeText?.segmentsMs],
  ['  search for a rare word in it (ms)', (f) => f.largeText?.rareWordMs],
  ['  search for a common word (ms)', (f) => f.largeText?.commonWordMs],
  ['Zotero BibLaTeX export, 1,000 entries with abstracts: import (ms)', (f) => f.references?.ms],
];

const median = (xs: number[]) => {
  const s = xs.toSorted((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : Math.round(((s[s.length / 2 - 1] + s[s.length / 2]) / 2) * 100) / 100;
};

/** "min / median" of numbers; several numbers in a cell ("a / b") are each taken apart. */
function cell(values: (number | string | undefined | null | false)[]): string {
  const present = values.filter((v): v is number | string => v !== undefined && v !== null && v !== false);
  if (present.length === 0) return '';
  if (present.every((v) => typeof v === 'number')) {
    const xs = present as number[];
    return xs.length === 1 ? String(xs[0]) : `${Math.min(...xs)} / ${median(xs)}`;
  }
  const parts = present.map((v) => String(v).split(' / '));
  if (parts.every((p) => p.length === parts[0].length && p.every((x) => x !== '' && !Number.isNaN(Number(x)))) && parts.length > 1) {
    return parts[0].map((_, i) => `${median(parts.map((p) => Number(p[i])))}`).join(' / ') + ' (med)';
  }
  return [...new Set(present.map(String))].join(', ');
}

function table(head: string[], body: string[][]): string {
  const widths = head.map((_, i) => Math.max(...[head, ...body].map((row) => row[i].length)));
  const line = (row: string[]) => `| ${row.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join(' | ')} |`;
  return [line(head), `|${widths.map((w, i) => (i === 0 ? '-'.repeat(w + 2) : `${'-'.repeat(w + 1)}:`)).join('|')}|`, ...body.map(line)].join('\n');
}

export function printReport(machine: Record<string, unknown>, runs: Run[], systems: string[]): void {
  console.log(
    `${machine.cpus} × ${machine.cpu}, ${machine.memoryGB} GB, Node ${machine.node}, commit ${machine.commit}${machine.dirty ? ' (+ uncommitted changes)' : ''}`,
  );
  console.log(`load average (1, 5, 15 min) at the start: ${machine.loadAtStart}; at the end: ${machine.loadAtEnd}\n`);
  for (const papers of [...new Set(runs.map((r) => r.papers))]) {
    const here = runs.filter((r) => r.papers === papers);
    const rounds = Math.max(...here.map((r) => r.round));
    console.log(
      `### ${papers.toLocaleString('en')} papers (${here[0].distinctWords.toLocaleString('en')} distinct words), ${rounds} round${rounds > 1 ? 's' : ''}: min / median\n`,
    );
    const of = (system: string) => here.filter((r) => r.system === system && r.figures).map((r) => r.figures);
    const body = ROWS.map(([label, get]) => [label, ...systems.map((s) => cell(of(s).map(get)))]).filter((row) => row.slice(1).some((c) => c !== ''));
    console.log(table(['', ...systems], body));
    const failed = here.filter((r) => r.error);
    for (const f of failed) console.log(`\n${f.system}, round ${f.round}: FAILED: ${f.error}`);
    const loads = here.filter((r) => r.figures).map((r) => `${r.system} r${r.round}: ${r.figures.load.start} → ${r.figures.load.end}`);
    console.log(`\nload average during each run: ${loads.join('; ')}`);
    const medianOf = (system: string, get: (f: Figures) => number) => median(of(system).map(get));
    const scan = of('scan').length ? medianOf('scan', (f) => f.scan.p95) : undefined;
    for (const s of systems.filter((x) => x !== 'scan' && of(x).length)) {
      const p95 = medianOf(s, (f) => f.typing.withPaper.p95);
      const p50 = medianOf(s, (f) => f.typing.withPaper.p50);
      const ratios = [scan ? `÷ scan p95 ${(p95 / scan).toFixed(3)}, p50 ${(p50 / medianOf('scan', (f) => f.scan.p50)).toFixed(3)}` : ''];
      for (const other of systems.filter((x) => x !== s && x !== 'scan' && of(x).length)) {
        ratios.push(
          `÷ ${other} p95 ${(p95 / medianOf(other, (f) => f.typing.withPaper.p95)).toFixed(3)}, p50 ${(p50 / medianOf(other, (f) => f.typing.withPaper.p50)).toFixed(3)}`,
        );
      }
      console.log(`${s}, typing with a paper open (median of rounds): ${ratios.filter(Boolean).join('; ')}`);
      const last = of(s).at(-1);
      console.log(`  ten slowest keys (last round): ${last.typing.withPaper.slowest.map(([k, ms]: [string, number]) => `"${k}" ${ms}`).join(', ')}`);
    }
    console.log('');
  }
}

/** Note saves (scripts/bench/note-save.ts): one library each. */
export interface NoteSaveFigures {
  notes: number;
  highlights: number;
  storeMB: number;
  bySize: Record<string, { p50: number; p95: number; n: number }>;
  heapGrowthMBFor40MBOfNotes: number;
}

export function printNoteSaves(noteSaves: NoteSaveFigures[]): void {
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

/** Issue 13's import target (scripts/bench/measure-rss-import.ts). */
export interface RssImportFigures {
  papers: number;
  entries: number;
  feedMB: number;
  load: { start: string; end: string };
  restart: { ms: number; source: string };
  memoryBefore: { rssMB: number; mainHeapMB: number; workerHeapMB: number };
  import: {
    format: string;
    added: number;
    merged: number;
    skipped: number;
    ms: number;
    searchableMs: number;
    blockedMs: number;
    peakMB: number;
    searchesMeanwhile: { n: number; p50: number; p95: number; max: number };
  };
}

export function printRssImport(r: RssImportFigures): void {
  const i = r.import;
  const s = i.searchesMeanwhile;
  console.log(
    `\nImporting a ${r.entries.toLocaleString('en')}-entry arXiv RSS listing (${r.feedMB} MB, ${i.format}) into ${r.papers.toLocaleString('en')} papers, after a restart (index ${r.restart.source}):\n`,
  );
  console.log(`| | figure | target (issue 13) |`);
  console.log(`|---|---:|---:|`);
  console.log(`| import: the call answers (ms) | ${i.ms} | ≤ 1,000 |`);
  console.log(`| until search finds its last paper (ms) | ${i.searchableMs} | |`);
  console.log(`| longest main-thread block (ms) | ${i.blockedMs} | the window keeps answering |`);
  console.log(`| searches meanwhile: n, p50 / p95 / max (ms) | ${s.n}, ${s.p50} / ${s.p95} / ${s.max} | |`);
  console.log(`| added / merged / skipped | ${i.added} / ${i.merged} / ${i.skipped} | |`);
  console.log(`| RSS before / peak during (MB) | ${r.memoryBefore.rssMB} / ${i.peakMB} | |`);
  console.log(`\nload average during the import run: ${r.load.start} → ${r.load.end}`);
}
