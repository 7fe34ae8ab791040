/**
 * Deterministic synthetic libraries for the bench and the large-library tests. Papers are made of
 * the sample digest's real sentences and title fragments, plus what makes a real library's
 * vocabulary grow with it: each paper names its own method, often a new model or dataset, and
 * reports figures (coined-names.ts). The distinct words per size are in BENCHMARKS.md.
 */
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseDigest } from '../../src/digest/parse';
import { paperId } from '../../src/digest/identity';
import type { DigestFile } from '../../src/library/types';
import { SAMPLE_DIGEST } from '../../src/paths';
import { indexTerm, tokenize } from '../../src/search/text';
import { NameWorld, random } from './coined-names';

export const PAPERS_PER_DIGEST = 100;
const FIRST_DAY = Date.UTC(2022, 0, 1);
const DAY = 86_400_000;

export interface SyntheticPaper {
  title: string;
  abstract: string;
  /** The name the paper gives its method, if any: a rare word to search for. */
  method?: string;
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

const lowerFirst = (s: string) => (/^[A-Z][a-z]/.test(s) ? s.charAt(0).toLowerCase() + s.slice(1) : s);

/** Papers one after another, for ever; the same seed gives the same papers in the same order. */
export function* syntheticPaperStream(seed = 1): Generator<SyntheticPaper> {
  const { sentences, heads, tails } = sampleVocabulary();
  const next = random(seed);
  const world = new NameWorld(next);
  const pick = <T>(list: T[]) => list[Math.floor(next() * list.length)];
  const titles = new Set<string>();
  for (;;) {
    const named = next() < 0.9;
    const method = named ? world.method() : undefined;
    const tail = pick(tails);
    let title = method && next() < 0.6 ? `${method}: ${tail}` : `${pick(heads)}: ${tail}${pick(QUALIFIERS)}`;
    // Beyond the fragments' combinations, a part number keeps every title unique.
    for (let part = 2; titles.has(title); part++) title = title.replace(/( \(Part \d+\))?$/, ` (Part ${part})`);
    titles.add(title);
    const body = Array.from({ length: 3 + Math.floor(next() * 6) }, () => pick(sentences));
    if (method) {
      const intro = [
        `We introduce ${method}, ${lowerFirst(tail)}.`,
        `In this work, we propose ${method}.`,
        `We present ${method}, a method for ${lowerFirst(pick(heads))}.`,
      ];
      body.splice(Math.floor(next() * 2), 0, pick(intro));
      const results = [
        `${method} improves ${world.metric()} by ${world.figure()} on ${world.dataset()} with ${world.model()}.`,
        `On ${world.dataset()} and ${world.dataset()}, ${method} outperforms ${world.model()} by ${world.figure()}.`,
        `Experiments with ${world.model()} and ${world.model()} show ${world.figure()} higher ${world.metric()} on ${world.dataset()} at ${world.figure()}.`,
      ];
      body.push(pick(results));
      if (next() < 0.3) body.push(`Code is available at https://github.com/${world.coin().toLowerCase()}/${method.toLowerCase()}.`);
    }
    yield { title, abstract: body.join(' '), method };
  }
}

/** The first `count` papers of the stream for `seed`. */
export function syntheticPapers(count: number, seed = 1): SyntheticPaper[] {
  const papers: SyntheticPaper[] = [];
  for (const p of syntheticPaperStream(seed)) {
    if (papers.length === count) break;
    papers.push(p);
  }
  return papers;
}

/** A digest in the text format the importer reads (a title line, then its abstract line). */
export function syntheticDigestText(count: number, seed: number): string {
  return syntheticPapers(count, seed)
    .map((p) => `${p.title}\n${p.abstract}\n`)
    .join('');
}

/** Distinct indexed words (the app's tokenizer, stop words left out) of the first `count` papers. */
export function distinctWords(count: number, seed = 1): number {
  const words = new Set<string>();
  let n = 0;
  for (const p of syntheticPaperStream(seed)) {
    if (n++ === count) break;
    for (const token of tokenize(`${p.title} ${p.abstract}`)) {
      const term = indexTerm(token);
      if (term) words.add(term);
    }
  }
  return words.size;
}

/**
 * Writes a library of `count` papers into `dataDir/digests`, one digest file per
 * PAPERS_PER_DIGEST papers, a day apart, as if imported daily.
 */
export function writeSyntheticLibrary(dataDir: string, count: number, seed = 1): void {
  const dir = path.join(dataDir, 'digests');
  fs.mkdirSync(dir, { recursive: true });
  const stream = syntheticPaperStream(seed);
  for (let d = 0; d * PAPERS_PER_DIGEST < count; d++) {
    const entries: DigestFile['entries'] = [];
    while (entries.length < Math.min(PAPERS_PER_DIGEST, count - d * PAPERS_PER_DIGEST)) {
      const { title, abstract } = stream.next().value!;
      entries.push({ id: paperId(title, abstract), title, abstract });
    }
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
