import fc from 'fast-check';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Corpus } from '../../../src/library/corpus';
import { newPaperId, sameAbstract } from '../../../src/library/merge';
import { IdentityIndex, TitleIds, titleHash, titleKeyHash } from '../../../src/library/identity-index';
import { normaliseAbstract, paperId, titleKey } from '../../../src/digest/identity';
import { createHash } from 'node:crypto';
import type { Paper } from '../../../src/library/types';
import { tempDir } from '../../helpers';
import { ABSTRACT, importInto, only, plain, REVISED } from './identity-support';

describe('paper identity: merge rules', () => {
  it('one arXiv id is one paper whatever its title says; a newer version replaces title and abstract and is recorded', () => {
    const corpus = new Corpus(tempDir());
    importInto(corpus, [{ title: 'Fast Drafts', arxivId: '2401.12345', arxivVersion: 1, published: '2024-01-22', authors: ['Ada Lovelace'] }]);
    const { revisedPapers, newPapers } = importInto(corpus, [
      { title: 'Fast Drafts: Tree Speculation', abstract: REVISED, arxivId: '2401.12345', arxivVersion: 2, updated: '2024-03-01', announceType: 'replace' },
    ]);
    const p = only(corpus);
    expect(newPapers).toEqual([]);
    expect(revisedPapers).toEqual([p]);
    expect(p).toMatchObject({ id: 'arxiv-2401-12345', title: 'Fast Drafts: Tree Speculation', abstract: REVISED, arxivVersion: 2, authors: ['Ada Lovelace'] });
    expect(p.versions).toEqual([
      { version: 1, date: '2024-01-22' },
      { version: 2, date: '2024-03-01' },
    ]);
    expect(p.appearances.map((a) => a.digestId)).toHaveLength(2);
  });

  it('an older version arriving later changes no text', () => {
    const corpus = new Corpus(tempDir());
    importInto(corpus, [{ title: 'V2 title', abstract: REVISED, arxivId: '2401.12345', arxivVersion: 2 }]);
    const { revisedPapers } = importInto(corpus, [{ title: 'V1 title', arxivId: '2401.12345', arxivVersion: 1 }]);
    expect(revisedPapers).toEqual([]);
    expect(only(corpus)).toMatchObject({ title: 'V2 title', arxivVersion: 2 });
    expect(only(corpus).versions?.map((v) => v.version)).toEqual([1, 2]);
  });

  it('one DOI is one paper', () => {
    const corpus = new Corpus(tempDir());
    importInto(corpus, [{ title: 'A Journal Paper', doi: '10.1000/xyz123' }]);
    importInto(corpus, [
      { title: 'A journal paper (as the publisher spells it)', abstract: 'Something else entirely, but the DOI says it is the same.', doi: '10.1000/xyz123' },
    ]);
    expect(only(corpus)).toMatchObject({ title: 'A Journal Paper', doi: '10.1000/xyz123' });
  });

  it('a paper without ids matches an incoming one by its title and abstract and gains its ids; its id stays', () => {
    const corpus = new Corpus(tempDir());
    importInto(corpus, [{ title: 'Fast Drafts for LLMs' }]);
    const before = only(corpus).id;
    const { newPapers, changedPapers } = importInto(corpus, [
      {
        title: 'Fast drafts for LLMs',
        abstract: `  ${ABSTRACT.replace(/ /g, '\n')}  `,
        arxivId: '2401.00001',
        authors: ['Grace Hopper', 'Alan Turing'],
        upvotes: 42,
      },
    ]);
    const p = only(corpus);
    expect(newPapers).toEqual([]);
    expect(changedPapers).toEqual([p]); // authors are indexed: it must be indexed again
    expect(p).toMatchObject({ id: before, title: 'Fast Drafts for LLMs', arxivId: '2401.00001', authors: ['Grace Hopper', 'Alan Turing'], upvotes: 42 });
    expect(corpus.byArxiv('2401.00001')).toBe(p);
  });

  it('an entry without ids that matches several papers is recorded on each, never added as another', () => {
    const corpus = new Corpus(tempDir());
    importInto(corpus, [
      { title: 'Lecture notes on attention', arxivId: '2501.00001' },
      { title: 'Lecture notes on attention', arxivId: '2501.00002' },
    ]);
    expect([...corpus.papers]).toHaveLength(2); // same title and abstract, two ids: two papers
    const { newPapers, digest } = importInto(corpus, [{ title: 'Lecture Notes on Attention' }]);
    expect(newPapers).toEqual([]);
    expect([...corpus.papers].map((p) => p.appearances.map((a) => a.digestId))).toEqual([
      [expect.any(String), digest.id],
      [expect.any(String), digest.id],
    ]);
  });

  it('an entry with an id never takes a paper that has another id of that kind', () => {
    const corpus = new Corpus(tempDir());
    importInto(corpus, [{ title: 'Same Title', arxivId: '2501.00001' }]);
    importInto(corpus, [{ title: 'Same Title', arxivId: '2501.00009' }]);
    expect([...corpus.papers].map((p) => p.arxivId)).toEqual(['2501.00001', '2501.00009']);
  });

  it('the same title with an unrelated abstract is another paper', () => {
    const corpus = new Corpus(tempDir());
    importInto(corpus, [{ title: 'Introduction' }]);
    importInto(corpus, [{ title: 'Introduction', abstract: 'A survey of protein folding with diffusion models across many benchmarks and settings.' }]);
    expect([...corpus.papers]).toHaveLength(2);
  });

  it('within one digest, a later entry gives its id to an earlier one without ids', () => {
    const corpus = new Corpus(tempDir());
    importInto(corpus, [
      { title: 'Twice Listed' },
      { title: 'Twice listed', arxivId: '2502.00002' },
      { title: 'Other', arxivId: '2502.00003', abstract: REVISED },
    ]);
    expect([...corpus.papers].map((p) => p.arxivId)).toEqual(['2502.00002', '2502.00003']);
  });

  it('keeps every source a paper came from, and replays the same papers after a restart', () => {
    const dir = tempDir();
    const corpus = new Corpus(dir);
    importInto(corpus, [{ title: 'Fast Drafts for LLMs' }]);
    importInto(corpus, [{ title: 'Fast drafts for LLMs', arxivId: '2401.00001', arxivVersion: 1, links: { abs: 'https://arxiv.org/abs/2401.00001v1' } }]);
    importInto(corpus, [
      {
        title: 'Fast drafts v2',
        abstract: REVISED,
        arxivId: '2401.00001',
        arxivVersion: 2,
        links: { abs: 'https://arxiv.org/abs/2401.00001v2', code: 'https://github.com/x/y' },
      },
    ]);
    const again = new Corpus(dir);
    expect(plain(again)).toEqual(plain(corpus));
    expect(only(again).appearances).toHaveLength(3);
    expect(only(again).links).toEqual({ abs: 'https://arxiv.org/abs/2401.00001v2', code: 'https://github.com/x/y' });
  });

  it('reads digest files written before identity (version 1)', () => {
    const dir = tempDir();
    const corpus = new Corpus(dir);
    importInto(corpus, [{ title: 'Old Paper' }]);
    // Rewrite the file as the previous release wrote it.
    const file = path.join(dir, 'digests', fs.readdirSync(path.join(dir, 'digests'))[0]);
    const data = JSON.parse(fs.readFileSync(file, 'utf8'));
    fs.writeFileSync(file, JSON.stringify({ ...data, version: 1, entries: data.entries.map(({ id, title, abstract }: Paper) => ({ id, title, abstract })) }));
    expect(only(new Corpus(dir))).toMatchObject({ title: 'Old Paper', abstract: ABSTRACT, rev: 0 });
  });

  it('new ids are stable and safe as keys', () => {
    expect(newPaperId({ title: 't', abstract: 'a', arxivId: 'hep-th/9901001' })).toBe('arxiv-hep-th-9901001');
    expect(newPaperId({ title: 't', abstract: 'a', doi: '10.1/x.y' })).toMatch(/^doi-[0-9a-f]{16}$/);
    expect(sameAbstract('', 'anything')).toBe(true);
  });
});

