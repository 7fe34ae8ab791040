import { describe, expect, it } from 'vitest';
import { parseDigest } from '../../../../src/digest/parse';
import { apiResponse } from '../generate';
import { digestError, fixture } from '../support';

describe('arXiv API responses', () => {
  const api = () => parseDigest(fixture('arxiv-api-query.xml'));

  it('reads entries with their full identity', () => {
    const { format, entries, meta } = api();
    expect(format).toBe('arxiv-api');
    expect(meta).toEqual({ title: 'arXiv query: all:electron', date: '2024-01-22' });
    expect(entries[0]).toMatchObject({
      arxivId: 'hep-ex/0307015',
      arxivVersion: 1,
      title: 'Multi-Electron Production at High Transverse Momenta in ep Collisions at HERA',
      authors: ['H1 Collaboration'],
      comment: '23 pages, 8 figures and 4 tables',
      journalRef: 'Eur.Phys.J. C31 (2003) 17-29',
      primaryCategory: 'hep-ex',
      categories: ['hep-ex'],
      published: '2003-07-07T17:46:39Z',
      links: { abs: 'https://arxiv.org/abs/hep-ex/0307015', pdf: 'https://arxiv.org/pdf/hep-ex/0307015v1' },
      line: 10,
    });
    expect(entries[0].abstract).toMatch(/^Multi-electron production is studied .* respectively\.$/);
    expect(entries[0].abstract).not.toContain('\n');
  });

  it('reads versions, DOI, affiliations apart from names, primary category, and keeps ACM classes out', () => {
    const flexgen = api().entries[1];
    expect(flexgen).toMatchObject({
      arxivId: '2303.06865',
      arxivVersion: 2,
      doi: '10.5555/3618408.3619696',
      authors: ['Ying Sheng', 'Lianmin Zheng', 'Christopher Ré', 'Ce Zhang'],
      published: '2023-03-13T05:19:28Z',
      updated: '2023-06-12T05:58:56Z',
      primaryCategory: 'cs.LG',
      categories: ['cs.LG', 'cs.AI', 'cs.PF'],
    });
    // An indented line starts a new paragraph in arXiv's abstracts.
    expect(flexgen.abstract.split('\n\n')).toHaveLength(2);
  });

  it('keeps LaTeX in titles and decodes entities in summaries', () => {
    const flaws = api().entries[2];
    expect(flaws.title).toBe('$\\mathtt{F}$Laws: Scaling Laws for Fine-Tuning with \\textbf{Few} Examples');
    expect(flaws.abstract).toContain('16 examples & show');
  });

  it("reports the API's error entry as an error, with its message", () => {
    const error = digestError(() => parseDigest(fixture('arxiv-api-error.xml')));
    expect(error.code).toBe('feed-error');
    expect(error.message).toMatch(
      /arXiv API response \(Atom\): arXiv answered with an error instead of papers \(line 11\): “incorrect id format for 1234\.12345”/,
    );
  });

  it('says clearly that a query found nothing', () => {
    const error = digestError(() => parseDigest(fixture('arxiv-api-empty.xml')));
    expect(error.code).toBe('no-entries');
    expect(error.message).toMatch(/the query found no papers/);
  });

  it('reads a generated 500-entry response', () => {
    const { entries } = parseDigest(apiResponse(500));
    expect(entries).toHaveLength(500);
    expect(entries[499]).toMatchObject({ arxivVersion: 2, doi: '10.1000/example.499', authors: ['Author 499', 'Second Author'] });
  });
});

describe('namespaces', () => {
  it('finds arXiv elements under whatever prefix the document declares', () => {
    const renamed = fixture('arxiv-api-query.xml')
      .replace(/arxiv:/g, 'ax:')
      .replace(/xmlns:arxiv=/g, 'xmlns:ax=')
      .replace(/opensearch:/g, 'os:')
      .replace(/xmlns:opensearch=/g, 'xmlns:os=');
    const { entries } = parseDigest(renamed);
    expect(entries.map((e) => [e.primaryCategory, e.journalRef, e.doi])).toEqual(
      parseDigest(fixture('arxiv-api-query.xml')).entries.map((e) => [e.primaryCategory, e.journalRef, e.doi]),
    );
    expect(entries[1].doi).toBe('10.5555/3618408.3619696');
  });
});
