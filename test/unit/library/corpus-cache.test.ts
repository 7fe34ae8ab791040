import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DigestEntry } from '../../../src/digest/types';
import { Corpus } from '../../../src/library/corpus';
import { CorpusCache } from '../../../src/library/corpus-cache';
import type { StoredPaper } from '../../../src/library/stored-paper';
import { tempDir } from '../../helpers';

const ABSTRACT = 'We study speculative decoding for large language models and show a draft model accepted at high rates speeds up inference.';
const UNICODE = 'Schrödinger bridges — 数学的 reasoning with $\\mathcal{O}(n)$ cost 😀, not ASCII.';
const REVISED = 'We revisit speculative decoding; with tree drafts, acceptance rises and inference is 2.1x faster.';

let day = 0;
/** Imports entries as one digest, as the importer does: resolve first, then write and add. */
function importInto(corpus: Corpus, entries: Partial<DigestEntry>[]) {
  const stored = corpus.resolve(entries.map((e, i) => ({ title: 'Untitled', abstract: ABSTRACT, line: i + 1, ...e })));
  day++;
  const importedAt = new Date(Date.UTC(2026, 0, 1) + day * 86_400_000).toISOString();
  return corpus.addDigest({ name: `d${day}`, importedAt, format: 'test', source: 'file', contentHash: `h${day}`, paperCount: stored.length }, stored);
}

/** Papers as plain data, abstracts included (a stored abstract is not an own property). */
const plain = (corpus: Corpus) => [...corpus.papers].map((p) => JSON.parse(JSON.stringify(p)) as unknown);

function library(dir = tempDir()) {
  const corpus = new Corpus(dir);
  importInto(corpus, [
    { title: 'Fast Drafts', arxivId: '2401.12345', arxivVersion: 1, authors: ['Ada Lovelace'] },
    { title: 'Bridges', abstract: UNICODE, categories: ['cs.LG'] },
    { title: 'No abstract', abstract: '' },
  ]);
  importInto(corpus, [{ title: 'Fast Drafts: Trees', abstract: REVISED, arxivId: '2401.12345', arxivVersion: 2 }]);
  return { dir, corpus };
}

