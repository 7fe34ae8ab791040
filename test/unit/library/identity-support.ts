import { expect } from 'vitest';
import type { DigestEntry } from '../../../src/digest/types';
import type { Corpus } from '../../../src/library/corpus';
import type { Paper } from '../../../src/library/types';

/** What the identity tests import: entries as one digest, as the importer does it. */
export const ABSTRACT = 'We study speculative decoding for large language models and show a draft model accepted at high rates speeds up inference.';
export const REVISED = 'We revisit speculative decoding for large language models; with tree drafts, acceptance rises and inference is 2.1x faster.';

let day = 0;
/** Imports entries as one digest, as the importer does: resolve first, then write and add. */
export function importInto(corpus: Corpus, entries: Partial<DigestEntry>[]) {
  const full = entries.map((e, i) => ({ title: 'Untitled', abstract: ABSTRACT, line: i + 1, ...e }));
  const stored = corpus.resolve(full);
  day++;
  return corpus.addDigest(
    {
      name: `d${day}`,
      importedAt: new Date(Date.UTC(2026, 0, 1) + day * 86_400_000).toISOString(),
      format: 'test',
      source: 'file',
      contentHash: `h${day}-${Math.random()}`,
      paperCount: stored.length,
    },
    stored,
  );
}

/** Papers as plain data, abstracts included (a stored abstract is not an own property). */
export const plain = (corpus: Corpus) => [...corpus.papers].map((p) => JSON.parse(JSON.stringify(p)) as unknown);

export const only = (corpus: Corpus): Paper => {
  const all = [...corpus.papers];
  expect(all).toHaveLength(1);
  return all[0];
};
