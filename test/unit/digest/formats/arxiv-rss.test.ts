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
    expect(rss().entries[2].primaryCategory).toBe('eess.AS'); // a cross-list's primary is another category, listed first
  });

  it("decodes entities once, reads CDATA, keeps what looks like a tag in arXiv's plain text, decodes TeX accents in names", () => {
    const qa = rss().entries[1];
    expect(qa.title).toBe('Q&A over Tables &lt;and&gt; Text: A Benchmark for Hybrid Reasoning');
    expect(qa.abstract).toContain('read the table as <b>Markdown</b> do better');
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

  it("reports arXiv's error feed (a wrong category) with arXiv's own words, not as an empty day", () => {
    const feed = `<?xml version='1.0' encoding='UTF-8'?>
<rss xmlns:arxiv="http://arxiv.org/schemas/atom" version="2.0"><channel>
<title>Feed error for query: https://rss.arxiv.org/rss/cs.XYZ</title>
<description>Bad subject class 'XYZ'. Valid subject classes for the archive 'cs' are: cs.AI, cs.CL.</description>
</channel></rss>`;
    const error = digestError(() => parseDigest(feed));
    expect(error.code).toBe('feed-error');
    expect(error.message).toContain("arXiv answered with an error instead of papers: “Bad subject class 'XYZ'.");
  });

  it("keeps a model's <s> token, decodes TeX accents outside maths and takes the first of several DOIs", () => {
    const item = `<item>
<title>Why &lt;s&gt; Tokens Sink Attention in Schr\\"odinger Models with $\\"{u}$</title>
<description>arXiv:2408.12001v2 Announce Type: replace 
Abstract: The tokens &lt;s&gt; and &lt;/s&gt; absorb attention, says Erd\\H{o}s.</description>
<guid isPermaLink="false">oai:arXiv.org:2408.12001v2</guid>
<category>cs.CL</category>
<arxiv:DOI>10.1137/23M1234567 10.1137/23M1234567.erratum</arxiv:DOI>
</item>`;
    const feed = `<?xml version='1.0' encoding='UTF-8'?>
<rss xmlns:arxiv="http://arxiv.org/schemas/atom" version="2.0"><channel><title>cs.CL updates on arXiv.org</title>${item}</channel></rss>`;
    const [entry] = parseDigest(feed).entries;
    expect(entry.title).toBe('Why <s> Tokens Sink Attention in Schrödinger Models with $\\"{u}$');
    expect(entry.abstract).toBe('The tokens <s> and </s> absorb attention, says Erdős.');
    expect(entry.doi).toBe('10.1137/23m1234567');
  });

  it('reads a generated 500-entry listing', () => {
    const { entries } = parseDigest(rssListing(500));
    expect(entries).toHaveLength(500);
    expect(new Set(entries.map((e) => e.arxivId)).size).toBe(500);
  });
});

describe('the old RSS 1.0 (RDF) arXiv listings', () => {
  it('reads titles without the id suffix, HTML abstracts and linked author names', () => {
    const rdf = `<?xml version="1.0" encoding="UTF-8"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel rdf:about="http://arxiv.org/">
<title>cs.CL updates on arXiv.org</title>
<dc:date>2023-06-12T20:30:00-05:00</dc:date>
</channel>
<item rdf:about="http://arxiv.org/abs/2306.01234">
<title>Old Style Listing Entry. (arXiv:2306.01234v2 [cs.CL] UPDATED)</title>
<link>http://arxiv.org/abs/2306.01234</link>
<description rdf:parseType="Literal">&lt;p&gt;An abstract in &lt;i&gt;HTML&lt;/i&gt; with a &amp;amp; sign.&lt;/p&gt;</description>
<dc:creator> &lt;a href="http://arxiv.org/find/cs/1/au:+One_A/0/1/0/all/0/1"&gt;Ann One&lt;/a&gt;, &lt;a href="http://arxiv.org/find/cs/1/au:+Two_B/0/1/0/all/0/1"&gt;Bo Two&lt;/a&gt;</dc:creator>
</item>
<item rdf:about="http://arxiv.org/abs/1805.09166">
<title>Recent Top quark results from the Tevatron. (arXiv:1805.09166v1 [hep-ex] CROSS LISTED)</title>
<link>http://arxiv.org/abs/1805.09166</link>
<description rdf:parseType="Literal">&lt;p&gt;Top quarks at the Tevatron.&lt;/p&gt;</description>
</item>
</rdf:RDF>`;
    const { format, entries, meta } = parseDigest(rdf);
    expect(format).toBe('arxiv-rss');
    expect(meta).toEqual({ title: 'arXiv cs.CL', date: '2023-06-12' });
    expect(entries).toEqual([
      expect.objectContaining({
        title: 'Old Style Listing Entry.',
        abstract: 'An abstract in HTML with a & sign.',
        arxivId: '2306.01234',
        arxivVersion: 2,
        announceType: 'replace',
        categories: ['cs.CL'],
        authors: ['Ann One', 'Bo Two'],
      }),
      expect.objectContaining({ title: 'Recent Top quark results from the Tevatron.', arxivVersion: 1, announceType: 'cross', categories: ['hep-ex'] }),
    ]);
  });
});
