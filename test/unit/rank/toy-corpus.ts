import type { PaperText } from '../../../src/rank';
import { seededRandom } from '../../../src/rank/random';

/**
 * Three clearly separate subjects, each paper a few sentences of its subject's vocabulary mixed
 * with words every paper uses: KV-cache papers (k*), protein papers (b*), and robot papers (r*).
 */
const SUBJECTS: Record<string, string[]> = {
  k: ['kv cache', 'speculative decoding', 'attention heads', 'memory bandwidth', 'token eviction', 'prefill latency'],
  b: ['protein folding', 'molecular dynamics', 'binding affinity', 'amino acid', 'drug discovery', 'crystal structure'],
  r: ['robot arm', 'grasp planning', 'motion control', 'tactile sensing', 'manipulation policy', 'legged locomotion'],
};
const COMMON = ['we propose a method', 'experiments show strong results', 'our approach improves the baseline', 'results on benchmarks'];

export function toyCorpus(perSubject = 12, seed = 7): PaperText[] {
  const random = seededRandom(seed);
  const pick = <T>(a: T[]) => a[Math.floor(random() * a.length)];
  const papers: PaperText[] = [];
  for (let i = 0; i < perSubject; i++) {
    for (const [s, phrases] of Object.entries(SUBJECTS)) {
      const body = Array.from({ length: 5 }, () => `${pick(COMMON)} with ${pick(phrases)} and ${pick(phrases)}.`).join(' ');
      papers.push({ id: `${s}${i}`, title: `A study of ${pick(phrases)} ${i}`, abstract: body });
    }
  }
  return papers;
}