describe('paper identity: properties', () => {
  const entry = fc.record(
    {
      title: fc.constantFrom('Alpha', 'alpha', 'Beta Paper', 'Gamma'),
      abstract: fc.constantFrom(ABSTRACT, REVISED),
      arxivId: fc.constantFrom('2401.00001', '2401.00002', '2401.00003'),
      arxivVersion: fc.integer({ min: 1, max: 3 }),
      doi: fc.constantFrom('10.1/a', '10.1/b'),
    },
    { requiredKeys: ['title', 'abstract'] },
  );

  it('whatever arrives, in any order: one paper per arXiv id, every id-bearing entry on its paper, a restart replays the same', () => {
    fc.assert(
      fc.property(fc.array(fc.array(entry, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 4 }), (digests) => {
        const dir = tempDir();
        const corpus = new Corpus(dir);
        const seen = digests.map((d) => importInto(corpus, d));
        const papers = [...corpus.papers];
        const arxivIds = papers.flatMap((p) => (p.arxivId ? [p.arxivId] : []));
        expect(new Set(arxivIds).size).toBe(arxivIds.length);
        digests.flat().forEach((e) => {
          if (e.arxivId) expect(papers.some((p) => p.arxivId === e.arxivId)).toBe(true);
        });
        expect(papers.length).toBeLessThanOrEqual(digests.flat().length);
        for (const s of seen) expect(papers.some((p) => p.appearances.some((a) => a.digestId === s.digest.id))).toBe(true);
        expect(plain(new Corpus(dir))).toEqual(plain(corpus));
      }),
      { numRuns: 100 },
    );
  });
});

