import { describe, expect, it } from 'vitest';
import { parseDigest } from '../../../../src/digest/parse';
import { digestError, fixture } from '../support';
import { rssListing } from '../generate';

describe('arXiv RSS listings', () => {
  const rss = () => parseDigest(fixture('arxiv-rss-cs.CL.xml'));

  it('reads items with ids, versions, announce types, authors, categories and the day', () => {
    const { format, entries, meta, skipped } = rss();
    expect(format).toBe('arxiv-rss');
    expect(meta).toEqual({ title: 'arXiv cs.CL', date: '2024-01-22' });
    expect(skipped).toEqual([]);
    expect(entries.map((e) => [e.arxivId, e.arxivVersion, e.announceType])).toEqual([
      ['2401.10774', 1, 'new'],
      ['2401.10775', 1, 'new'],
      ['2401.09981', 1, 'cross'],
      ['2408.11745', 2, 'replace'],
      ['cmp-lg/9612001', 3, 'replace-cross'],
    ]);
    expect(entries[0]).toMatchObject({
      title: 'S$^4$C: Speculative Sampling with Syntactic and Semantic Coherence for Efficient Inference',
      authors: ['Tao Ge', 'Hao Hu', 'José Álvarez-Muñiz', 'Furu Wei'],
      categories: ['cs.CL', 'cs.AI'],
      primaryCategory: 'cs.CL',
      published: '2024-01-22',
      links: { abs: 'https://arxiv.org/abs/2401.10774', pdf: 'https://arxiv.org/pdf/2401.10774' },
      line: 17,
    });
    expect(entries[0].abstract).toMatch(/^Large language models decode one token at a time\. .* identical outputs\.$/);
  });

  it('keeps the announcement out of the abstract and dates a replacement as an update', () => {
    const replaced = rss().entries[3];
    expect(replaced.abstract.startsWith('Empowering LLMs')).toBe(true);
    expect(replaced).toMatchObject({ updated: '2024-01-22', doi: '10.18653/v1/2025.findings-acl.123', journalRef: 'Findings of ACL 2025' });
    expect(replaced.published).toBeUndefined();
    expect(rss().entries[2].primaryCategory).toBeUndefined(); // a cross-list's primary is another category
  });

  it('decodes entities once, reads CDATA, strips HTML tags and TeX accents in names', () => {
    const qa = rss().entries[1];
    expect(qa.title).toBe('Q&A over Tables &lt;and&gt; Text: A Benchmark for Hybrid Reasoning');
    expect(qa.abstract).toContain('read the table as Markdown do better');
    expect(qa.abstract).toContain('"a<b" comparisons remain hard.');
    expect(qa.authors).toEqual(['María García', 'Chen Li']);
  });

  it('keeps an entry whose abstract is empty apart, as an update by id (not a paper)', () => {
    const { withoutAbstract } = rss();
    expect(withoutAbstract).toEqual([expect.objectContaining({ arxivId: '2401.10999', title: 'An Entry Whose Abstract Was Lost', abstract: '' })]);
  });

  it('reads the Atom variant of the listings', () => {
    const { format, entries, meta } = parseDigest(fixture('arxiv-listing-atom-cs.AI.xml'));
    expect(format).toBe('arxiv-rss');
    expect(meta).toEqual({ title: 'arXiv cs.AI', date: '2025-02-07' });
    expect(entries[1]).toMatchObject({
      arxivId: '2303.06865',
      arxivVersion: 2,
      announceType: 'replace-cross',
      title: 'FlexGen: High-Throughput Generative Inference of Large Language Models with a Single GPU',
    });
    expect(entries[1].authors).toContain('Christopher Ré');
  });

  it('says that a feed with no items is empty', () => {
    const empty = rssListing(0);
    const error = digestError(() => parseDigest(empty));
    expect(error.code).toBe('no-entries');
    expect(error.message).toMatch(/arXiv RSS\/Atom listing: the feed “cs\.LG updates on arXiv\.org” holds no entries/);
  });

  it('reads a generated 500-entry listing', () => {
    const { entries } = parseDigest(rssListing(500));
    expect(entries).toHaveLength(500);
    expect(new Set(entries.map((e) => e.arxivId)).size).toBe(500);
  });
});
