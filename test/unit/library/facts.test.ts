import { describe, expect, it } from 'vitest';
import { digestName } from '../../../src/library/digest-name';
import { authorKey, factFilter, rowFacts } from '../../../src/library/paper-facts';
import type { Paper } from '../../../src/library/types';

const paper = (facts: Partial<Paper>): Paper => ({ id: 'p', title: 't', abstract: 'a', appearances: [], rev: 0, ...facts });

describe('filters on what sources said', () => {
  const p = paper({
    authors: ['José Díaz', 'A. N. Other'],
    primaryCategory: 'cs.CL',
    categories: ['cs.CL', 'cs.AI', 'stat.ML'],
    published: '2024-03-05T17:00:00Z',
  });

  it('finds an author whatever their accents, case and dots', () => {
    expect(authorKey('José  Díaz')).toBe(authorKey('jose diaz'));
    expect(factFilter({ author: 'jose diaz' })!(p)).toBe(true);
    expect(factFilter({ author: 'A N Other' })!(p)).toBe(true);
    expect(factFilter({ author: 'Jose' })!(p)).toBe(false);
    expect(factFilter({ author: 'x' })!(paper({}))).toBe(false);
  });

  it('matches a category exactly, or a branch of the tree when it ends in a dot', () => {
    expect(factFilter({ category: 'cs.ai' })!(p)).toBe(true);
    expect(factFilter({ category: 'stat.' })!(p)).toBe(true);
    expect(factFilter({ category: 'cs.C' })!(p)).toBe(false);
    expect(factFilter({ category: 'math.' })!(p)).toBe(false);
  });

  it('matches the year a paper came out; all filters must hold; none is no filter', () => {
    expect(factFilter({ year: 2024 })!(p)).toBe(true);
    expect(factFilter({ year: 2023 })!(p)).toBe(false);
    expect(factFilter({ year: 2024, category: 'math.' })!(p)).toBe(false);
    expect(factFilter({})).toBeUndefined();
    expect(factFilter({ author: null, category: '', year: null })).toBeUndefined();
  });

  it('gives a row a few authors, their count, and the day', () => {
    const many = paper({ authors: ['A', 'B', 'C', 'D', 'E'], published: '2024-03-05T17:00:00Z', arxivId: '2403.01234', upvotes: 7 });
    expect(rowFacts(many)).toEqual({ authors: ['A', 'B', 'C'], authorCount: 5, published: '2024-03-05', arxivId: '2403.01234', category: null, upvotes: 7 });
    expect(rowFacts(paper({}))).toMatchObject({ authors: [], authorCount: 0, published: null, arxivId: null });
  });
});

describe('digest names say what and when', () => {
  const now = '2026-11-29T10:00:00.000Z';
  it('from the content: the listing and its day', () => {
    expect(digestName({ meta: { title: 'Hugging Face daily papers', date: '2026-11-28' }, fileName: 'daily_papers.json', now })).toBe(
      'Hugging Face daily papers 2026-11-28',
    );
    expect(digestName({ meta: { title: 'arXiv cs.CL' }, fileName: 'cs.CL.xml', modifiedAt: '2026-07-20T06:00:00Z', now })).toBe('arXiv cs.CL 2026-07-20');
  });
  it("from the file: its name with the content's day, else the file's own date, never two dates", () => {
    expect(digestName({ fileName: 'refs.bib', meta: { date: '2024-01-02' }, modifiedAt: '2026-07-20T06:00:00Z', now })).toBe('refs 2024-01-02');
    expect(digestName({ fileName: 'refs.bib', modifiedAt: '2026-07-20T06:00:00Z', now })).toBe('refs 2026-07-20');
    expect(digestName({ fileName: 'digest-2025-03-04.txt', modifiedAt: '2026-07-20T06:00:00Z', now })).toBe('digest-2025-03-04');
  });
  it("dates a moment by the reader's clock: an evening in California is not tomorrow", () => {
    const tz = process.env.TZ;
    process.env.TZ = 'America/Los_Angeles'; // Node reads the zone again when TZ changes
    try {
      expect(digestName({ now: '2026-12-01T03:00:00.000Z' })).toBe('Pasted digest 2026-11-30');
      expect(digestName({ meta: { title: 'Lab blog papers' }, now: '2026-12-01T03:00:00.000Z' })).toBe('Lab blog papers 2026-11-30');
    } finally {
      if (tz === undefined) delete process.env.TZ;
      else process.env.TZ = tz;
    }
  });
  it('a name the reader gave wins; pasted text without one is dated today', () => {
    expect(digestName({ name: '  My   digest ', meta: { title: 'arXiv cs.CL' }, now })).toBe('My digest');
    expect(digestName({ now })).toBe('Pasted digest 2026-11-29');
  });
});