describe('the title lookup (hashed keys)', () => {
  it('finds every paper of a title, each once, and none of another title', () => {
    const titles = new TitleIds();
    titles.add({ id: 'a', title: 'Speculative Decoding, Revisited' });
    titles.add({ id: 'b', title: 'speculative decoding: revisited' });
    titles.add({ id: 'a', title: 'Speculative Decoding, Revisited' });
    titles.add({ id: 'c', title: 'Speculative Sampling' });
    expect(titles.get(titleKey('SPECULATIVE DECODING REVISITED'))).toEqual(['a', 'b']);
    expect(titles.get(titleKey('Speculative Sampling'))).toEqual(['c']);
    expect(titles.get(titleKey('Speculative Decoding'))).toEqual([]);
  });

  it('finds a paper by its current title only, and only a paper whose title has the key', () => {
    const paper = { id: 'p', title: 'Old Title', abstract: ABSTRACT } as Paper;
    const index = new IdentityIndex(
      (id) => (id === 'p' ? paper : undefined),
      () => [paper],
    );
    expect([...index.byTitle(titleKey('Old Title'))]).toEqual([paper]);
    paper.title = 'New Title';
    index.note(paper);
    expect([...index.byTitle(titleKey('New Title'))]).toEqual([paper]);
    expect([...index.byTitle(titleKey('Old Title'))]).toEqual([]);
  });

  it('gives 200,000 distinct title keys 200,000 distinct hashes', () => {
    const hashes = new Set<number>();
    for (let i = 0; i < 200_000; i++) hashes.add(titleHash(titleKey(`A study of model ${i.toString(36)} on task ${(i * 7919) % 1000}`)));
    expect(hashes.size).toBe(200_000);
  });
});

describe('titles and abstracts in ASCII take a short way to the same keys and ids', () => {
  /** The forms as they were before the short way, for any text. */
  const GREEK = 'αβγ';
  const foldRef = (text: string) =>
    text
      .normalize('NFKD')
      .toLowerCase()
      .replace(/\p{M}+/gu, '')
      .replace(/[α-ω]/g, (c) => ({ α: 'alpha', β: 'beta', γ: 'gamma' })[c as 'α'] ?? c)
      .replace(/[^\p{L}\p{N}]+/gu, '');
  const text = fc.string({
    unit: fc.constantFrom(...'aZ09 -_.,:;!?()[]{}\t\n\r\v\f~^`\'"/\\$%&*+=<>|@#é', ...GREEK, 'ﬁ', '\u0301', '\u00a0', '\u2003', '\ufeff', '\u2028', '\u0085'),
    maxLength: 60,
  });

  it('keys a title as the full normalising does', () => {
    fc.assert(
      fc.property(text, (t) => {
        if (!/[\\$]/.test(t)) expect(titleKey(t)).toBe(foldRef(t));
      }),
      { numRuns: 2000 },
    );
  });

  it('hashes a title as the hash of its key', () => {
    fc.assert(
      fc.property(text, (t) => {
        expect(titleKeyHash(t)).toBe(titleHash(titleKey(t)));
      }),
      { numRuns: 2000 },
    );
    expect(titleKeyHash('Attention Is All You Need (v2)')).toBe(titleHash('attentionisallyouneedv2'));
  });

  it('names a new paper and compares abstracts as the full normalising does', () => {
    fc.assert(
      fc.property(text, text, (t, a) => {
        const abstractRef = a.normalize('NFKC').replace(/\s+/g, ' ').trim();
        const titleRef = t
          .normalize('NFKC')
          .toLowerCase()
          .replace(/[^\p{L}\p{N}]+/gu, ' ')
          .trim();
        expect(normaliseAbstract(a)).toBe(abstractRef);
        expect(paperId(t, a)).toBe(createHash('sha256').update(`${titleRef}\n${abstractRef}`).digest('hex').slice(0, 16));
      }),
      { numRuns: 1000 },
    );
  });
});
