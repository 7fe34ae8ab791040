/**
 * Deterministic synthetic libraries for the bench and the large-library e2e test: papers made
 * from the sample digest's own sentences and title fragments, so the vocabulary and the word
 * frequencies are those of real abstracts, written straight into the corpus format.
 */
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseDigest } from '../../src/digest/parse';
import { paperId } from '../../src/digest/identity';
import type { DigestFile } from '../../src/library/types';
import { SAMPLE_DIGEST } from '../../src/paths';

export const PAPERS_PER_DIGEST = 100;
const FIRST_DAY = Date.UTC(2022, 0, 1);
const DAY = 86_400_000;

/** mulberry32: small, fast, and the same sequence everywhere for a seed. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Vocabulary {
  sentences: string[];
  heads: string[];
  tails: string[];
}

let vocabulary: Vocabulary | undefined;

/** The sample's sentences, and its titles cut into a head (before a colon) and a tail. */
function sampleVocabulary(): Vocabulary {
  if (vocabulary) return vocabulary;
  const { entries } = parseDigest(fs.readFileSync(SAMPLE_DIGEST, 'utf8'));
  const sentences = entries.flatMap((e) => e.abstract.split(/(?<=[.!?])\s+(?=[A-Z])/)).filter((s) => s.length > 20);
  const heads: string[] = [];
  const tails: string[] = [];
  for (const { title } of entries) {
    const colon = title.indexOf(': ');
    if (colon > 0) {
      heads.push(title.slice(0, colon));
      tails.push(title.slice(colon + 2));
    } else {
      const words = title.split(' ');
      const cut = Math.ceil(words.length / 2);
      heads.push(words.slice(0, cut).join(' '));
      tails.push(words.slice(cut).join(' ') || words.join(' '));
    }
  }
  vocabulary = { sentences, heads, tails };
  return vocabulary;
}

const QUALIFIERS = [
  '',
  ' at Scale',
  ' Revisited',
  ' in Practice',
  ' for Everyone',
  ' with Less Data',
  ' Made Simple',
  ' under Constraints',
  ' Beyond English',
  ' on a Budget',
  ' without Labels',
  ' in the Wild',
];

/** Makes `count` papers with unique titles; the same seed gives the same papers. */
export function syntheticPapers(count: number, seed = 1): { title: string; abstract: string }[] {
  const { sentences, heads, tails } = sampleVocabulary();
  const next = random(seed);
  const pick = <T>(list: T[]) => list[Math.floor(next() * list.length)];
  const titles = new Set<string>();
  const papers: { title: string; abstract: string }[] = [];
  while (papers.length < count) {
    let title = `${pick(heads)}: ${pick(tails)}${pick(QUALIFIERS)}`;
    // Beyond the fragments' combinations, a part number keeps every title unique.
    for (let part = 2; titles.has(title); part++) title = title.replace(/( \(Part \d+\))?$/, ` (Part ${part})`);
    titles.add(title);
    const length = 4 + Math.floor(next() * 6);
    const abstract = Array.from({ length }, () => pick(sentences)).join(' ');
    papers.push({ title, abstract });
  }
  return papers;
}

/** A digest in the text format the importer reads (a title line, then its abstract line). */
export function syntheticDigestText(count: number, seed: number): string {
  return syntheticPapers(count, seed)
    .map((p) => `${p.title}\n${p.abstract}\n`)
    .join('');
}

/**
 * Writes a library of `count` papers into `dataDir/digests`, one digest file per
 * PAPERS_PER_DIGEST papers, a day apart, as if imported daily.
 */
export function writeSyntheticLibrary(dataDir: string, count: number, seed = 1): void {
  const dir = path.join(dataDir, 'digests');
  fs.mkdirSync(dir, { recursive: true });
  const papers = syntheticPapers(count, seed);
  for (let d = 0; d * PAPERS_PER_DIGEST < count; d++) {
    const entries = papers.slice(d * PAPERS_PER_DIGEST, (d + 1) * PAPERS_PER_DIGEST).map((p) => ({ id: paperId(p.title, p.abstract), ...p }));
    const id = `synthetic-${String(d + 1).padStart(5, '0')}`;
    const file: DigestFile = {
      version: 1,
      digest: {
        id,
        name: `Daily digest ${d + 1}`,
        importedAt: new Date(FIRST_DAY + d * DAY).toISOString(),
        format: 'trending-papers',
        source: 'file',
        contentHash: createHash('sha256').update(`${seed}:${id}`).digest('hex').slice(0, 16),
        paperCount: entries.length,
      },
      entries,
    };
    fs.writeFileSync(path.join(dir, `${id}.json`), JSON.stringify(file));
  }
}
