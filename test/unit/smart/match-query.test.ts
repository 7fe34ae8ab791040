import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileQuery, matches, matchesCategory, parseQuery, type SmartPaper } from '../../../src/smart';

const paper: SmartPaper = {
  title: 'LOOK-M: Look-Once Optimization in KV Cache for Efficient Multimodal Long-Context Inference',
  abstract: 'Long-context Multimodal Large Language Models demand substantial resources; we compress the KV cache with speculative merging.',
  authors: ['Zhongwei Wan', 'Geoffrey E. Hinton', 'José Müller'],
  categories: ['cs.CL', 'cs.CV'],
  published: '2024-06-26T17:59:59Z',
  tags: ['Efficient Inference', 'to-read'],
  state: 'reading',
  starred: true,
};

function test(q: string, p: SmartPaper = paper): boolean {
  const r = parseQuery(q);
  if (!r.ok) throw r.error;
  return matches(r.query, p);
}

describe('matches', () => {
  it.each([
    ['', true],
    ['kv', true],
    ['KV cache', true],
    ['"kv cache"', true],
    ['"cache kv"', false],
    ['kv-cache', true],
    ['"look once"', true],
    ['diffusion', false],
    ['kv -speculative', false],
    ['kv -"speculative decoding"', true],
    ['cach', false],
  ])('text %j → %s', (q, expected) => {
    expect(test(q)).toBe(expected);
  });

  it.each([
    ['author:hinton', true],
    ['author:"Geoffrey Hinton"', true],
    ['author:"Hinton Geoffrey"', false],
    ['author:muller', true],
    ['author:Müller', true],
    ['author:bengio', false],
    ['-author:bengio', true],
    ['cat:cs.CL', true],
    ['cat:CS.cl', true],
    ['cat:cs.', true],
    ['cat:cs', true],
    ['cat:cs.C', false],
    ['cat:math.', false],
    ['-cat:cs.CV', false],
    ['tag:"efficient inference"', true],
    ['tag:to-read', true],
    ['tag:to', false],
    ['status:reading', true],
    ['status:read', false],
    ['status:starred', true],
    ['-status:starred', false],
    ['status:not-interested', false],
    ['-status:not-interested', true],
    ['year:2024', true],
    ['year:2023..2025', true],
    ['year:>=2025', false],
    ['year:<=2024', true],
    ['kv author:wan cat:cs. year:2024 status:starred tag:to-read', true],
  ])('field %j → %s', (q, expected) => {
    expect(test(q)).toBe(expected);
  });

  it('a paper without the data a field asks for does not match it, and does match its exclusion', () => {
    const bare: SmartPaper = { title: 'A', abstract: 'B', tags: [], state: 'unread', starred: false };
    expect(test('author:x', bare)).toBe(false);
    expect(test('cat:cs.', bare)).toBe(false);
    expect(test('year:2024', bare)).toBe(false);
    expect(test('-year:2024', bare)).toBe(true);
    expect(test('status:unread -status:starred', bare)).toBe(true);
    expect(test('-status:not-interested', bare)).toBe(true);
    expect(test('status:not-interested', { ...bare, notInterested: true })).toBe(true);
  });

  it('category patterns: a trailing dot is the tree, no dot is the archive, else exact', () => {
    expect(matchesCategory('hep-th', ['hep-th'])).toBe(true);
    expect(matchesCategory('hep', ['hep-th'])).toBe(false);
    expect(matchesCategory('math', ['math.AG'])).toBe(true);
    expect(matchesCategory('math.', ['math'])).toBe(false);
  });
});

describe('compileQuery', () => {
  const papers: SmartPaper[] = [
    paper,
    { ...paper, title: 'Protein folding', abstract: 'Molecules.', tags: [], starred: false, state: 'unread', published: '2021-01-01' },
    { ...paper, title: 'Speculative decoding at scale', abstract: 'Drafts.', categories: ['cs.LG'], tags: ['to-read'] },
  ];

  it('filters many papers with one compiled query', () => {
    const r = parseQuery('-protein year:>=2022 cat:cs.');
    if (!r.ok) throw r.error;
    const keep = compileQuery(r.query);
    expect(papers.filter(keep).map((p) => p.title.split(' ')[0])).toEqual(['LOOK-M:', 'Speculative']);
  });

  it('any query that parses evaluates to a boolean on any paper, and negating a single term flips it', () => {
    const anyPaper = fc.record({
      title: fc.string(),
      abstract: fc.string(),
      authors: fc.option(fc.array(fc.string()), { nil: undefined }),
      categories: fc.option(fc.array(fc.constantFrom('cs.CL', 'cs.CV', 'math.AG', 'hep-th', 'x')), { nil: undefined }),
      published: fc.option(fc.oneof(fc.string(), fc.constantFrom('2024-01-02', '1999', '2023-12-31T23:59:59Z')), { nil: undefined }),
      tags: fc.array(fc.string()),
      state: fc.constantFrom('read' as const, 'unread' as const, 'reading' as const),
      starred: fc.boolean(),
    });
    const anyTerm = fc.constantFrom(
      'kv',
      '"kv cache"',
      'author:hinton',
      'cat:cs.',
      'cat:cs.CL',
      'tag:x',
      'status:read',
      'status:starred',
      'year:2024',
      'year:..2023',
    );
    fc.assert(
      fc.property(anyTerm, anyPaper, (term, p) => {
        const plain = parseQuery(term);
        const negated = parseQuery(`-${term}`);
        if (!plain.ok || !negated.ok) throw new Error('fixture terms parse');
        const m = matches(plain.query, p);
        expect(typeof m).toBe('boolean');
        expect(matches(negated.query, p)).toBe(!m);
      }),
      { numRuns: 1000 },
    );
  });
});
