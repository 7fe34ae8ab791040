import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openCore } from '../../../src/core';
import { type Facets, facetsOf } from '../../../src/library/facets';
import type { Paper } from '../../../src/library/types';
import { tempDir } from '../../helpers';

const paper = (id: string, fields: Partial<Paper>) => ({ id, title: id, abstract: '', ...fields }) as Paper;

describe('facetsOf', () => {
  it('counts each category once per paper, most used first, and years newest first; papers without identity count nowhere', () => {
    const facets = facetsOf([
      paper('a', { primaryCategory: 'cs.CL', categories: ['cs.CL', 'cs.AI'], published: '2024-01-22' }),
      paper('b', { categories: ['cs.AI'], published: '2023-05-01' }),
      paper('c', { primaryCategory: 'cs.AI', published: '2024-02-01T00:00:00Z' }),
      paper('d', {}),
    ]);
    expect(facets.categories).toEqual([
      { name: 'cs.AI', count: 3 },
      { name: 'cs.CL', count: 1 },
    ]);
    expect(facets.years).toEqual([
      { year: 2024, count: 2 },
      { year: 2023, count: 1 },
    ]);
  });

  it('offers at most 40 categories, the most used', () => {
    const papers = Array.from({ length: 50 }, (_, i) => paper(`p${i}`, { categories: Array.from({ length: i + 1 }, (_, j) => `cat.${j}`) }));
    const { categories } = facetsOf(papers);
    expect(categories).toHaveLength(40);
    expect(categories[0]).toEqual({ name: 'cat.0', count: 50 });
  });
});

describe('the facets of the view', () => {
  const FIXTURES = path.resolve(import.meta.dirname, '..', '..', 'fixtures', 'formats');
  const text = (name: string) => fs.readFileSync(path.join(FIXTURES, name), 'utf8');

  it('count the papers of the digest, search and filters in view; a facet’s own filter does not narrow its counts', async () => {
    const core = await openCore({ dataDir: tempDir() });
    try {
      const query = (arg: Parameters<(typeof core.handlers)['papers.query']['run']>[0]) => core.handlers['papers.query'].run({ ...arg, facets: true });
      const imported = async (name: string) => (await core.handlers['digests.import'].run({ text: text(name), fileName: name, source: 'file' })).digest!;
      const rss = await imported('arxiv-rss-cs.CL.xml');
      const api = await imported('arxiv-api-query.xml');
      const count = (facets: Facets | undefined): Record<string, number> =>
        Object.fromEntries([...facets!.categories.map((c) => [c.name, c.count]), ...facets!.years.map((y) => [y.year, y.count])]);

      const library = count((await query({})).facets);
      expect(library).toMatchObject({ 'cs.CL': 5, 'cs.LG': 3, 2024: 4, 2003: 1 });
      const cl = count((await query({ digestId: rss.id })).facets);
      expect(cl).toMatchObject({ 'cs.CL': 5, 'cs.LG': 1, 2024: 3 });
      expect(cl['hep-ex']).toBeUndefined();
      expect(count((await query({ digestId: api.id })).facets)).toEqual({
        'cs.LG': 2,
        'cs.AI': 1,
        'cs.PF': 1,
        'hep-ex': 1,
        'stat.ML': 1,
        2024: 1,
        2023: 1,
        2003: 1,
      });

      // A category chosen: the years count its papers; the categories stay those of the view, as choosing another would show.
      const inLg = await query({ category: 'cs.LG' });
      expect(inLg.total).toBe(3);
      expect(count(inLg.facets)).toMatchObject({ 'cs.CL': 5, 'cs.LG': 3, 'hep-ex': 1 });
      expect(inLg.facets!.years.reduce((n, y) => n + y.count, 0)).toBeLessThanOrEqual(3);
      const of2003 = count((await query({ year: 2003 })).facets);
      expect(of2003).toMatchObject({ 'hep-ex': 1, 2024: 4, 2003: 1 });
      expect(of2003['cs.CL']).toBeUndefined();

      // A search: its results.
      await expect.poll(async () => (await query({ q: 'speech' })).indexing, { timeout: 30_000 }).toBeNull();
      const found = await query({ q: 'speech' });
      const searched = count(found.facets);
      expect(Object.values(searched).every((n) => n <= found.total)).toBe(true);
      expect(searched).toMatchObject({ 'cs.SD': 1, 'eess.AS': 1 });
      expect(searched['cs.CL']).toBeLessThan(library['cs.CL']);
      // Asked with no rows, as the list asks a search's counts once typing pauses: the same counts.
      const countsOnly = await query({ q: 'speech', limit: 0 });
      expect(countsOnly.items).toEqual([]);
      expect(countsOnly.total).toBe(found.total);
      expect(countsOnly.facets).toEqual(found.facets);
    } finally {
      await core.close();
    }
  });
});