describe('the corpus cache', () => {
  it('a restart takes the papers from the cache, as replaying the digests made them, abstracts and revisions included', async () => {
    const { dir, corpus } = library();
    const replayed = plain(corpus);
    await corpus.close();
    const again = new Corpus(dir);
    expect(again.loadedFrom).toBe('cache');
    expect(plain(again)).toEqual(replayed);
    expect(again.digests).toEqual(corpus.digests);
    expect(again.paper('arxiv-2401-12345')).toMatchObject({ title: 'Fast Drafts: Trees', abstract: REVISED });
    expect([...again.papers].map((p) => p.abstract)).toEqual([REVISED, UNICODE, '']);
    // The abstracts stay in their file until asked for.
    expect(Object.keys(again.paper('arxiv-2401-12345')!)).not.toContain('abstract');
    await again.close();
  });

  it('keeps what an import after a restart from the cache adds: its abstracts are appended, the earlier ones stay where they are', async () => {
    const { dir, corpus } = library();
    await corpus.close();
    const second = new Corpus(dir);
    importInto(second, [
      { title: 'Later', abstract: 'A later paper about retrieval.' },
      { title: 'Fast Drafts: Trees v3', abstract: UNICODE, arxivId: '2401.12345', arxivVersion: 3 },
    ]);
    const expected = plain(second);
    await second.close();
    const third = new Corpus(dir);
    expect(third.loadedFrom).toBe('cache');
    expect(plain(third)).toEqual(expected);
    expect(third.paper('arxiv-2401-12345')!.abstract).toBe(UNICODE);
    await third.close();
  });

  it('an import writes its abstracts, new and revised, to their file as it adds them: none waits in memory for the save', async () => {
    const { dir, corpus } = library();
    await corpus.close();
    const second = new Corpus(dir);
    const entries = [
      { title: 'Later', abstract: 'A later paper about retrieval.', line: 1 },
      { title: 'Fast Drafts: Trees v3', abstract: UNICODE, arxivId: '2401.12345', arxivVersion: 3, line: 2 },
    ];
    const stored = second.resolve(entries);
    const meta = { name: 'sliced', importedAt: '2026-03-01T00:00:00.000Z', format: 'test', source: 'file' as const, contentHash: 'sliced', paperCount: 2 };
    const { newPapers, revisedPapers } = await second.addDigestInSlices(meta, stored, () => Promise.resolve());
    const brought = [...newPapers, ...revisedPapers] as unknown as StoredPaper[];
    expect(brought.map((p) => p.unsaved)).toEqual([undefined, undefined]);
    expect(brought.map((p) => p.abstract)).toEqual(['A later paper about retrieval.', UNICODE]);
    const expected = plain(second);
    await second.close();
    const third = new Corpus(dir);
    expect(third.loadedFrom).toBe('cache');
    expect(plain(third)).toEqual(expected);
    await third.close();
  });

  it('is not used once the digests changed without it (a crash before it was saved): the digests are replayed', async () => {
    const { dir, corpus } = library();
    await corpus.close();
    const second = new Corpus(dir);
    importInto(second, [{ title: 'Unsaved', abstract: 'Imported, then the app was killed before the cache was saved.' }]);
    const expected = plain(second);
    const third = new Corpus(dir); // the second never closed, and reads no more (it was killed)
    expect(third.loadedFrom).toBe('digests');
    expect(plain(third)).toEqual(expected);
  });

  it.each([
    ['damaged', (dir: string) => fs.writeFileSync(path.join(dir, 'corpus-cache.json'), '{"version":1,"pap')],
    ['missing its abstracts', (dir: string) => fs.rmSync(path.join(dir, 'corpus-abstracts.bin'))],
    ['with its abstracts cut short', (dir: string) => fs.truncateSync(path.join(dir, 'corpus-abstracts.bin'), 10)],
    ['made by other rules', (dir: string) => rewrite(path.join(dir, 'corpus-cache.json'), (c) => ({ ...c, rules: -1 }))],
    ['of another shape', (dir: string) => fs.writeFileSync(path.join(dir, 'corpus-cache.json'), '[1,2,3]')],
    ['without its stamp (cut short between lines)', (dir: string) => cutShort(path.join(dir, 'corpus-cache.json'), 1)],
    ['cut short within a line of papers', (dir: string) => cutShort(path.join(dir, 'corpus-cache.json'), 2, 40)],
    ['of the first version (one JSON document)', (dir: string) => rewrite(path.join(dir, 'corpus-cache.json'), (c) => ({ ...c, version: 1 }))],
  ])('a cache %s is made again from the digests, with nothing lost and nothing to tell', async (_case, damage) => {
    const { dir, corpus } = library();
    const replayed = plain(corpus);
    await corpus.close();
    damage(dir);
    const again = new Corpus(dir);
    expect(again.loadedFrom).toBe('digests');
    expect(again.warnings).toEqual([]);
    expect(plain(again)).toEqual(replayed);
    await again.close();
    const third = new Corpus(dir);
    expect(third.loadedFrom).toBe('cache');
    expect(plain(third)).toEqual(replayed);
    await third.close();
  });

  it('a replay that rewrites the file of abstracts takes the old cache with it: killed before the next save, a start replays again', async () => {
    const { dir, corpus } = library();
    const expected = plain(corpus);
    await corpus.close();
    fs.rmSync(path.join(dir, 'corpus-abstracts.bin')); // the cache is refused for want of its abstracts…
    const second = new Corpus(dir); // …and the replay writes them anew, in another order
    expect(second.loadedFrom).toBe('digests');
    expect(plain(second)).toEqual(expected);
    const third = new Corpus(dir); // the second was killed before its save
    expect(third.loadedFrom).toBe('digests');
    expect(plain(third)).toEqual(expected);
    await third.close();
  });

  it('does not hide a digest file damaged after it was saved: the file is set aside and the reader told', async () => {
    const { dir, corpus } = library();
    await corpus.close();
    const digests = path.join(dir, 'digests');
    fs.writeFileSync(path.join(digests, fs.readdirSync(digests)[0]), '{"broken');
    const again = new Corpus(dir);
    expect(again.loadedFrom).toBe('digests');
    expect(again.warnings.map((w) => w.code)).toEqual(['digest-corrupt']);
  });

  it('reads back abstracts of every length whole: a megabyte, and thousands that straddle the blocks it reads', async () => {
    const dir = tempDir();
    const corpus = new Corpus(dir);
    // About 10 MB in all, more than the blocks held (8 MB): blocks are let go and their buffers read into again.
    const texts = Array.from({ length: 3000 }, (_, i) => `${i}: ${'Schrödinger — 数学 😀 '.repeat(1 + ((i * 37) % 200))}end ${i}`);
    texts[1500] = `A megabyte: ${'long context '.repeat(80_000)}`;
    importInto(
      corpus,
      texts.map((abstract, i) => ({ title: `Paper ${i}`, abstract })),
    );
    await corpus.close();
    const again = new Corpus(dir);
    expect(again.loadedFrom).toBe('cache');
    expect([...again.papers].map((p) => p.abstract)).toEqual(texts);
    // Backwards: from the blocks held, then read anew.
    expect([...again.papers].reverse().map((p) => p.abstract)).toEqual([...texts].reverse());
    await again.close();
  });

  it('a corpus that changed while it was being saved is not written as the cache, and its abstracts stay in memory', async () => {
    const { dir, corpus } = library();
    const cache = new CorpusCache(dir, path.join(dir, 'digests'));
    const papers = [...corpus.papers] as unknown as Parameters<CorpusCache['save']>[1];
    await cache.save(corpus.digests, papers, () => false);
    expect(fs.existsSync(path.join(dir, 'corpus-cache.json'))).toBe(false);
    expect(papers.map((p) => p.unsaved)).toEqual([REVISED, UNICODE, '']);
    await cache.save(corpus.digests, papers, () => true);
    expect(cache.load()?.papers.map((p) => p.abstract)).toEqual([REVISED, UNICODE, '']);
    expect(papers.map((p) => p.unsaved)).toEqual([undefined, undefined, undefined]);
    cache.close();
  });
});

/** Changes the cache's header (its first line). */
function rewrite(file: string, change: (c: Record<string, unknown>) => Record<string, unknown>) {
  const [header, ...rest] = fs.readFileSync(file, 'utf8').split('\n');
  fs.writeFileSync(file, [JSON.stringify(change(JSON.parse(header) as Record<string, unknown>)), ...rest].join('\n'));
}

/** Drops the cache's last `lines` lines (the stamp is the last). */
function cutShort(file: string, lines: number, keepPartOfNext = 0) {
  const all = fs.readFileSync(file, 'utf8').split('\n').slice(0, -1);
  const kept = all.slice(0, all.length - lines);
  fs.writeFileSync(file, kept.map((l) => `${l}\n`).join('') + all[kept.length].slice(0, keepPartOfNext));
}
