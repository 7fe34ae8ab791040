import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { holdsPhrase, PhraseMemo, phraseWords, rerankByPhrase, type PhraseText } from '../../../src/search/phrase';
import { processTerm, SEPARATOR, tokenize, WORD_CHAR } from '../../../src/search/text';

/** A paper whose abstract counts its reads, as the library's are read from a file. */
class Paper implements PhraseText {
  reads = 0;
  constructor(
    public title: string,
    public text: string,
    public rev = 0,
  ) {}
  get abstract() {
    this.reads++;
    return this.text;
  }
}

interface Hit {
  id: string;
  score: number;
  paper: Paper;
}

const hitsOf = (papers: Paper[]): Hit[] => papers.map((paper, i) => ({ id: String(i), score: 10 - i / 100, paper }));
const ranked = (hits: Hit[]) => hits.map((h) => [h.id, h.score]);
/** Every prefix of `query` typed key by key. */
const keys = (query: string) => Array.from(query, (_, i) => query.slice(0, i + 1));

describe('the phrase re-rank remembers, from key to key, which papers cannot hold the phrase', () => {
  const word = fc.constantFrom('spec', 'speculative', 'decoding', 'deco', 'model', 'models', 'large', 'language');
  const text = fc.tuple(fc.array(word, { maxLength: 8 }), fc.constantFrom(' ', '-', ', ')).map(([w, sep]) => w.join(sep));
  const query = fc.array(word, { minLength: 1, maxLength: 3 }).map((w) => w.join(' '));

  it('ranks every key exactly as without the memo, whatever was typed before', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(text, text), { minLength: 1, maxLength: 30 }), fc.array(query, { minLength: 1, maxLength: 3 }), (texts, queries) => {
        const papers = texts.map(([t, a]) => new Paper(t, a));
        const memo = new PhraseMemo();
        // Typed, then some words taken back and others typed: keys that narrow the phrase and keys that do not.
        for (const q of queries.flatMap((q) => [...keys(q), ...keys(q).reverse()])) {
          const plain = rerankByPhrase(hitsOf(papers), q, (h) => h.paper);
          expect(ranked(rerankByPhrase(hitsOf(papers), q, (h) => h.paper, memo))).toEqual(ranked(plain));
        }
      }),
    );
  });

  it('reads no abstract again for a paper that lacked the shorter phrase', () => {
    const without = Array.from({ length: 50 }, (_, i) => new Paper(`paper ${i}`, 'speculative sampling and decoding with drafts'));
    const holding = new Paper('a survey', 'fast speculative decoding for large models');
    const papers = [...without, holding];
    const memo = new PhraseMemo();
    rerankByPhrase(hitsOf(papers), 'speculative d', (h) => h.paper, memo);
    expect(without.every((p) => p.reads === 1)).toBe(true);
    const hits = rerankByPhrase(hitsOf(papers), 'speculative decod', (h) => h.paper, memo);
    expect(without.every((p) => p.reads === 1)).toBe(true);
    expect(holding.reads).toBe(2);
    expect(hits[0].paper).toBe(holding);
    // Taken back to a phrase the last one does not narrow: tested afresh.
    rerankByPhrase(hitsOf(papers), 'speculative', (h) => h.paper, memo);
    rerankByPhrase(hitsOf(papers), 'sampling and', (h) => h.paper, memo);
    expect(without.every((p) => p.reads === 2)).toBe(true);
  });

  it('tests a paper again once its text changed (a newer version)', () => {
    const paper = new Paper('a survey', 'speculative sampling');
    const other = new Paper('another', 'nothing here');
    const memo = new PhraseMemo();
    expect(rerankByPhrase(hitsOf([other, paper]), 'speculative d', (h) => h.paper, memo)[0].paper).toBe(other);
    paper.text = 'speculative decoding';
    paper.rev++;
    expect(rerankByPhrase(hitsOf([other, paper]), 'speculative deco', (h) => h.paper, memo)[0].paper).toBe(paper);
  });
});

describe('a phrase is found in a text', () => {
  /** What the re-rank tested with until it looked for the words itself: a case-insensitive pattern. */
  const byPattern = (text: string, words: string[]) => new RegExp(`(?<!${WORD_CHAR})${words.join(`${SEPARATOR}+`)}`, 'iu').test(text);
  const piece = fc.constantFrom(
    'KV',
    'cache',
    'caché',
    'Cache',
    'co',
    'x',
    'σ',
    'Σ',
    '😀',
    '𝑥',
    '中文',
    '-',
    '—',
    ' ',
    ', ',
    '(',
    '+',
    '_',
    '’',
    '\u00a0',
    '3',
    'ß',
    'ς',
    'µ',
    'μ',
    'ϵ',
    'ε',
    'ſ',
  );

  // Not 'İ': lower-cased it is two characters, as the index has it, which the pattern never matched.
  it('as the pattern found it: whole words in order, with only separators between, the last begun', () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 14 }), fc.array(piece, { minLength: 1, maxLength: 8 }), (text, typed) => {
        const words = tokenize(typed.join(' ')).map(processTerm);
        if (words.length === 0) return;
        const t = text.join('');
        expect(holdsPhrase(t, phraseWords(typed.join(' ')))).toBe(byPattern(t, words));
      }),
      { numRuns: 3000 },
    );
  });

  it('in the cases a reader meets', () => {
    const holds = (text: string, q: string) => holdsPhrase(text, phraseWords(q));
    expect(holds('Fast KV-Cache Compression', 'kv cache co')).toBe(true);
    expect(holds('a quick KV cache', 'kv cache co')).toBe(false);
    expect(holds('TKV cache compression', 'kv cache')).toBe(false); // the first word must begin a token
    expect(holds('kvcache', 'kv cache')).toBe(false); // the words must be apart
    expect(holds('speculative decoding', 'speculative deco')).toBe(true);
    expect(holds('speculative, then decoding', 'speculative then')).toBe(true);
    expect(holds('😀kv cache', 'kv cache')).toBe(true);
    expect(holds('𝑥kv cache', 'kv cache')).toBe(false); // a letter outside the BMP is a word character
    expect(holds('KV’Σ cache', 'kv σ')).toBe(true); // Σ lower-cased after ’ is a final sigma: folded as one
    expect(holds('a 5 µm grid', '5 μm')).toBe(true); // the micro sign, and mu
    expect(holds('kv cache', '')).toBe(false);
  });
});
