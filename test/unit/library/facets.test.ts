import { describe, expect, it } from 'vitest';
import { facetsOf } from '../../../src/library/facets';
import type { Paper } from '../../../src/library/types';

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
