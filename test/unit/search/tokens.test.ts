import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { eachToken, highlightRanges, snippet, WORD_CHAR } from '../../../src/search/text';
import { QueryMarks } from '../../../src/search/marks';

const TOKEN = new RegExp(`${WORD_CHAR}+`, 'gu');
const tokens = (text: string) => {
  const found: [string, number][] = [];
  eachToken(text, (token, start) => {
    found.push([token, start]);
  });
  return found;
};

/** Letters, digits, spaces, punctuation and symbols, accents, Greek, an emoji, a lone surrogate, a control character. */
const char = fc.constantFrom(
  'a',
  'Z',
  '7',
  '_',
  '-',
  '’',
  '–',
  ' ',
  '\n',
  '\u00a0',
  '\u0000',
  '$',
  '+',
  'é',
  'α',
  'ﬁ',
  '😀',
  '𝑥',
  '\ud800',
  '\udc00',
  '\u0301',
);

describe('the tokens of a text (what is indexed is what is marked)', () => {
  it('are the runs of word characters, each where it starts, as the tokenizer’s expression finds them', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.oneof(char, fc.string({ unit: 'binary', maxLength: 1 })), maxLength: 40 }), (text) => {
        fc.pre(!/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u.test(text));
        expect(tokens(text)).toEqual([...text.matchAll(TOKEN)].map((m) => [m[0], m.index]));
      }),
      { numRuns: 2000 },
    );
  });

  it('stop where the visitor says', () => {
    const seen: string[] = [];
    eachToken('speculative decoding for LLM inference', (token) => {
      seen.push(token);
      return token !== 'decoding';
    });
    expect(seen).toEqual(['speculative', 'decoding']);
  });
});

describe('marking the words a search found', () => {
  const asciiWord = fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'e', 'A', 'B', 'C', 'E', '1'), minLength: 1, maxLength: 9 });
  const query = fc.array(asciiWord, { minLength: 1, maxLength: 3 }).chain((words) => fc.constantFrom(words.join(' '), `${words.join(' ')} `));

  it('marks the same words with the quick test of a word’s first letter, length and the letters it lacks as without it', () => {
    fc.assert(
      fc.property(query, fc.array(asciiWord, { maxLength: 30 }), (q, words) => {
        const text = words.join(' ');
        const marks = new QueryMarks(q);
        const slow = { size: marks.size, has: (w: string) => marks.has(w) };
        expect(highlightRanges(text, marks)).toEqual(highlightRanges(text, slow));
        expect(snippet(text, marks, 40)).toEqual(snippet(text, slow, 40));
        for (const w of words) if (marks.has(w.toLowerCase())) expect(marks.admits(w, 0, w.length)).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });

  it('marks typos that bring letters the word lacks, as many as its typo distance allows', () => {
    const text = 'Tranzformer, transfxrmerz and traNsformer; not tqanzfxrmer nor decoder.';
    for (const q of ['transformer', 'transformer ']) {
      const marks = new QueryMarks(q);
      const slow = { size: marks.size, has: (w: string) => marks.has(w) };
      const marked = highlightRanges(text, marks).map(([s, e]) => text.slice(s, e));
      expect(marked).toEqual(['Tranzformer', 'transfxrmerz', 'traNsformer']);
      expect(highlightRanges(text, slow)).toEqual(highlightRanges(text, marks));
    }
  });
});
