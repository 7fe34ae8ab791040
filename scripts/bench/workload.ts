/** The bench's typing workload, its statistics, and the naive linear scan it is compared with. */
import type { Paper } from '../../src/library/types';
import { highlightRanges, processTerm, snippet, tokenize, type Range, type Snippet } from '../../src/search/text';

/** Realistic queries of one to three words on the sample's topics. */
export const QUERIES = [
  'speculative decoding',
  'KV cache compression',
  'mixture of experts inference',
  'test-time scaling',
  'reinforcement learning',
  'diffusion models',
  'long context',
  'quantization',
  'retrieval augmented generation',
  'vision language',
  'agents',
  'sparse attention',
  'reasoning',
  'token pruning',
];

/** What the search box holds after each key while a query is typed: "s", "sp", … */
export function keystrokes(queries = QUERIES): string[] {
  return queries.flatMap((q) => Array.from({ length: q.length }, (_, i) => q.slice(0, i + 1))).filter((q) => q.trim() !== '');
}

export const LENGTH_BUCKETS = ['1', '2–3', '4–7', '8+'] as const;
export type LengthBucket = (typeof LENGTH_BUCKETS)[number];

export function bucketOf(query: string): LengthBucket {
  const n = query.trim().length;
  return n <= 1 ? '1' : n <= 3 ? '2–3' : n <= 7 ? '4–7' : '8+';
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

export interface Latency {
  n: number;
  p50: number;
  p95: number;
}

export interface TypingFigures extends Latency {
  byLength: Record<LengthBucket, Latency>;
}

const round = (ms: number) => Math.round(ms * 10) / 10;

function latency(times: number[]): Latency {
  const sorted = times.toSorted((a, b) => a - b);
  return { n: sorted.length, p50: round(percentile(sorted, 50)), p95: round(percentile(sorted, 95)) };
}

/** Types every query key by key through `search`, one awaited call per key, and times each. */
export async function typeQueries(search: (q: string) => unknown): Promise<TypingFigures> {
  const all: number[] = [];
  const byBucket = new Map<LengthBucket, number[]>(LENGTH_BUCKETS.map((b) => [b, []]));
  for (const q of keystrokes()) {
    const start = performance.now();
    await search(q);
    const ms = performance.now() - start;
    all.push(ms);
    byBucket.get(bucketOf(q))!.push(ms);
  }
  const byLength = Object.fromEntries(LENGTH_BUCKETS.map((b) => [b, latency(byBucket.get(b)!)])) as Record<LengthBucket, Latency>;
  return { ...latency(all), byLength };
}

/**
 * The reference: no index, every keystroke reads every paper (lower-cased once, up front) and
 * keeps those containing every typed word, then builds the first rows with highlights.
 */
export function linearScan(papers: Paper[]) {
  const haystacks = papers.map((p) => `${p.title}\n${p.abstract}`.toLowerCase());
  return (q: string, limit = 50) => {
    const words = tokenize(q).map(processTerm);
    const terms = new Set(words);
    let total = 0;
    const rows: { id: string; titleRanges: Range[]; snippet: Snippet }[] = [];
    if (words.length === 0) return { total, rows };
    for (let i = 0; i < haystacks.length; i++) {
      if (!words.every((w) => haystacks[i].includes(w))) continue;
      total++;
      if (rows.length < limit)
        rows.push({ id: papers[i].id, titleRanges: highlightRanges(papers[i].title, terms), snippet: snippet(papers[i].abstract, terms) });
    }
    return { total, rows };
  };
}
