/**
 * The bench's typing workload (what people in this field type, key by key), its statistics,
 * and the ranking scan every figure is compared with.
 */
import { LIST_PAGE } from '../../src/api/vocabulary';
import { processTerm, snippet, highlightRanges, tokenize, type Range, type Snippet } from '../../src/search/text';
import { syntheticPapers } from './synthetic-library';

/**
 * What the search box holds when the reader stops: stems people stop at, acronyms, hyphenated
 * terms, a query that ends inside its next word, typos, and model and dataset names.
 */
export const QUERIES = [
  'spec',
  'speculative decoding',
  'llm infer',
  'kv cache co',
  'moe',
  'rlhf',
  'dpo',
  'rag',
  'fp8 train',
  'test-time scaling',
  'best-of-n',
  'transformr',
  'atention',
  'mixture of experts',
  'chain-of-thought reasoning',
  'diffusion models',
  'vision-language model',
  'long context',
  'quantization',
  'lora fine-tun',
  'retrieval augmented generation',
  'reward model',
  'preference optim',
  'multimodal reas',
  'sparse attention',
  'state space',
  'in-context learning',
  'knowledge distil',
  'agents',
  'tool use',
  'code generation',
  'reinforcment learning',
  'hallucination',
  'gsm8k',
  'llama-3.1-8b',
  'qwen2.5',
  'token pruning',
  'speculative decodng',
  'efficient infer',
  'benchmark for',
  'graph tokeniz',
  'self-supervised',
  'video gen',
  'scaling law',
  'attention sink',
  'reasoning',
  'flash attention',
  'contrastive learn',
  'text-to-image',
  'mllm',
  'swe-bench',
  'robot manipulation',
  'distilation',
  'grpo',
];

/** Method names that one paper each coins (among the first thousand, so every size has them). */
export function rareNames(): string[] {
  const papers = syntheticPapers(1000);
  return [37, 211, 503, 877].map((i) =>
    papers
      .slice(i)
      .find((p) => p.method)!
      .method!.toLowerCase(),
  );
}

/** Every query of the workload: the ones above, then the rare names. */
export function workloadQueries(): string[] {
  return [...QUERIES, ...rareNames()];
}

/** What the search box holds after each key while the queries are typed: "s", "sp", … */
export function keystrokes(queries = workloadQueries()): string[] {
  return queries.flatMap((q) => Array.from({ length: q.length }, (_, i) => q.slice(0, i + 1))).filter((q) => q.trim() !== '');
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

export interface Latency {
  n: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  /** The ten slowest keys: what the box held, and the time. */
  slowest: [string, number][];
}

const round = (ms: number) => Math.round(ms * 100) / 100;

export function latency(times: number[], keys?: string[]): Latency {
  const sorted = times.toSorted((a, b) => a - b);
  const slowest = keys
    ? times
        .map((t, i): [string, number] => [keys[i], round(t)])
        .sort((a, b) => b[1] - a[1])
        .slice(0, 10)
    : [];
  return {
    n: sorted.length,
    p50: round(percentile(sorted, 50)),
    p95: round(percentile(sorted, 95)),
    p99: round(percentile(sorted, 99)),
    max: round(sorted.at(-1) ?? 0),
    slowest,
  };
}

/** Types every keystroke through `search`, one awaited call per key, and times each. */
export async function typeKeys(search: (q: string) => Promise<unknown>, keys = keystrokes()): Promise<Latency> {
  const times: number[] = [];
  for (const q of keys) {
    const start = performance.now();
    await search(q);
    times.push(performance.now() - start);
  }
  return latency(times, keys);
}

interface ScanPaper {
  id: string;
  title: string;
  abstract: string;
}

/**
 * The floor: no index. Every key reads every paper's lower-cased text and scores it simply
 * (each query word found: 3 in the title, 1 in the abstract; the last word as typed so far),
 * keeps the best `limit`, and builds their rows with highlights as the app does.
 */
export function rankingScan(papers: ScanPaper[]) {
  const titles = papers.map((p) => p.title.toLowerCase());
  const abstracts = papers.map((p) => p.abstract.toLowerCase());
  return (q: string, limit = LIST_PAGE) => {
    const words = [...new Set(tokenize(q).map(processTerm))];
    const rows: { id: string; titleRanges: Range[]; snippet: Snippet }[] = [];
    if (words.length === 0) return { matched: 0, rows };
    const best: { i: number; score: number }[] = [];
    let matched = 0;
    for (let i = 0; i < papers.length; i++) {
      let score = 0;
      for (const w of words) score += (titles[i].includes(w) ? 3 : 0) + (abstracts[i].includes(w) ? 1 : 0);
      if (score === 0) continue;
      matched++;
      if (best.length === limit && score <= best[limit - 1].score) continue;
      let at = best.length;
      while (at > 0 && best[at - 1].score < score) at--;
      best.splice(at, 0, { i, score });
      if (best.length > limit) best.pop();
    }
    const terms = new Set(words);
    for (const { i } of best)
      rows.push({ id: papers[i].id, titleRanges: highlightRanges(papers[i].title, terms), snippet: snippet(papers[i].abstract, terms) });
    return { matched, rows };
  };
}
