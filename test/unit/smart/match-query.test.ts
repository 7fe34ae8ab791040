import { describe, expect, it } from 'vitest';
import { matches, matchesCategory, parseQuery, type SmartPaper } from '../../../src/smart';

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
  });

  it('category patterns: a trailing dot is the tree, no dot is the archive, else exact', () => {
    expect(matchesCategory('hep-th', ['hep-th'])).toBe(true);
    expect(matchesCategory('hep', ['hep-th'])).toBe(false);
    expect(matchesCategory('math', ['math.AG'])).toBe(true);
    expect(matchesCategory('math.', ['math'])).toBe(false);
  });
});
